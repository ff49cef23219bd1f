import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { cardSize } from '@shared/card-size'
import { INFLUENCES, type Deal } from '@shared/model'
import { layoutOrgChart } from '@shared/org-chart'
import type { Box } from '@shared/org-chart-route'
import { aDeal } from '../../fixtures/builders'
import { generateDeal } from '../../fixtures/generate-large-deal'
import { cardBehindRoute, overlaps } from './chart-geometry'

const DEPARTMENTS = ['IT', 'Finance', 'Legal', '', 'Operations']

/**
 * Random orgs: people join under someone already there (1–40 reports a manager), some with no
 * manager, some with a second manager (matrix), some loops, influence lines across.
 */
const anOrg = fc.record({
  size: fc.integer({ min: 1, max: 90 }),
  seed: fc.integer(),
  maxReports: fc.integer({ min: 1, max: 40 }),
  rootShare: fc.double({ min: 0, max: 0.3, noNaN: true }),
  cycles: fc.integer({ min: 0, max: 3 }),
  matrix: fc.integer({ min: 0, max: 5 }),
}).map(({ size, seed, maxReports, rootShare, cycles, matrix }): Deal => {
  let a = seed >>> 0
  const rnd = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(rnd() * n)
  const b = aDeal('p')
  const reports = new Map<number, number>()
  const seen = new Set<string>()
  for (let i = 0; i < size; i++) {
    b.withStakeholder(`s${i}`, { name: `P${int(50)}`, department: DEPARTMENTS[int(DEPARTMENTS.length)], influence: INFLUENCES[int(3)], position: { x: int(3000), y: int(2000) } })
    if (i === 0 || rnd() < rootShare) continue
    const open = Array.from({ length: i }, (_, k) => k).filter((k) => (reports.get(k) ?? 0) < maxReports)
    if (open.length === 0) continue
    const m = open[int(open.length)]
    reports.set(m, (reports.get(m) ?? 0) + 1)
    b.withLink(`s${i}`, `s${m}`)
    seen.add(`reports-to${i}>${m}`)
  }
  const extra = (from: number, to: number, kind: 'reports-to' | 'influences') => {
    if (from === to || seen.has(`${kind}${from}>${to}`)) return
    seen.add(`${kind}${from}>${to}`)
    b.withLink(`s${from}`, `s${to}`, kind)
  }
  // A loop: someone high up reports to someone under them.
  for (let c = 0; c < cycles && size > 1; c++) extra(int(Math.ceil(size / 4)), size - 1 - int(Math.ceil(size / 2)), 'reports-to')
  for (let c = 0; c < matrix && size > 2; c++) extra(int(size), int(size), c % 2 ? 'reports-to' : 'influences')
  return b.build()
})

function boxesOf(deal: Deal, positions: ReturnType<typeof layoutOrgChart>['positions']): Map<string, Box> {
  const influence = new Map(deal.stakeholders.map((s) => [s.id, s.influence]))
  return new Map(positions.map((p) => [p.id, { ...p.position, ...cardSize(influence.get(p.id)!) }]))
}

describe('org chart layout, on random orgs', () => {
  it('lays out everyone; every report is below their manager; no two cards overlap (12 px apart at least)', () => {
    fc.assert(fc.property(anOrg, (deal) => {
      const chart = layoutOrgChart(deal)
      expect(chart.positions.map((p) => p.id).sort()).toEqual(deal.stakeholders.map((s) => s.id).sort())
      const boxes = boxesOf(deal, chart.positions)
      for (const [report, manager] of chart.managerOf) {
        const m = boxes.get(manager)!
        expect(boxes.get(report)!.y, `${report} under ${manager}`).toBeGreaterThanOrEqual(m.y + m.height + 40)
      }
      const list = [...boxes.values()]
      for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) expect(overlaps(list[i], list[j], 12)).toBe(false)
    }), { numRuns: 150 })
  })

  it('puts siblings on aligned rows in a stable reading order', () => {
    fc.assert(fc.property(anOrg, (deal) => {
      const chart = layoutOrgChart(deal)
      const at = new Map(chart.positions.map((p) => [p.id, p.position]))
      const siblings = new Map<string, string[]>()
      // The input order of a manager's reports, as the layout orders them.
      for (const s of deal.stakeholders) {
        const m = chart.managerOf.get(s.id)
        if (m) siblings.set(m, [...(siblings.get(m) ?? []), s.id])
      }
      for (const kids of siblings.values()) {
        const rows = new Set(kids.map((k) => at.get(k)!.y))
        // Rows of at most six, aligned: 1–6 reports share one row unless their branches are
        // bushy enough to wrap, 7–12 take two rows or more.
        expect(rows.size).toBeGreaterThanOrEqual(Math.ceil(kids.length / 6))
        for (const y of rows) expect(kids.filter((k) => at.get(k)!.y === y).length).toBeLessThanOrEqual(6)
        // Reading order (row, then x) is the department-then-position order, whatever the input order.
        const reading = [...kids].sort((a, b) => at.get(a)!.y - at.get(b)!.y || at.get(a)!.x - at.get(b)!.x)
        const shuffled = layoutOrgChart({ ...deal, stakeholders: [...deal.stakeholders].reverse() })
        const again = new Map(shuffled.positions.map((p) => [p.id, p.position]))
        const readingAgain = [...kids].sort((a, b) => again.get(a)!.y - again.get(b)!.y || again.get(a)!.x - again.get(b)!.x)
        if (chart.managerOf.size === shuffled.managerOf.size && [...chart.managerOf].every(([k, v]) => shuffled.managerOf.get(k) === v)) expect(readingAgain).toEqual(reading)
      }
    }), { numRuns: 60 })
  })

  it('routes every reports-to line orthogonally, clear of every card but its two ends', () => {
    fc.assert(fc.property(anOrg, (deal) => {
      const chart = layoutOrgChart(deal)
      const boxes = boxesOf(deal, chart.positions)
      for (const r of chart.routes) {
        for (let i = 1; i < r.points.length; i++) expect(r.points[i].x === r.points[i - 1].x || r.points[i].y === r.points[i - 1].y).toBe(true)
        expect(cardBehindRoute(r.points, boxes, [r.managerId, r.reportId]), `${r.managerId} → ${r.reportId}`).toBeNull()
      }
    }), { numRuns: 150 })
  })

  it('is deterministic: the same deal gives the same chart', () => {
    fc.assert(fc.property(anOrg, (deal) => {
      expect(layoutOrgChart(structuredClone(deal))).toEqual(layoutOrgChart(deal))
    }), { numRuns: 50 })
  })
})

describe('org chart layout, at scale', () => {
  for (const n of [150, 1000]) {
    it(`${n} people: a chart of a screen's shape, lines clear of cards, well under a second`, () => {
      const { deal } = generateDeal({ stakeholders: n, links: n * 2, seed: 7 })
      layoutOrgChart(deal) // warm-up
      const started = performance.now()
      const chart = layoutOrgChart(deal)
      const ms = performance.now() - started
      expect(ms).toBeLessThan(250)
      const { width, height } = chart.bounds
      // Not a strip two rows high: many levels, and no more than five times as wide as tall.
      expect(width / height).toBeLessThan(5)
      expect(height / width).toBeLessThan(5)
      const levels = new Set(chart.positions.map((p) => p.position.y))
      expect(levels.size).toBeGreaterThan(4)
      const boxes = boxesOf(deal, chart.positions)
      if (n === 150) for (const r of chart.routes) expect(cardBehindRoute(r.points, boxes, [r.managerId, r.reportId])).toBeNull()
    })
  }
})
