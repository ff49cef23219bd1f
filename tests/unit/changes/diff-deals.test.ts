import { describe, expect, it } from 'vitest'
import { translate } from '@shared/i18n'
import { describeChange, diffDeals, type AnalysisView, type Change } from '@shared/changes'
import type { Deal } from '@shared/model'
import { aDeal, aPerson, aSeller, edit } from './builders'

const roster = [aSeller('s-ann', 'Ann Lee'), aSeller('s-bo', 'Bo Chen', { kinds: ['solution'] })]
const today = '2026-03-12'
const kinds = (changes: Change[]): string[] => changes.map((c) => c.kind)

const base = aDeal([
  aPerson('p-cfo', 'Maria Gomez', { buyingRole: 'decision-maker', stance: 'neutral', influence: 'high', ownerIds: ['s-ann'] }),
  aPerson('p-cio', 'Tom Hart', { buyingRole: 'technical-evaluator', stance: 'skeptic', department: 'IT' }),
], { team: [{ sellerId: 's-ann', seat: 'account', lead: true }] })

describe('diffDeals', () => {
  it('finds nothing between a deal and itself', () => {
    expect(diffDeals(base, base, roster, { today })).toEqual([])
  })

  it('reports people added and removed with their ids for highlighting', () => {
    const after: Deal = { ...base, stakeholders: [base.stakeholders[0], aPerson('p-new', 'Li Wei')] }
    const changes = diffDeals(base, after, roster, { today })
    expect(changes).toEqual([
      { kind: 'stakeholder-added', stakeholderIds: ['p-new'], sellerIds: [], params: { name: 'Li Wei' } },
      { kind: 'stakeholder-removed', stakeholderIds: ['p-cio'], sellerIds: [], params: { name: 'Tom Hart' } },
    ])
  })

  it('reports stance, buying role, influence, inner circle and department changes of one person', () => {
    const after = edit(base, 'p-cio', { stance: 'supporter', buyingRole: 'approver', influence: 'high', innerCircle: true, department: 'Finance' })
    const changes = diffDeals(base, after, roster, { today })
    expect(kinds(changes)).toEqual(['stance-changed', 'buying-role-changed', 'influence-changed', 'inner-circle-changed', 'department-changed'])
    expect(changes.every((c) => c.stakeholderIds.join() === 'p-cio')).toBe(true)
    expect(changes[0].params).toEqual({ name: 'Tom Hart', from: 'skeptic', to: 'supporter' })
  })

  it('reports a rename and a new title, in English and Chinese, naming the person as they are now', () => {
    const after = edit(base, 'p-cio', { name: 'Tom Hartley', title: 'CTO' })
    const changes = diffDeals(base, after, roster, { today })
    expect(kinds(changes)).toEqual(['renamed', 'title-changed'])
    expect(changes.every((c) => c.stakeholderIds.join() === 'p-cio')).toBe(true)
    expect(describeChange(changes[0], 'en')).toBe('Tom Hart is now called Tom Hartley.')
    expect(describeChange(changes[1], 'zh-CN')).toContain('CTO')
  })

  it('reports owners added and removed by seller name', () => {
    const after = edit(base, 'p-cfo', { ownerIds: ['s-bo'] })
    const changes = diffDeals(base, after, roster, { today })
    expect(changes.map((c) => describeChange(c, 'en'))).toEqual([
      'Bo Chen now owns the relationship with Maria Gomez.',
      'Ann Lee no longer owns the relationship with Maria Gomez.',
    ])
    expect(changes.map((c) => c.sellerIds)).toEqual([['s-bo'], ['s-ann']])
  })

  it('counts contacts logged since, even when an identical entry already existed', () => {
    const visit = { date: '2026-03-01', channel: 'visit' as const, sellerId: 's-ann', note: 'lunch' }
    const before = edit(base, 'p-cfo', { contacts: [visit] })
    const after = edit(base, 'p-cfo', { contacts: [visit, visit, { ...visit, date: '2026-03-10', channel: 'call' }] })
    const changes = diffDeals(before, after, roster, { today })
    expect(changes).toEqual([{ kind: 'contacts-logged', stakeholderIds: ['p-cfo'], sellerIds: ['s-ann'], params: { name: 'Maria Gomez', count: 2 } }])
  })

  it('reports team seats taken, left and lead changes', () => {
    const after: Deal = { ...base, team: [{ sellerId: 's-ann', seat: 'account', lead: false }, { sellerId: 's-bo', seat: 'solution', lead: true }] }
    const changes = diffDeals(base, after, roster, { today })
    expect(kinds(changes)).toEqual(['seat-lead-changed', 'seat-added'])
    const removed = diffDeals(after, base, roster, { today })
    expect(kinds(removed)).toEqual(['seat-lead-changed', 'seat-removed'])
    expect(describeChange(removed[1], 'en')).toBe('Bo Chen left the solution seat.')
  })

  it('reports lines added and removed between named people', () => {
    const after: Deal = { ...base, links: [{ id: 'l1', from: 'p-cio', to: 'p-cfo', kind: 'reports-to' }] }
    const [added] = diffDeals(base, after, roster, { today })
    expect(added.stakeholderIds).toEqual(['p-cio', 'p-cfo'])
    expect(describeChange(added, 'en')).toBe('New line: Tom Hart reports to Maria Gomez.')
    expect(kinds(diffDeals(after, base, roster, { today }))).toEqual(['line-removed'])
  })

  it('reports stage, amount and close date changes of the deal', () => {
    const after: Deal = { ...base, stage: 'propose', amount: { value: 250000, currency: 'USD' }, closeDate: '2026-06-30' }
    const changes = diffDeals(base, after, roster, { today })
    expect(kinds(changes)).toEqual(['stage-changed', 'amount-changed', 'close-date-changed'])
    expect(describeChange(changes[1], 'en')).toBe('Amount changed from $0 to $250,000.')
  })

  describe('with an analysis', () => {
    // A stand-in analysis whose output the test controls directly.
    const analysisOf = (views: Map<Deal, AnalysisView>) => (deal: Deal): AnalysisView => views.get(deal)!
    const after = edit(base, 'p-cio', { stance: 'supporter' })
    const views = new Map<Deal, AnalysisView>([
      [base, {
        relationships: { 'p-cfo': { strength: 40.2, band: 'weak', stale: false }, 'p-cio': { strength: 10, band: 'weak', stale: true } },
        findings: [
          { code: 'no-coach', severity: 'warning' },
          { code: 'key-player-weak', severity: 'warning', stakeholderIds: ['p-cfo'] },
        ],
      }],
      [after, {
        relationships: { 'p-cfo': { strength: 62, band: 'workable', stale: false }, 'p-cio': { strength: 10.4, band: 'weak', stale: true } },
        findings: [
          { code: 'no-coach', severity: 'warning' },
          { code: 'department-uncovered', severity: 'info', department: 'IT' },
        ],
      }],
    ])
    const changes = diffDeals(base, after, roster, { today, analyze: analysisOf(views) })

    it('reports relationship score deltas and ignores rounding noise', () => {
      const rel = changes.filter((c) => c.kind === 'relationship-changed')
      expect(rel).toHaveLength(1)
      expect(rel[0].params).toEqual({ name: 'Maria Gomez', from: 40, to: 62, fromBand: 'weak', toBand: 'workable' })
      expect(describeChange(rel[0], 'en')).toBe('Relationship with Maria Gomez: 40 → 62 (+22, Workable).')
    })

    it('reports findings resolved and new by code and ids, not unchanged ones', () => {
      const findings = changes.filter((c) => c.kind.startsWith('finding-'))
      expect(findings.map((c) => [c.kind, c.params])).toEqual([
        ['finding-resolved', { code: 'key-player-weak', severity: 'warning', people: ['Maria Gomez'] }],
        ['finding-new', { code: 'department-uncovered', severity: 'info', people: ['IT'] }],
      ])
      expect(findings[0].stakeholderIds).toEqual(['p-cfo'])
      expect(describeChange(findings[0], 'en')).toBe('Resolved: weak relationship with a key player (Maria Gomez).')
      expect(describeChange(findings[1], 'zh-CN')).toBe('新问题：部门没有可用关系（IT）。')
    })

    it('treats the same finding about a different person as resolved plus new', () => {
      const other = edit(base, 'p-cfo', { notes: 'x' })
      const moved = new Map<Deal, AnalysisView>([
        [base, { relationships: {}, findings: [{ code: 'key-player-stale', severity: 'warning', stakeholderIds: ['p-cfo'] }] }],
        [other, { relationships: {}, findings: [{ code: 'key-player-stale', severity: 'warning', stakeholderIds: ['p-cio'] }] }],
      ])
      expect(kinds(diffDeals(base, other, roster, { today, analyze: analysisOf(moved) }))).toEqual(['finding-resolved', 'finding-new'])
    })
  })
})

describe('describeChange', () => {
  it('writes every sentence in Chinese too, with locale dates', () => {
    const after = edit({ ...base, closeDate: '2026-06-30' }, 'p-cio', { stance: 'champion' })
    const changes = diffDeals(base, after, roster, { today })
    const zh = changes.map((c) => describeChange(c, 'zh-CN'))
    expect(zh).toEqual([
      '预计成交日期从 未定 改为 2026年6月30日。',
      'Tom Hart 的态度从「怀疑」变为「拥护者」。',
    ])
    // The sentence uses the very words the map's stance select shows.
    expect(zh[1]).toContain(`「${translate('zh-CN', 'map:stance.skeptic')}」`)
    expect(describeChange(changes[0], 'en')).toBe('Close date moved from not set to Jun 30, 2026.')
  })

  it('falls back to the analysis message for a finding code it does not know', () => {
    const change: Change = { kind: 'finding-new', stakeholderIds: [], sellerIds: [], params: { code: 'brand-new-rule', severity: 'info', people: [], message: 'Something new.' } }
    expect(describeChange(change, 'en')).toBe('New: Something new.')
  })
})
