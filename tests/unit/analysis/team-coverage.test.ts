import { describe, expect, it } from 'vitest'
import { SELLER_KINDS, SELLER_LEVELS, type Deal, type Seller, type SellerKind, type SellerLevel } from '@shared/model'
import { ROLE_OF_SEAT } from '@shared/method'
import { analyzeTeamCoverage, type FindingCode } from '@shared/analysis'
import { aDeal, aSeller } from '../../fixtures/builders'

const codes = (findings: { code: FindingCode }[]) => findings.map((f) => f.code)

/** A healthy team: senior account seller, top solution seller, mid project seller. */
const amy = aSeller('amy', { level: 'senior', kinds: ['account'] })
const sol = aSeller('sol', { level: 'top', kinds: ['solution'] })
const pat = aSeller('pat', { level: 'mid', kinds: ['project'] })
const roster = [amy, sol, pat]
const healthy = () => aDeal().seat(amy, 'account', { lead: true }).seat(sol, 'solution').seat(pat, 'project')

describe('analyzeTeamCoverage: a seat is qualified when the level masters its role', () => {
  const mastered: Record<SellerLevel, SellerKind[]> = {
    junior: [],
    mid: ['project'],
    senior: ['project', 'account'],
    top: ['project', 'account', 'solution'],
  }
  const table = SELLER_LEVELS.flatMap((level) => SELLER_KINDS.map((seat) => ({ level, seat, qualified: mastered[level].includes(seat) })))

  it.each(table)('a $level seller in the $seat seat is qualified: $qualified', ({ level, seat, qualified }) => {
    const seller = aSeller('x', { level, kinds: [seat] })
    const team = analyzeTeamCoverage(aDeal().seat(seller, seat).build(), [seller], [])
    const role = ROLE_OF_SEAT[seat]
    expect(team.roles[role].covered).toBe(true)
    expect(team.roles[role].seats).toEqual([{ sellerId: 'x', seat, lead: false, qualified, kindMatches: true }])
    expect(team.findings.some((f) => f.code === 'unqualified-seat' && f.role === role)).toBe(!qualified)
  })
})

