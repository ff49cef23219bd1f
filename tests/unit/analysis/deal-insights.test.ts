import { describe, expect, it } from 'vitest'
import { accountCoverage, addDays, analyzeDeal, mapStatus, stakeholderStrength, COVERAGE_DEFINITIONS, type FindingCode } from '@shared/analysis'
import type { Deal } from '@shared/model'
import { aDeal, anAction, aSeller } from '../../fixtures/builders'

const TODAY = '2026-03-12'
const ago = (d: number) => addDays(TODAY, -d)
const amy = aSeller('amy', { level: 'senior', kinds: ['account'] })
const sol = aSeller('sol', { level: 'top', kinds: ['solution'] })
const pat = aSeller('pat', { level: 'mid', kinds: ['project'] })
const roster = [amy, sol, pat]
const STRONG = { value: 5, goodwill: 5, dignity: 5, presence: 5, depth: 5, length: 5 } // 30 + frequency
const WORKABLE = { value: 3, goodwill: 3, dignity: 3, presence: 3, depth: 3, length: 2 } // 17 + frequency

const team = () => aDeal().seat(amy, 'account', { lead: true }).seat(sol, 'solution').seat(pat, 'project', { lead: true })

/** A healthy deal: a supportive decision maker and a coach, both strong and recently contacted, in one department. */
const healthy = () => team()
  .withStakeholder('dm', { buyingRole: 'decision-maker', influence: 'high', stance: 'supporter', department: 'IT', ownerIds: ['amy'], notes: 'Wants uptime' })
  .withRelationship('dm', amy, STRONG).withContact('dm', amy, ago(3))
  .withStakeholder('coach', { buyingRole: 'coach', stance: 'champion', department: 'IT', ownerIds: ['pat'], notes: 'Ex-colleague' })
  .withRelationship('coach', pat, STRONG).withContact('coach', pat, ago(10))

const analyze = (deal: Deal, today = TODAY) => analyzeDeal({ deal, roster, openDeals: [], settings: {}, today })
const codesOf = (deal: Deal) => analyze(deal).findings.map((f) => f.code)

