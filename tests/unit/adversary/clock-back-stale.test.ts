import { describe, expect, it } from 'vitest'
import { addDays, stakeholderStrength } from '@shared/analysis'
import { aStakeholder } from '../../fixtures/builders'

/**
 * The computer's clock goes back (a wrong BIOS clock, a time-zone fix, a laptop restored
 * from an image): what was added or done "today" now looks dated in the future. A card
 * added in this morning's meeting must not turn "Stale" because of it.
 */
const TODAY = '2026-03-12'
const keyPlayer = (fields: Parameters<typeof aStakeholder>[1]) => aStakeholder('dm', { buyingRole: 'decision-maker', influence: 'high', ownerIds: ['amy'], ...fields })

describe('the clock jumps back', () => {
  it('a person added "tomorrow" by the clock is not stale', () => {
    expect(stakeholderStrength(keyPlayer({ addedOn: addDays(TODAY, 1) }), { today: TODAY }).stale).toBe(false)
    expect(stakeholderStrength(keyPlayer({ addedOn: addDays(TODAY, 400) }), { today: TODAY }).stale).toBe(false)
  })

  it('a person last contacted "next week" by the clock is not stale', () => {
    const contacts = [{ date: addDays(TODAY, 6), channel: 'call' as const, sellerId: 'amy', note: '' }]
    expect(stakeholderStrength(keyPlayer({ contacts }), { today: TODAY }).stale).toBe(false)
  })
})