describe('analyzeTeamCoverage: verdicts and findings', () => {
  it('a qualified seller in each of the three seats covers the team', () => {
    const team = analyzeTeamCoverage(healthy().build(), roster, [])
    expect(team.verdict).toBe('covered')
    expect(team.findings).toEqual([])
    expect(team.suggestions).toEqual([])
  })

  it('missing-role: no solution seat leaves support uncovered and the verdict is gaps', () => {
    const team = analyzeTeamCoverage(aDeal().seat(amy, 'account').seat(pat, 'project').build(), roster, [])
    expect(team.verdict).toBe('gaps')
    expect(team.roles.support).toEqual({ covered: false, seats: [] })
    const missing = team.findings.filter((f) => f.code === 'missing-role')
    expect(missing).toHaveLength(1)
    expect(missing[0]).toMatchObject({ severity: 'error', role: 'support', params: { seat: 'solution', winsWith: 'insight' } })
    expect(missing[0].nextStep).toContain('Sol')
  })

  it('an empty team misses all three roles', () => {
    const team = analyzeTeamCoverage(aDeal().build(), roster, [])
    expect(team.verdict).toBe('gaps')
    expect(team.findings.filter((f) => f.code === 'missing-role').map((f) => f.role)).toEqual(['control', 'support', 'attack'])
  })

  it('unqualified-seat: a mid seller in the account seat is a stretch and the verdict is at-risk', () => {
    const mia = aSeller('mia', { level: 'mid', kinds: ['account'] })
    const team = analyzeTeamCoverage(aDeal().seat(mia, 'account').seat(sol, 'solution').seat(pat, 'project').build(), [...roster, mia], [])
    expect(team.verdict).toBe('at-risk')
    expect(team.roles.control.seats[0].qualified).toBe(false)
    expect(team.findings).toEqual([expect.objectContaining({ code: 'unqualified-seat', severity: 'warning', role: 'control', sellerIds: ['mia'] })])
    // amy is an account seller; sol (top) has mastered control too but is not one by kind
    expect(roleIds(team.suggestions)).toEqual([{ role: 'control', sellerIds: ['amy', 'sol'] }])
  })

  it('a top seller alone covers all three roles but is a single point and sits multiple seats', () => {
    const tia = aSeller('tia', { level: 'top', kinds: ['account', 'solution', 'project'] })
    const team = analyzeTeamCoverage(aDeal().seatIn(tia, 'account', 'solution', 'project').build(), [tia], [])
    expect(team.roles.control.covered && team.roles.support.covered && team.roles.attack.covered).toBe(true)
    expect([...team.roles.control.seats, ...team.roles.support.seats, ...team.roles.attack.seats].every((s) => s.qualified)).toBe(true)
    expect(codes(team.findings)).toEqual(['multi-seat', 'single-point'])
    expect(team.findings[1].params).toMatchObject({ count: 3, roles: ['control', 'support', 'attack'] })
    expect(team.verdict).toBe('at-risk')
  })

  it('multi-seat without single-point: a twin-soul seller shares one of their roles with someone else', () => {
    const sam = aSeller('sam', { level: 'senior', kinds: ['account', 'project'] })
    const team = analyzeTeamCoverage(aDeal().seatIn(sam, 'account', 'project').seat(pat, 'project').seat(sol, 'solution').build(), [...roster, sam], [])
    expect(codes(team.findings)).toEqual(['multi-seat'])
    expect(team.findings[0]).toMatchObject({ sellerIds: ['sam'], params: { count: 2 } })
  })

  it('single-point: the sole holder of two roles is flagged even when a third is held by someone else', () => {
    const sam = aSeller('sam', { level: 'senior', kinds: ['account', 'project'] })
    const team = analyzeTeamCoverage(aDeal().seatIn(sam, 'account', 'project').seat(sol, 'solution').build(), [...roster, sam], [])
    expect(codes(team.findings)).toEqual(['multi-seat', 'single-point'])
    expect(team.findings.find((f) => f.code === 'single-point')!.params.roles).toEqual(['control', 'attack'])
  })

  it('seat-kind-mismatch is information only: a solution seller leading the pursuit still covers attack', () => {
    const ssp = aSeller('ssp', { level: 'senior', kinds: ['solution'] })
    const team = analyzeTeamCoverage(aDeal().seat(amy, 'account').seat(sol, 'solution').seat(ssp, 'project').build(), [...roster, ssp], [])
    expect(team.findings).toEqual([expect.objectContaining({ code: 'seat-kind-mismatch', severity: 'info', role: 'attack', sellerIds: ['ssp'] })])
    expect(team.roles.attack.seats[0]).toMatchObject({ qualified: true, kindMatches: false })
    expect(team.verdict).toBe('covered')
  })

  it('unknown-seller: a seat naming a seller who is not in the roster is an error', () => {
    const team = analyzeTeamCoverage(healthy().seat('ghost', 'project').build(), roster, [])
    expect(team.verdict).toBe('gaps')
    expect(team.findings).toEqual([expect.objectContaining({ code: 'unknown-seller', severity: 'error', sellerIds: ['ghost'], role: 'attack' })])
    expect(team.roles.attack.seats[1]).toMatchObject({ sellerId: 'ghost', qualified: false, kindMatches: false })
  })

  describe('overloaded-seller counts the open deals a seller sits on, this one included', () => {
    const otherDeal = (id: string, stage: Deal['stage'] = 'qualify') => aDeal(id).stage(stage).seat(amy, 'account').build()
    const others = (n: number, stage?: Deal['stage']) => Array.from({ length: n }, (_, i) => otherDeal(`other-${i}`, stage))

    it.each([
      { label: 'four others + this = 5, at the limit', others: others(4), overloaded: false },
      { label: 'five others + this = 6, over the limit', others: others(5), overloaded: true },
      { label: 'won and lost deals do not count', others: [...others(4), ...others(3, 'won'), ...others(3, 'lost')], overloaded: false },
      { label: 'the deal itself listed among open deals counts once', others: [...others(4), healthy().build()], overloaded: false },
    ])('$label', ({ others: open, overloaded }) => {
      const team = analyzeTeamCoverage(healthy().build(), roster, open)
      const found = team.findings.filter((f) => f.code === 'overloaded-seller')
      expect(found.map((f) => f.sellerIds)).toEqual(overloaded ? [['amy']] : [])
      if (overloaded) expect(found[0].params).toMatchObject({ openDeals: 6, limit: 5 })
    })

    it('the limit is a workspace setting', () => {
      const team = analyzeTeamCoverage(healthy().build(), roster, others(2), { maxOpenDealsPerSeller: 2 })
      expect(team.findings.filter((f) => f.code === 'overloaded-seller')).toHaveLength(1)
      expect(team.verdict).toBe('at-risk')
    })
  })

  describe('unowned-key-player', () => {
    it.each([
      { why: 'decision maker', fields: { buyingRole: 'decision-maker' as const } },
      { why: 'approver', fields: { buyingRole: 'approver' as const } },
      { why: 'inner circle', fields: { innerCircle: true } },
      { why: 'high influence', fields: { influence: 'high' as const } },
    ])('flags a $why with no owner', ({ why, fields }) => {
      const team = analyzeTeamCoverage(healthy().withStakeholder('li', fields).build(), roster, [])
      expect(team.findings).toEqual([expect.objectContaining({ code: 'unowned-key-player', severity: 'warning', stakeholderIds: ['li'], params: { stakeholderName: 'Li', reason: why } })])
      expect(team.verdict).toBe('at-risk')
    })

    it('does not flag an owned key player or someone who is not a key player', () => {
      const deal = healthy()
        .withStakeholder('li', { buyingRole: 'decision-maker', ownerIds: ['amy'] })
        .withStakeholder('wu', { buyingRole: 'user', influence: 'low' })
        .build()
      expect(analyzeTeamCoverage(deal, roster, []).findings).toEqual([])
    })
  })

  it('findings are sorted errors first, then warnings, then information', () => {
    const mia = aSeller('mia', { level: 'mid', kinds: ['solution'] })
    const team = analyzeTeamCoverage(aDeal().seat(mia, 'account').seat('ghost', 'project').build(), [mia], [])
    expect(team.findings.map((f) => f.severity)).toEqual(['error', 'error', 'error', 'warning', 'info'])
    expect(codes(team.findings)).toEqual(['unknown-seller', 'missing-role', 'no-qualified-seat', 'unqualified-seat', 'seat-kind-mismatch'])
  })
})