describe('analyzeDeal: insight findings', () => {
  it('a healthy deal has no findings and a green map', () => {
    const result = analyze(healthy().build())
    expect(result.findings).toEqual([])
    expect(result.mapStatus).toBe('green')
    expect(result.team.verdict).toBe('covered')
    expect(result.relationships.dm).toEqual({ strength: 91, band: 'strong', stale: false, bestSellerId: 'amy' })
  })

  it.each<{ code: FindingCode; severity: string; deal: () => Deal; ids?: string[] }>([
    {
      code: 'key-player-weak', severity: 'warning', ids: ['cfo'],
      deal: () => healthy().withStakeholder('cfo', { buyingRole: 'approver', department: 'IT', ownerIds: ['amy'] })
        .withRelationship('cfo', amy, { value: 1 }).withContact('cfo', amy, ago(1)).build(),
    },
    {
      code: 'key-player-stale', severity: 'warning', ids: ['cfo'],
      deal: () => healthy().withStakeholder('cfo', { influence: 'high', department: 'IT', ownerIds: ['amy'] })
        .withRelationship('cfo', amy, STRONG).withContact('cfo', amy, ago(31)).withContact('cfo', amy, ago(61)).build(),
    },
    {
      code: 'opponent-high-influence', severity: 'error', ids: ['cto'],
      deal: () => healthy().withStakeholder('cto', { stance: 'opponent', innerCircle: true, department: 'IT', ownerIds: ['sol'] })
        .withRelationship('cto', sol, STRONG).withContact('cto', sol, ago(2)).build(),
    },
    {
      code: 'opponent-high-influence', severity: 'warning', ids: ['cto'],
      deal: () => healthy().withStakeholder('cto', { stance: 'skeptic', influence: 'high', department: 'IT', ownerIds: ['sol'] })
        .withRelationship('cto', sol, STRONG).withContact('cto', sol, ago(2)).build(),
    },
    {
      code: 'no-coach', severity: 'warning',
      deal: () => team().withStakeholder('dm', { buyingRole: 'decision-maker', stance: 'supporter', ownerIds: ['amy'] })
        .withRelationship('dm', amy, STRONG).withContact('dm', amy, ago(1))
        .withStakeholder('ally', { buyingRole: 'influencer', stance: 'supporter', influence: 'low' })
        .withRelationship('ally', pat, STRONG).withContact('ally', pat, ago(1)).build(),
    },
    {
      code: 'decision-maker-unknown', severity: 'error',
      deal: () => team().withStakeholder('coach', { buyingRole: 'coach', stance: 'champion' }).withRelationship('coach', pat, STRONG).withContact('coach', pat, ago(1))
        .withStakeholder('apr', { buyingRole: 'approver', stance: 'supporter', ownerIds: ['amy'] }).withRelationship('apr', amy, STRONG).withContact('apr', amy, ago(1)).build(),
    },
    {
      code: 'single-threaded', severity: 'warning',
      deal: () => team().withStakeholder('dm', { buyingRole: 'decision-maker', stance: 'champion', ownerIds: ['amy'] })
        .withRelationship('dm', amy, STRONG).withContact('dm', amy, ago(1)).build(),
    },
    {
      code: 'department-uncovered', severity: 'info', ids: ['clerk', 'clerk2'],
      deal: () => healthy().withStakeholder('clerk', { department: 'Finance', influence: 'low', buyingRole: 'user' })
        .withStakeholder('clerk2', { department: ' finance ', influence: 'medium' }).build(),
    },
    {
      code: 'department-uncovered', severity: 'warning', ids: ['cfo'],
      deal: () => healthy().withStakeholder('cfo', { department: 'Finance', buyingRole: 'approver', ownerIds: ['amy'] })
        .withRelationship('cfo', amy, { value: 2 }).withContact('cfo', amy, ago(2)).build(),
    },
  ])('$code ($severity) fires on exactly the case it describes', ({ code, severity, deal, ids }) => {
    const findings = analyze(deal()).findings.filter((f) => f.code === code)
    expect(findings).toHaveLength(1)
    expect(findings[0].severity).toBe(severity)
    if (ids) expect(findings[0].stakeholderIds).toEqual(ids)
    expect(findings[0].message).toMatch(/\.$/)
    expect(findings[0].nextStep).toMatch(/\w+.*\.$/)
  })

  it('key-player-weak also fires when no one has any relationship with a key player (band none)', () => {
    const f = analyze(healthy().withStakeholder('vp', { influence: 'high', department: 'IT', ownerIds: ['amy'] }).withContact('vp', amy, ago(1)).build())
      .findings.filter((x) => x.code === 'key-player-weak')
    expect(f).toEqual([expect.objectContaining({ stakeholderIds: ['vp'], params: expect.objectContaining({ band: 'none', strength: 0 }) })])
  })

  it('an opponent with a planned next action is not flagged; a done action does not count as planned', () => {
    const opp = (done: boolean) => healthy().withStakeholder('cto', { stance: 'opponent', influence: 'high', department: 'IT', ownerIds: ['sol'] })
      .withRelationship('cto', sol, STRONG).withContact('cto', sol, ago(2)).withAction('cto', anAction('Lunch with the CTO', { done })).build()
    expect(codesOf(opp(false))).not.toContain('opponent-high-influence')
    expect(codesOf(opp(true))).toContain('opponent-high-influence')
  })

  it('a champion counts as a coach even if their buying role is something else', () => {
    expect(codesOf(healthy().build())).not.toContain('no-coach')
  })

  it('a workable relationship in a department covers it; two strong relationships are not single-threaded', () => {
    const deal = healthy().withStakeholder('cfo', { department: 'Finance', influence: 'low' }).withRelationship('cfo', amy, WORKABLE).withContact('cfo', amy, ago(5)).build()
    expect(analyze(deal).relationships.cfo.band).toBe('workable')
    expect(codesOf(deal)).toEqual([])
  })

  it('findings come sorted by severity and every one carries a next step', () => {
    const result = analyze(aDeal().withStakeholder('x', { stance: 'opponent', influence: 'high', department: 'Ops' }).build())
    const rank = { error: 0, warning: 1, info: 2 }
    const ranks = result.findings.map((f) => rank[f.severity])
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
    expect(result.findings.every((f) => typeof f.nextStep === 'string' && f.nextStep.length > 10)).toBe(true)
    expect(result.findings.map((f) => f.code)).toEqual([
      'missing-role', 'missing-role', 'missing-role', 'decision-maker-unknown', 'opponent-high-influence',
      'no-coach', 'single-threaded', 'department-uncovered',
    ])
    // Everything about the one opponent is one finding with four reasons, worst first.
    const opponent = result.findings.find((f) => f.code === 'opponent-high-influence')!
    expect(opponent.reasons?.map((r) => r.code)).toEqual(['opponent-high-influence', 'unowned-key-player', 'key-player-weak', 'key-player-stale'])
    expect(opponent.stakeholderIds).toEqual(['x'])
    expect(result.findingCounts).toEqual({ error: 5, warning: 3, info: 0 })
  })

  it('rejects a date that does not exist', () => {
    expect(() => analyze(healthy().build(), '2026-02-30')).toThrow(RangeError)
  })
})

