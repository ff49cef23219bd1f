import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  analyzeDeal, analyzeTeamCoverage, DEAL_FINDING_CODES, sortFindings, TEAM_FINDING_CODES, type Finding, type FindingCode, type TeamVerdict,
} from '@shared/analysis'
import type { Deal, Seller } from '@shared/model'
import { aDeal, aSeller } from '../../fixtures/builders'

// The severity order of docs/method.md#severity-order, scenario by scenario, worst first.

const amy = aSeller('amy', { name: 'Amy', level: 'senior', kinds: ['account'] })
const sol = aSeller('sol', { name: 'Sol', level: 'top', kinds: ['solution'] })
const pat = aSeller('pat', { name: 'Pat', level: 'mid', kinds: ['project'] })
const jun = aSeller('jun', { name: 'Jun', level: 'junior', kinds: ['account', 'solution', 'project'] })
const mid = aSeller('mid', { name: 'Mia', level: 'mid', kinds: ['account'] })
const ace = aSeller('ace', { name: 'Ace', level: 'senior', kinds: ['solution'] })
const roster: Seller[] = [amy, sol, pat, jun, mid, ace]
const healthy = () => aDeal().seat(amy, 'account', { lead: true }).seat(sol, 'solution').seat(pat, 'project')
const busy = (n: number): Deal[] => Array.from({ length: n }, (_, i) => aDeal(`other-${i}`).seat(pat, 'project').build())

interface Scenario {
  scenario: string
  deal: Deal
  openDeals?: Deal[]
  verdict: TeamVerdict
  /** The finding that decides the verdict (none for a covered team). */
  because?: FindingCode
}

/** Worst first: each row ranks at least as bad as every row below it. */
const SCENARIOS: Scenario[] = [
  { scenario: 'a seat names a seller not in the roster', deal: healthy().seat('ghost', 'project').build(), verdict: 'gaps', because: 'unknown-seller' },
  { scenario: 'a role has no seat', deal: aDeal().seat(amy, 'account').seat(pat, 'project').build(), verdict: 'gaps', because: 'missing-role' },
  { scenario: 'one junior seller in all three seats', deal: aDeal().seat(jun, 'account').seat(jun, 'solution').seat(jun, 'project').build(), verdict: 'gaps', because: 'no-qualified-seat' },
  { scenario: 'a stretch seat beside qualified colleagues', deal: aDeal().seat(mid, 'account').seat(sol, 'solution').seat(pat, 'project').build(), verdict: 'at-risk', because: 'unqualified-seat' },
  { scenario: 'one seller plays two roles beside another', deal: healthy().seat(sol, 'account').build(), verdict: 'at-risk', because: 'multi-seat' },
  { scenario: 'one seller alone holds two roles', deal: aDeal().seat(amy, 'account').seat(sol, 'solution').seat(sol, 'project').build(), verdict: 'at-risk', because: 'single-point' },
  { scenario: 'a seller sits on more open deals than the limit', deal: healthy().build(), openDeals: busy(5), verdict: 'at-risk', because: 'overloaded-seller' },
  { scenario: 'a key player has no owner', deal: healthy().withStakeholder('dm', { buyingRole: 'decision-maker' }).build(), verdict: 'at-risk', because: 'unowned-key-player' },
  { scenario: 'a qualified seller sits in a seat not of their kind', deal: aDeal().seat(amy, 'account').seat(sol, 'solution').seat(ace, 'project').build(), verdict: 'covered' },
  { scenario: 'a qualified seller in each seat', deal: healthy().build(), verdict: 'covered' },
]

const VERDICT_RANK: Record<TeamVerdict, number> = { gaps: 0, 'at-risk': 1, covered: 2 }

describe('the severity order of team verdicts', () => {
  it.each(SCENARIOS)('$scenario: $verdict', ({ deal, openDeals, verdict, because }) => {
    const team = analyzeTeamCoverage(deal, roster, openDeals ?? [])
    expect(team.verdict).toBe(verdict)
    const worst = team.findings.filter((f) => f.severity !== 'info')
    if (because) expect(worst.map((f) => f.code)).toContain(because)
    else expect(worst).toEqual([])
  })

  it('the table is in ranked order, worst first', () => {
    const ranks = SCENARIOS.map((s) => VERDICT_RANK[s.verdict])
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
  })

  it('no qualified seat at all is as bad as a missing role, and says why', () => {
    const team = analyzeTeamCoverage(SCENARIOS[2].deal, roster, [])
    const finding = team.findings.find((f) => f.code === 'no-qualified-seat')!
    expect(finding.severity).toBe('error')
    expect(finding.message).toBe('None of the 3 seats is held by a seller who has mastered its role: nobody on the team can play the game yet.')
  })
})

/** The docs' findings table: code and severity per row, in the order the lists show them. */
function documentedOrder(): Array<{ code: string; severity: string }> {
  const doc = readFileSync(resolve(import.meta.dirname, '../../../docs/method.md'), 'utf8')
  const section = doc.slice(doc.indexOf('## Severity order'))
  const table = section.slice(section.indexOf('| order |'), section.indexOf('\n\n', section.indexOf('| order |')))
  return table.split('\n').slice(2).map((row) => {
    const cells = row.split('|').map((c) => c.trim())
    return { code: cells[2].replaceAll('`', ''), severity: cells[3] }
  })
}

describe('the severity order of findings', () => {
  it('docs/method.md lists every finding code in the order the app sorts them', () => {
    // Sorting one finding of each code at each severity it can have must give the doc's rows.
    const SEVERITY_WORD = { error: 'must fix', warning: 'watch', info: 'note' } as const
    const rows = documentedOrder()
    const findings: Finding[] = rows.map((r) => ({
      code: r.code as FindingCode,
      severity: (Object.keys(SEVERITY_WORD) as Array<keyof typeof SEVERITY_WORD>).find((k) => SEVERITY_WORD[k] === r.severity)!,
      params: {}, message: r.code,
    }))
    expect(sortFindings([...findings].reverse()).map((f) => `${f.code} ${f.severity}`)).toEqual(findings.map((f) => `${f.code} ${f.severity}`))
    expect(new Set(rows.map((r) => r.code))).toEqual(new Set([...TEAM_FINDING_CODES, ...DEAL_FINDING_CODES]))
  })

  it('a person with several findings is listed once, under the worst of them', () => {
    const deal = healthy()
      .withStakeholder('x', { name: 'Xu', stance: 'opponent', influence: 'high', department: 'Ops' })
      .build()
    const { findings } = analyzeDeal({ deal, roster, openDeals: [], settings: {}, today: '2026-03-12' })
    const aboutXu = findings.filter((f) => f.department === undefined && f.stakeholderIds?.[0] === 'x')
    expect(aboutXu).toHaveLength(1)
    expect(aboutXu[0].severity).toBe('error')
    expect(aboutXu[0].reasons?.map((r) => r.code)).toEqual(['opponent-high-influence', 'unowned-key-player', 'key-player-weak', 'key-player-stale'])
  })
})
