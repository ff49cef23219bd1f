import { describe, expect, it } from 'vitest'
import { CARD_SIZE, cardSize } from '@shared/card-size'
import { findFreeSpot, placeNewCard, placeNewCards } from '@shared/placement'
import { aDeal } from '../../fixtures/builders'

type Box = { x: number; y: number; width: number; height: number }
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
const boxes = (deal: ReturnType<ReturnType<typeof aDeal>['build']>) => deal.stakeholders.map((s) => ({ ...s.position, ...cardSize(s.influence) }))

describe('placement of a new card', () => {
  const deal = aDeal('d')
    .withStakeholder('boss', { position: { x: 0, y: 0 }, influence: 'high' })
    .withStakeholder('report', { position: { x: 12, y: 224 } }) // right where a new report would go
    .withStakeholder('side', { position: { x: 600, y: 0 } })
    .build()

  it('goes under the manager, next to existing reports, overlapping nobody', () => {
    const p = placeNewCard(deal, { managerId: 'boss', fallback: { x: 0, y: 0 } })
    const box = { ...p, ...CARD_SIZE.medium }
    expect(boxes(deal).some((b) => overlap(box, b))).toBe(false)
    expect(p.y).toBeGreaterThan(CARD_SIZE.high.height) // below the manager
    expect(Math.abs(p.x)).toBeLessThan(700) // near, not far away
  })

  it('goes right of the selection when there is room', () => {
    const p = placeNewCard(deal, { nearIds: ['side'], fallback: { x: 0, y: 0 } })
    expect(p.x).toBeGreaterThanOrEqual(600 + CARD_SIZE.medium.width)
    expect(p.y).toBe(0)
  })

  it('uses the double-clicked point when free, and moves off a card when not', () => {
    expect(placeNewCard(deal, { fallback: { x: 1000, y: 1000 }, exact: true })).toEqual({ x: 1000 - CARD_SIZE.medium.width / 2, y: 1000 - CARD_SIZE.medium.height / 2 })
    const onBoss = placeNewCard(deal, { fallback: { x: 100, y: 50 }, exact: true })
    expect(boxes(deal).some((b) => overlap({ ...onBoss, ...CARD_SIZE.medium }, b))).toBe(false)
  })

  it('places several pasted cards without overlapping each other or the map', () => {
    const anchors = [{ x: 0, y: 0 }, { x: 0, y: 0 }, { x: 0, y: 0 }]
    const sizes = anchors.map(() => CARD_SIZE.medium)
    const spots = placeNewCards(deal, anchors, sizes).map((p) => ({ ...p, ...CARD_SIZE.medium }))
    const all = [...boxes(deal), ...spots]
    for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) expect(overlap(all[i], all[j])).toBe(false)
  })

  it('finds room even in a crowded grid', () => {
    const grid: Box[] = []
    for (let i = 0; i < 20; i++) for (let j = 0; j < 20; j++) grid.push({ x: i * 250, y: j * 150, ...CARD_SIZE.medium })
    const p = findFreeSpot(grid, { x: 2000, y: 1000 }, CARD_SIZE.medium)
    expect(grid.some((b) => overlap({ ...p, ...CARD_SIZE.medium }, b))).toBe(false)
  })
})