describe('accountCoverage: deep, broad, transparent', () => {
  const coverageOf = (deal: Deal) => accountCoverage(deal, new Map(deal.stakeholders.map((s) => [s.id, stakeholderStrength(s, { today: TODAY })])))

  it('deep is the average best strength of the key players; 0 without key players', () => {
    const deal = healthy().withStakeholder('cfo', { buyingRole: 'approver', department: 'Finance' }).build()
    // dm 91, coach is not a key player, cfo 0 → (91 + 0) / 2
    expect(coverageOf(deal).deep).toBe(46)
    expect(coverageOf(aDeal().withStakeholder('u', { influence: 'low' }).build()).deep).toBe(0)
  })

  it('broad is the share of departments with a workable relationship; no department is not counted', () => {
    const deal = healthy().withStakeholder('cfo', { department: 'Finance' }).withStakeholder('x', { department: '' })
      .withStakeholder('ops', { department: 'Ops' }).withRelationship('ops', amy, WORKABLE).withContact('ops', amy, ago(1)).build()
    expect(coverageOf(deal).broad).toBe(67)
  })

  it('transparent is the share of people with stance, buying role and motive notes known', () => {
    const deal = healthy().withStakeholder('a', { stance: 'neutral', buyingRole: 'user' }).withStakeholder('b', { notes: 'Cares about cost' }).build()
    expect(coverageOf(deal).transparent).toBe(50)
  })

  it('an empty map scores 0 everywhere, and each dimension has a definition to show', () => {
    expect(coverageOf(aDeal().build())).toEqual({ deep: 0, broad: 0, transparent: 0 })
    expect(Object.keys(COVERAGE_DEFINITIONS)).toEqual(['deep', 'broad', 'transparent'])
  })
})

describe('mapStatus: red, amber or green by supportive key players', () => {
  it.each([
    { label: 'no stakeholders', build: () => aDeal(), status: 'red' },
    { label: 'a supportive non-key player only', build: () => aDeal().withStakeholder('u', { stance: 'champion', influence: 'low' }), status: 'red' },
    { label: 'a neutral decision maker', build: () => aDeal().withStakeholder('dm', { buyingRole: 'decision-maker', stance: 'neutral' }), status: 'red' },
    { label: 'a supportive high-influence person', build: () => aDeal().withStakeholder('vp', { influence: 'high', stance: 'supporter' }), status: 'amber' },
    { label: 'a supportive inner-circle person', build: () => aDeal().withStakeholder('ic', { innerCircle: true, stance: 'champion', influence: 'low' }), status: 'amber' },
    { label: 'a supportive approver', build: () => aDeal().withStakeholder('ap', { buyingRole: 'approver', stance: 'supporter' }), status: 'green' },
    { label: 'a champion decision maker', build: () => aDeal().withStakeholder('dm', { buyingRole: 'decision-maker', stance: 'champion' }), status: 'green' },
  ])('$label → $status', ({ build, status }) => {
    expect(mapStatus(build().build())).toBe(status)
  })
})

describe('proposed actions', () => {
  it('proposes a stable, dated action with an owner for each actionable finding', () => {
    const deal = healthy().withStakeholder('cfo', { influence: 'high', department: 'IT', ownerIds: ['amy'] })
      .withRelationship('cfo', sol, STRONG).withContact('cfo', amy, ago(45)).build()
    const { proposedActions } = analyze(deal)
    expect(proposedActions).toEqual([
      expect.objectContaining({ id: 'key-player-stale:cfo', findingCode: 'key-player-stale', stakeholderId: 'cfo', what: 'Get in touch with Cfo', ownerId: 'sol', due: '2026-03-19' }),
    ])
  })

  it('deal-level actions go to the right seat: the coach hunt to the project lead, finding the decision maker to the account lead', () => {
    const deal = team().withStakeholder('u', { influence: 'low' }).build()
    const byCode = new Map(analyze(deal).proposedActions.map((a) => [a.findingCode, a]))
    expect(byCode.get('no-coach')).toMatchObject({ id: 'no-coach:deal', ownerId: 'pat', due: '2026-04-11' })
    expect(byCode.get('decision-maker-unknown')).toMatchObject({ ownerId: 'amy', due: '2026-03-26' })
    expect(byCode.get('no-coach')?.stakeholderId).toBeUndefined()
  })

  it('team findings other than a missing role propose nothing', () => {
    const tia = aSeller('tia', { level: 'top', kinds: ['solution'] })
    const result = analyzeDeal({ deal: healthy().seat(tia, 'account').build(), roster: [...roster, tia], openDeals: [], settings: {}, today: TODAY })
    expect(result.findings.map((f) => f.code)).toContain('seat-kind-mismatch')
    expect(result.proposedActions).toEqual([])
  })
})
