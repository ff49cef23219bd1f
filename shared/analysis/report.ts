import { ROLES, type Deal, type Role, type Seller } from '../model'
import { SEAT_OF_ROLE, WINS_WITH } from '../method'
import type { DealAnalysis } from './analyze-deal'
import type { Band } from './relationship-score'
import { statusLine } from './describe-status'
import type { Finding, Severity } from './findings'

/**
 * The shapes the command line prints (team coverage, relationships and insights). Kept pure and
 * separate from the analysis so the CLI's JSON is a stable contract of its own.
 */
export interface FindingJson {
  code: Finding['code']
  severity: Finding['severity']
  sellerIds?: string[]
  stakeholderIds?: string[]
  role?: Role
  department?: string
  message: string
  nextStep?: string
  /** A finding merged from several about one person: each of them. */
  reasons?: FindingJson[]
}

export interface DealReportJson {
  id: string
  name: string
  team: {
    verdict: DealAnalysis['team']['verdict']
    roles: Record<Role, { covered: boolean; seats: Array<{ sellerId: string; qualified: boolean }> }>
    findings: FindingJson[]
    suggestions: Array<{ role: Role; sellerIds: string[] }>
  }
  relationships: Record<string, { strength: number; band: Band; stale: boolean }>
  coverage: DealAnalysis['coverage']
  mapStatus: DealAnalysis['mapStatus']
  /** How many findings of each severity are open (a merged finding counts once). */
  findingCounts: Record<Severity, number>
  findings: FindingJson[]
}

function findingJson(f: Finding, withNextStep: boolean): FindingJson {
  return {
    code: f.code,
    severity: f.severity,
    ...(f.sellerIds ? { sellerIds: f.sellerIds } : {}),
    ...(f.stakeholderIds ? { stakeholderIds: f.stakeholderIds } : {}),
    ...(f.role ? { role: f.role } : {}),
    ...(f.department !== undefined ? { department: f.department } : {}),
    message: f.message,
    ...(withNextStep && f.nextStep ? { nextStep: f.nextStep } : {}),
    ...(f.reasons ? { reasons: f.reasons.map((r) => findingJson(r, withNextStep)) } : {}),
  }
}

export function dealReportJson(deal: Pick<Deal, 'id' | 'name'>, analysis: DealAnalysis): DealReportJson {
  const roles = Object.fromEntries(ROLES.map((r) => [r, {
    covered: analysis.team.roles[r].covered,
    seats: analysis.team.roles[r].seats.map((s) => ({ sellerId: s.sellerId, qualified: s.qualified })),
  }])) as DealReportJson['team']['roles']
  const relationships: DealReportJson['relationships'] = {}
  for (const [id, r] of Object.entries(analysis.relationships)) relationships[id] = { strength: r.strength, band: r.band, stale: r.stale }
  return {
    id: deal.id,
    name: deal.name,
    team: {
      verdict: analysis.team.verdict,
      roles,
      findings: analysis.team.findings.map((f) => findingJson(f, false)),
      suggestions: analysis.team.suggestions.map((s) => ({ role: s.role, sellerIds: s.sellerIds })),
    },
    relationships,
    coverage: analysis.coverage,
    mapStatus: analysis.mapStatus,
    findingCounts: analysis.findingCounts,
    findings: analysis.findings.map((f) => findingJson(f, true)),
  }
}

const VERDICT_TEXT = { covered: 'COVERED', 'at-risk': 'AT RISK', gaps: 'GAPS' } as const

/** A plain-text report for people reading a terminal. */
export function formatDealReport(deal: Pick<Deal, 'id' | 'name' | 'customer'>, analysis: DealAnalysis, roster: readonly Seller[], today: string): string {
  const sellers = new Map(roster.map((s) => [s.id, s]))
  const nameOf = (id: string) => sellers.get(id)?.name ?? `${id} (not in roster)`
  const lines: string[] = []
  lines.push(`${deal.name} (${deal.id})${deal.customer ? ` — ${deal.customer}` : ''}, as of ${today}`)
  lines.push(`Team: ${VERDICT_TEXT[analysis.team.verdict]}`)
  for (const role of ROLES) {
    const seats = analysis.team.roles[role].seats
    const who = seats.length === 0 ? 'nobody'
      : seats.map((s) => `${nameOf(s.sellerId)}${sellers.has(s.sellerId) ? ` (${sellers.get(s.sellerId)!.level}${s.lead ? ', lead' : ''})` : ''}${s.qualified ? '' : ' [not qualified]'}`).join('; ')
    lines.push(`  ${role.padEnd(7)} ${SEAT_OF_ROLE[role]} seat, wins with ${WINS_WITH[role]}: ${who}`)
  }
  for (const s of analysis.team.suggestions) {
    lines.push(`  Suggested for ${s.role}: ${s.sellerIds.length ? s.sellerIds.map(nameOf).join(', ') : 'no one on the roster qualifies'}`)
  }
  const { deep, broad, transparent } = analysis.coverage
  const status = statusLine({
    status: analysis.mapStatus,
    serious: (n) => `${n} serious`,
    warnings: (n) => `${n} warning${n === 1 ? '' : 's'}`,
  }, analysis.findingCounts)
  lines.push(`Map status: ${status}    Coverage: deep ${deep}, broad ${broad}, transparent ${transparent}`)
  const bands: Record<Band, number> = { strong: 0, workable: 0, weak: 0, none: 0 }
  let stale = 0
  for (const r of Object.values(analysis.relationships)) {
    bands[r.band]++
    if (r.stale) stale++
  }
  lines.push(`Relationships: ${bands.strong} strong, ${bands.workable} workable, ${bands.weak} weak, ${bands.none} none; ${stale} not contacted within their cadence`)
  if (analysis.findings.length === 0) {
    lines.push('Findings: none')
  } else {
    lines.push(`Findings (${analysis.findings.length}):`)
    for (const f of analysis.findings) {
      if (!f.reasons) {
        lines.push(`  [${f.severity}] ${f.message}`)
        if (f.nextStep) lines.push(`          Next: ${f.nextStep}`)
        continue
      }
      // One person, several reasons: the name once, then each reason with its next step.
      lines.push(`  [${f.severity}] ${f.params.stakeholderName ?? ''}, ${f.reasons.length} reasons:`)
      for (const r of f.reasons) {
        lines.push(`    - [${r.severity}] ${r.message}`)
        if (r.nextStep) lines.push(`          Next: ${r.nextStep}`)
      }
    }
  }
  return lines.join('\n') + '\n'
}
