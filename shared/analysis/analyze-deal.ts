import type { Deal, Seller } from '../model'
import { accountCoverage, type AccountCoverage } from './account-coverage'
import { assertIsoDate } from './dates'
import { dealFindings } from './deal-findings'
import { sortFindings, type Finding } from './findings'
import { mapStatus, type MapStatus } from './map-status'
import { proposeActions, type ProposedAction } from './proposed-actions'
import { stakeholderStrength, type Band, type StakeholderStrength } from './relationship-score'
import { resolveSettings, type AnalysisSettings } from './settings'
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
  /** Team findings and relationship insights together, most severe first. */
  findings: Finding[]
  proposedActions: ProposedAction[]
}

/**
 * Everything the deal's panels show, as a pure function of the deal, the roster, the other
 * open deals and the date. Linear in the size of the deal: each
 * stakeholder and contact is visited a constant number of times, lookups go through Maps.
 * Throws a RangeError only when `today` is not a real YYYY-MM-DD date.
 */
export function analyzeDeal(
  deal: Deal,
  roster: readonly Seller[],
  openDeals: readonly Pick<Deal, 'id' | 'stage' | 'team'>[],
  today: string,
  settings?: AnalysisSettings,
): DealAnalysis {
  assertIsoDate(today)
  const { cadenceDays } = resolveSettings(settings)
  const team = analyzeTeamCoverage(deal, roster, openDeals, settings)
  const strengths = new Map<string, StakeholderStrength>()
  const relationships: Record<string, RelationshipSummary> = {}
  for (const s of deal.stakeholders) {
    const strength = stakeholderStrength(s, { today, cadenceDays })
    strengths.set(s.id, strength)
    relationships[s.id] = {
      strength: strength.strength,
      band: strength.band,
      stale: strength.stale,
      ...(strength.bestSellerId ? { bestSellerId: strength.bestSellerId } : {}),
    }
  }
  const findings = sortFindings([...team.findings, ...dealFindings(deal, strengths)])
  return {
    team,
    relationships,
    coverage: accountCoverage(deal, strengths),
    mapStatus: mapStatus(deal),
    findings,
    proposedActions: proposeActions(findings, { today, deal, strengths }),
  }
}
