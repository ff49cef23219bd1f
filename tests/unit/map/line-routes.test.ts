import { describe, expect, it, vi } from 'vitest'
import { CARD_SIZE } from '@shared/card-size'
import * as routing from '@shared/edge-routing'
import { segmentCrossesRect } from '@shared/edge-routing'
import { LineRouteCache } from '@shared/line-routes'
import type { Deal } from '@shared/model'
import { aDeal } from '../../fixtures/builders'
import { generateDeal } from '../../fixtures/generate-large-deal'

function crossings(deal: Deal, routes: ReadonlyMap<string, { x: number; y: number }[]>): string[] {
  const out: string[] = []
  for (const l of deal.links) {
    const route = routes.get(l.id)
    if (!route) continue
    for (const s of deal.stakeholders) {
      if (s.id === l.from || s.id === l.to) continue
      const r = { ...s.position, ...CARD_SIZE[s.influence] }
      if (route.slice(1).some((q, i) => segmentCrossesRect(route[i], q, r))) out.push(`${l.id} through ${s.name}`)
    }
  }
  return out
}

describe('routes of the sideways lines, kept between edits', () => {
  it('a card moved into a line\'s way makes that line go round it', () => {
    const deal = aDeal('d')
      .withStakeholder('a', { name: 'A', position: { x: 0, y: 0 } })
      .withStakeholder('b', { name: 'B', position: { x: 700, y: 0 } })
      .withStakeholder('c', { name: 'C', position: { x: 300, y: 400 } })
      .withLink('a', 'b', 'ally')
      .build()
    const cache = new LineRouteCache()
    expect(cache.update(deal.stakeholders, deal.links).get('ally-a-b')).toHaveLength(2) // straight
    const moved = { ...deal, stakeholders: deal.stakeholders.map((s) => (s.id === 'c' ? { ...s, position: { x: 300, y: 0 } } : s)) }
    const routes = cache.update(moved.stakeholders, moved.links)
    expect(routes.get('ally-a-b')!.length).toBeGreaterThan(2)
    expect(crossings(moved, routes)).toEqual([])
  })

  it('at 150 people, moving one card to a free spot routes only the lines near it, and none crosses a card', () => {
    const { deal } = generateDeal({ stakeholders: 150, links: 300, seed: 7 })
    const cache = new LineRouteCache()
    const first = cache.update(deal.stakeholders, deal.links)
    const lateral = deal.links.filter((l) => l.kind !== 'reports-to').length
    expect(cache.lastRouted).toBe(lateral)
    expect(crossings(deal, first)).toEqual([])
    const target = deal.stakeholders[10]
    const moved = { ...deal, stakeholders: deal.stakeholders.map((s) => (s === target ? { ...s, position: { x: -400, y: s.position.y + 37 } } : s)) }
    const next = cache.update(moved.stakeholders, moved.links)
    expect(cache.lastRouted).toBeLessThan(lateral / 2)
    expect(crossings(moved, next)).toEqual([])
    // A rename moves nothing: no line is routed again and the routes are the same object.
    const renamed = { ...moved, stakeholders: moved.stakeholders.map((s) => (s === moved.stakeholders[3] ? { ...s, name: 'New name' } : s)) }
    expect(cache.update(renamed.stakeholders, renamed.links)).toBe(next)
    expect(cache.lastRouted).toBe(0)
  })

  it('a first update with no allowance searches nothing: every sideways line is drawn straight and waits (docs/performance.md, "Open, part 2")', () => {
    const { deal } = generateDeal({ stakeholders: 300, links: 600, seed: 7 })
    const lateral = deal.links.filter((l) => l.kind !== 'reports-to')
    const cache = new LineRouteCache()
    const search = vi.spyOn(routing, 'routeLateralWithin')
    const first = cache.update(deal.stakeholders, deal.links, 0)
    expect(search).not.toHaveBeenCalled()
    expect(cache.pending).toBe(lateral.length)
    for (const l of lateral) expect(first.get(l.id)).toHaveLength(2)
    search.mockRestore()
    // The passes after it route them all, and none crosses a card.
    let routes = first
    for (let pass = 0; pass < 50 && cache.pending > 0; pass++) routes = cache.update(deal.stakeholders, deal.links)
    expect(cache.pending).toBe(0)
    expect(crossings(deal, routes)).toEqual([])
  })
})
