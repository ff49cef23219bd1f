import { accountCoverage, type AccountCoverage } from './account-coverage'
import { assertIsoDate } from './dates'
import { dealFindings } from './deal-findings'
import type { AnalysisInputs } from './analysis-inputs'
import { countBySeverity, sortFindings, type Finding, type Severity } from './findings'
import { keyPeopleTies } from './key-people-ties'
import { mergeFindingsByPerson } from './merge-findings'
import { mapStatus, type MapStatus } from './map-status'
import { proposeActions, type ProposedAction } from './proposed-actions'
import type { Band } from './relationship-score'
import { scoringDay, strengthOn, type StakeholderStrength } from './stakeholder-strength'
import { resolveSettings } from './settings'
import { analyzeTeamCoverage, type TeamCoverage } from './team-coverage'

export interface RelationshipSummary {
  strength: number
  band: Band
  stale: boolean
  bestSellerId?: string
}

export interface DealAnalysis {
  team: TeamCoverage
  /** Keyed by stakeholder id: the best relationship's strength and band, and staleness. */
  relationships: Record<string, RelationshipSummary>
  coverage: AccountCoverage
  mapStatus: MapStatus
  /**
   * Team findings and relationship insights together, most severe first, with the findings
   * about one person merged into one (see mergeFindingsByPerson).
   */
  findings: Finding[]
  /** How many of `findings` are of each severity: what the map badge shows beside the status. */
  findingCounts: Record<Severity, number>
  proposedActions: ProposedAction[]
}

/**
 * Everything the deal's panels show, as a pure function of one AnalysisInputs (the deal, the
 * roster, the other open deals, the settings and the date). Linear in the size of the deal: each
 * stakeholder and contact is visited a constant number of times, lookups go through Maps.
 * Throws a RangeError only when `today` is not a real YYYY-MM-DD date.
 */
export function analyzeDeal({ deal, roster, openDeals, settings, today, accountDeals = [] }: AnalysisInputs): DealAnalysis {
  assertIsoDate(today)
  const { cadenceDays } = resolveSettings(settings)
  const ties = keyPeopleTies(deal, accountDeals, { today, cadenceDays })
  const team = analyzeTeamCoverage(deal, roster, openDeals, settings, { ties })
  const day = scoringDay({ today, cadenceDays })
  // In the order of deal.stakeholders: the parts below walk the people in that order, so they
  // read a person's strength by position instead of looking it up by id (one Map fewer).
  const strengths: StakeholderStrength[] = []
  const relationships: Record<string, RelationshipSummary> = {}
  for (const s of deal.stakeholders) {
    const strength = strengthOn(s, day)
    strengths.push(strength)
    const summary: RelationshipSummary = { strength: strength.strength, band: strength.band, stale: strength.stale }
    if (strength.bestSellerId) summary.bestSellerId = strength.bestSellerId
    relationships[s.id] = summary
  }
  const unmerged = sortFindings([...team.findings, ...dealFindings(deal, strengths)])
  const findings = mergeFindingsByPerson(unmerged)
  return {
    team,
    relationships,
    coverage: accountCoverage(deal, strengths),
    mapStatus: mapStatus(deal),
    findings,
    findingCounts: countBySeverity(findings),
    // Each reason proposes its own action: merging is for reading, not for planning.
    proposedActions: proposeActions(unmerged, { today, deal, strengths }),
  }
}