describe('analyzeTeamCoverage: suggestions', () => {
  const load = (sellerId: string, n: number) => Array.from({ length: n }, (_, i) => aDeal(`${sellerId}-${i}`).seat(sellerId, 'solution').build())

  it('prefers the seat kind, then the lightest load, then the higher level; never archived or unqualified sellers', () => {
    const candidates: Seller[] = [
      aSeller('busy', { level: 'top', kinds: ['solution'] }),
      aSeller('free', { level: 'top', kinds: ['solution'] }),
      aSeller('acct', { level: 'top', kinds: ['account'] }),
      aSeller('gone', { level: 'top', kinds: ['solution'], archived: true }),
      aSeller('snr', { level: 'senior', kinds: ['solution'] }),
    ]
    const team = analyzeTeamCoverage(aDeal().seat(amy, 'account').seat(pat, 'project').build(), [amy, pat, ...candidates], [...load('busy', 3), ...load('free', 1), ...load('acct', 0)])
    expect(roleIds(team.suggestions)).toEqual([{ role: 'support', sellerIds: ['free', 'busy', 'acct'] }])
  })

  it('breaks a load tie by level, higher first', () => {
    const mid = aSeller('mid', { level: 'mid', kinds: ['project'] })
    const snr = aSeller('snr', { level: 'senior', kinds: ['project'] })
    const team = analyzeTeamCoverage(aDeal().seat(amy, 'account').seat(sol, 'solution').build(), [amy, sol, mid, snr], [])
    // project sellers first (senior before mid); then sol (top) and amy (senior), not project sellers by kind
    expect(roleIds(team.suggestions)).toEqual([{ role: 'attack', sellerIds: ['snr', 'mid', 'sol', 'amy'] }])
  })

  it('does not suggest someone already in that role, and suggests for a role held only by unqualified sellers', () => {
    const jun = aSeller('jun', { level: 'junior', kinds: ['project'] })
    const team = analyzeTeamCoverage(aDeal().seat(amy, 'account').seat(sol, 'solution').seat(jun, 'project').build(), [amy, sol, jun], [])
    expect(roleIds(team.suggestions)).toEqual([{ role: 'attack', sellerIds: ['sol', 'amy'] }])
  })

  it('lists a missing role with no candidate as an empty suggestion', () => {
    const team = analyzeTeamCoverage(aDeal().seat(pat, 'project').build(), [pat], [])
    expect(roleIds(team.suggestions)).toEqual([{ role: 'control', sellerIds: [] }, { role: 'support', sellerIds: [] }])
  })
})

/** The role and ranked ids of each suggestion (the candidates' reasons are tested in tests/unit/growth/team-builder.test.ts). */
function roleIds(suggestions: ReadonlyArray<{ role: string; sellerIds: string[] }>) {
  return suggestions.map(({ role, sellerIds }) => ({ role, sellerIds }))
}
