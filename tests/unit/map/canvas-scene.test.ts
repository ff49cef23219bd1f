import { describe, expect, it } from 'vitest'
import { reportsToRoute } from '@shared/org-chart-route'
import { EdgeCache, NodeCache } from '../../../renderer/map/derive-graph'
import { cardAt, sceneOf } from '../../../renderer/map/canvas-scene'
import { generateDeal } from '../../fixtures/generate-large-deal'

/** The far-out canvas layer draws from the same nodes and edges React Flow gets (docs/performance.md "Canvas layer"). */
describe('the canvas layer\u2019s scene', () => {
  const file = generateDeal({ stakeholders: 1000, links: 2000, seed: 7 })
  const { stakeholders, links } = file.deal
  const nodes = new NodeCache().derive(stakeholders, new Set([stakeholders[3].id]), () => false, new Set())
  const edges = new EdgeCache().derive(links, new Set([links[0].id]), () => false, () => '#000')

  it('holds every card and every line of the deal', () => {
    const scene = sceneOf(nodes, edges)
    expect(scene.cards).toHaveLength(stakeholders.length)
    expect(scene.lines).toHaveLength(links.length)
    expect(new Set(scene.cards.map((c) => c.id))).toEqual(new Set(stakeholders.map((s) => s.id)))
    expect(scene.cards.find((c) => c.id === stakeholders[3].id)!.selected).toBe(true)
    expect(scene.lines.find((l) => l.id === links[0].id)!.selected).toBe(true)
  })

  it('draws a reports-to line as the chart\u2019s bus, from the manager down to the report', () => {
    const scene = sceneOf(nodes, edges)
    const link = links.find((l) => l.kind === 'reports-to')!
    const box = (id: string) => scene.cards.find((c) => c.id === id)!
    expect(scene.lines.find((l) => l.id === link.id)!.points).toEqual(reportsToRoute(box(link.to), box(link.from)))
  })

  it('follows a card being dragged (the nodes React Flow gets carry the live position)', () => {
    const moved = nodes.map((n, i) => (i === 0 ? { ...n, position: { x: n.position.x + 5000, y: n.position.y } } : n))
    const line = sceneOf(moved, edges).lines.find((l) => l.points.length > 0 && (edges.find((e) => e.id === l.id)!.source === nodes[0].id || edges.find((e) => e.id === l.id)!.target === nodes[0].id))
    expect(line).toBeDefined()
    expect(Math.max(...line!.points.map((p) => p.x))).toBeGreaterThan(nodes[0].position.x + 4000)
  })

  it('leaves out cards of a folded branch and their lines', () => {
    const hidden = nodes.map((n, i) => (i < 10 ? { ...n, hidden: true } : n))
    const hiddenIds = new Set(nodes.slice(0, 10).map((n) => n.id))
    const scene = sceneOf(hidden, edges)
    expect(scene.cards).toHaveLength(stakeholders.length - 10)
    expect(scene.lines).toHaveLength(edges.filter((e) => !hiddenIds.has(e.source) && !hiddenIds.has(e.target)).length)
  })

  it('finds the card drawn on top at a point, and none between cards', () => {
    const scene = sceneOf(nodes, edges)
    const c = scene.cards[10]
    expect(cardAt(scene.cards, { x: c.x + c.width / 2, y: c.y + c.height / 2 })!.id).toBe(c.id)
    const overlapping = [...scene.cards, { ...c, id: 'on-top' }]
    expect(cardAt(overlapping, { x: c.x + 1, y: c.y + 1 })!.id).toBe('on-top')
    expect(cardAt(scene.cards, { x: -1e6, y: -1e6 })).toBeNull()
  })

  it('survives odd input: no cards, a line to a card that is not there, a name of control characters', () => {
    expect(sceneOf([], edges)).toEqual({ cards: [], lines: [] })
    const odd = [{ ...nodes[0], data: { ...nodes[0].data, stakeholder: { ...nodes[0].data.stakeholder, name: '\u0000\u001b[31m\u202e' } } }]
    const scene = sceneOf(odd, edges)
    expect(scene.cards[0].name).toBe('\u0000\u001b[31m\u202e')
    expect(scene.lines).toEqual([])
  })
})
