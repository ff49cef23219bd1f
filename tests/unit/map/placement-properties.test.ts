import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { CARD_SIZE } from '@shared/card-size'
import { PLACEMENT_GAP, placeNewCard, type Box } from '@shared/placement'
import { INFLUENCES, StakeholderSchema } from '@shared/model'
import { aStakeholder } from '../../fixtures/builders'

const person = fc.record({
  x: fc.integer({ min: -3000, max: 3000 }),
  y: fc.integer({ min: -2000, max: 2000 }),
  influence: fc.constantFrom(...INFLUENCES),
})
const view = fc.record({
  x: fc.integer({ min: -3000, max: 3000 }),
  y: fc.integer({ min: -2000, max: 2000 }),
  width: fc.integer({ min: 300, max: 3000 }),
  height: fc.integer({ min: 200, max: 2000 }),
})

function dealOf(cards: Array<{ x: number; y: number; influence: (typeof INFLUENCES)[number] }>) {
  return { stakeholders: cards.map((c, i) => aStakeholder(`p${i}`, { position: { x: c.x, y: c.y }, influence: c.influence })) }
}

const boxOf = (s: { position: { x: number; y: number }; influence: (typeof INFLUENCES)[number] }): Box => ({ ...s.position, ...CARD_SIZE[s.influence] })
const touches = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
const inside = (a: Box, v: Box) => a.x >= v.x && a.y >= v.y && a.x + a.width <= v.x + v.width && a.y + a.height <= v.y + v.height

describe('a new card is placed in view and on top of no other card', () => {
  it('never overlaps a card, whatever the map and the view', () => {
    fc.assert(
      fc.property(fc.array(person, { maxLength: 40 }), view, fc.option(fc.nat({ max: 39 })), (cards, v, near) => {
        const deal = dealOf(cards)
        const nearIds = near !== null && near < cards.length ? [`p${near}`] : []
        const spot = placeNewCard(deal, { nearIds, fallback: { x: v.x + v.width / 2, y: v.y + v.height / 2 }, view: v })
        const box = { ...spot, ...CARD_SIZE.medium }
        for (const s of deal.stakeholders) expect(touches(box, boxOf(s))).toBe(false)
      }),
      { numRuns: 300 },
    )
  })

  it('is inside the view whenever the view has room for it', () => {
    fc.assert(
      fc.property(fc.array(person, { maxLength: 6 }), view, fc.option(fc.nat({ max: 5 })), (cards, v, near) => {
        // Room: a view at least four cards wide and tall holds a free grid spot next to six cards.
        fc.pre(v.width >= 4 * (CARD_SIZE.medium.width + PLACEMENT_GAP) * 2 && v.height >= 4 * (CARD_SIZE.medium.height + PLACEMENT_GAP) * 2)
        const deal = dealOf(cards)
        const nearIds = near !== null && near < cards.length ? [`p${near}`] : []
        const spot = placeNewCard(deal, { nearIds, fallback: { x: v.x + v.width / 2, y: v.y + v.height / 2 }, view: v })
        expect(inside({ ...spot, ...CARD_SIZE.medium }, v)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  it('puts the next report of a manager in the same row as the first, to its right', () => {
    const boss = aStakeholder('boss', { position: { x: 0, y: 0 } })
    const first = aStakeholder('first', { position: { x: -100, y: 300 } })
    const deal = { stakeholders: [boss, first], links: [{ from: 'first', to: 'boss', kind: 'reports-to' as const }] }
    const spot = placeNewCard(deal, { managerId: 'boss', fallback: { x: 0, y: 0 } })
    expect(spot.y).toBe(300)
    expect(spot.x).toBeGreaterThanOrEqual(-100 + CARD_SIZE.medium.width + PLACEMENT_GAP)
  })
})

describe('a placeholder person', () => {
  const base = aStakeholder('coo', { title: 'COO' })
  it('may have no name only while it is a placeholder', () => {
    expect(StakeholderSchema.safeParse({ ...base, name: '', placeholder: true }).success).toBe(true)
    const nameless = StakeholderSchema.safeParse({ ...base, name: '' })
    expect(nameless.success).toBe(false)
    expect(nameless.error?.issues[0]).toMatchObject({ path: ['name'], message: 'A name is required' })
  })
  it('leaves files written before it valid (no placeholder, no addedOn)', () => {
    const old = { ...base } as Record<string, unknown>
    delete old.addedOn
    delete old.placeholder
    expect(StakeholderSchema.safeParse(old).success).toBe(true)
  })
})
