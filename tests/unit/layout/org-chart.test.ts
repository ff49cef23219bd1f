import { describe, expect, it } from 'vitest'
import { cardSize } from '@shared/card-size'
import { layoutDeal } from '@shared/layout'
import { layoutOrgChart } from '@shared/org-chart'
import { reportsToRoute, type Box } from '@shared/org-chart-route'
import { hospitalErpDeal } from '../../fixtures/scenarios/hospital-erp'
import { aDeal } from '../../fixtures/builders'
import { cardBehindRoute, overlaps } from './chart-geometry'

const EXECUTIVES = ['cfo', 'cmo', 'cno', 'coo', 'cio', 'chro', 'gc']

describe('tidy: the hospital group org chart', () => {
  const deal = hospitalErpDeal().build()
  const boxesOf = (moves: Array<{ id: string; position: { x: number; y: number } }>) =>
    new Map<string, Box>(moves.map((m) => [m.id, { ...m.position, ...cardSize(deal.stakeholders.find((s) => s.id === m.id)!.influence) }]))

  it("draws the CEO's seven reports under the CEO with no reports-to line behind another card", async () => {
    const boxes = boxesOf(await layoutDeal(deal))
    const ceo = boxes.get('ceo')!
    for (const id of EXECUTIVES) {
      const exec = boxes.get(id)!
      expect(exec.y, `${id} below the CEO`).toBeGreaterThanOrEqual(ceo.y + ceo.height)
      // The line the map draws from the CEO to each executive: read as reporting to the CEO only
      // if it reaches them without running behind another executive's card.
      expect(cardBehindRoute(reportsToRoute(ceo, exec), boxes, ['ceo', id]), `line CEO → ${id}`).toBeNull()
    }
    // Seven executives at six a row: two balanced rows, each aligned.
    const rows = new Set(EXECUTIVES.map((id) => boxes.get(id)!.y))
    expect(rows.size).toBeLessThanOrEqual(2)
    for (const l of deal.links.filter((x) => x.kind === 'reports-to')) {
      expect(cardBehindRoute(reportsToRoute(boxes.get(l.to)!, boxes.get(l.from)!), boxes, [l.to, l.from]), `line ${l.to} → ${l.from}`).toBeNull()
    }
  })

  it('gives the routes it drew, the same the map draws from the cards', () => {
    const chart = layoutOrgChart(deal)
    const boxes = boxesOf(chart.positions)
    expect(chart.routes).toHaveLength(deal.links.filter((l) => l.kind === 'reports-to').length)
    for (const r of chart.routes) {
      expect(r.points).toEqual(reportsToRoute(boxes.get(r.managerId)!, boxes.get(r.reportId)!))
      // Orthogonal: every segment is vertical or horizontal.
      for (let i = 1; i < r.points.length; i++) expect(r.points[i].x === r.points[i - 1].x || r.points[i].y === r.points[i - 1].y).toBe(true)
    }
  })

  it('puts the people with no manager (CEO and the board chair) on the top row', () => {
    const chart = layoutOrgChart(deal)
    const at = new Map(chart.positions.map((p) => [p.id, p.position]))
    expect(at.get('board')!.y).toBe(at.get('ceo')!.y)
    expect(Math.min(...chart.positions.map((p) => p.position.y))).toBe(at.get('ceo')!.y)
  })

  it('is as wide as a screen, not a strip: the 20-person chart fits 1440 × 900 with names readable', () => {
    const { bounds } = layoutOrgChart(deal)
    // The map area beside the side panel at 1440 × 900 is about 1080 × 800: names at 17 px on a
    // card need zoom 0.7 for 12 px on screen.
    const zoom = Math.min(1080 / bounds.width, 800 / bounds.height)
    expect(zoom).toBeGreaterThanOrEqual(0.45)
  })
})

describe('org chart rules', () => {
  it('keeps one row for up to six reports and wraps more into balanced rows round a spine', () => {
    const b = aDeal('w').withStakeholder('boss')
    for (let i = 0; i < 13; i++) b.withStakeholder(`r${i}`, { position: { x: i, y: 0 } }).withLink(`r${i}`, 'boss')
    const chart = layoutOrgChart(b.build())
    const at = new Map(chart.positions.map((p) => [p.id, p.position]))
    const ys = [...new Set(Array.from({ length: 13 }, (_, i) => at.get(`r${i}`)!.y))]
    expect(ys).toHaveLength(3) // 5, 4, 4
    const bossCentre = at.get('boss')!.x + cardSize('medium').width / 2
    // The spine lane under the boss is clear in every row.
    for (let i = 0; i < 13; i++) {
      const x = at.get(`r${i}`)!.x
      expect(x + cardSize('medium').width <= bossCentre - 10 || x >= bossCentre + 10, `r${i} clear of the spine`).toBe(true)
    }
  })

  it('orders siblings by department, then by where they stood', () => {
    const deal = aDeal('o').withStakeholder('m')
      .withStakeholder('a', { department: 'IT', position: { x: 500, y: 0 } })
      .withStakeholder('b', { department: 'Finance', position: { x: 100, y: 0 } })
      .withStakeholder('c', { department: 'IT', position: { x: 0, y: 0 } })
      .withLink('a', 'm').withLink('b', 'm').withLink('c', 'm').build()
    const at = new Map(layoutOrgChart(deal).positions.map((p) => [p.id, p.position.x]))
    // IT's leftmost card (c) was left of Finance: IT first, c before a.
    expect([...at.entries()].filter(([id]) => id !== 'm').sort((p, q) => p[1] - q[1]).map(([id]) => id)).toEqual(['c', 'a', 'b'])
  })

  it('lays out a reports-to cycle and a second manager (matrix line) without losing anyone', () => {
    const deal = aDeal('c').withStakeholder('a').withStakeholder('b').withStakeholder('c').withStakeholder('d')
      .withLink('a', 'b').withLink('b', 'c').withLink('c', 'a').withLink('d', 'a').withLink('d', 'b').build()
    const chart = layoutOrgChart(deal)
    expect(chart.positions).toHaveLength(4)
    const at = new Map(chart.positions.map((p) => [p.id, p.position.y]))
    // The cycle is cut at its first member: a is on top, c under a, b under c; d under a (first line).
    expect(at.get('a')!).toBeLessThan(at.get('c')!)
    expect(at.get('c')!).toBeLessThan(at.get('b')!)
    expect(at.get('d')!).toBeGreaterThan(at.get('a')!)
  })

  it('lays a collapsed branch out as one card and omits the people under it', () => {
    const deal = hospitalErpDeal().build()
    const chart = layoutOrgChart(deal, { collapsed: new Set(['cio']) })
    const ids = chart.positions.map((p) => p.id)
    expect(ids).toContain('cio')
    for (const hidden of ['architect', 'apps', 'security']) expect(ids).not.toContain(hidden)
    expect(chart.routes.some((r) => r.managerId === 'cio')).toBe(false)
  })

  it('survives an empty deal and a deal of loose people', () => {
    expect(layoutOrgChart(aDeal('e').build()).positions).toEqual([])
    const loose = aDeal('f')
    for (let i = 0; i < 30; i++) loose.withStakeholder(`p${i}`, { department: i % 2 ? 'IT' : 'Finance' })
    const chart = layoutOrgChart(loose.build())
    expect(chart.positions).toHaveLength(30)
    const boxes = chart.positions.map((p) => ({ ...p.position, ...cardSize('medium') }))
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i], boxes[j])).toBe(false)
  })
})
