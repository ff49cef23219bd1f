import { describe, expect, it } from 'vitest'
import { stakeholderStrength } from '@shared/analysis'
import { trustedDayNumber } from '@shared/analysis/dates'
import { aContact, aRelationship, aStakeholder } from '../../fixtures/builders'

// Contact dates are counted from their digits, not through Date (docs/performance.md,
// "Analysis at 1,000 people, part 2"): a day counted wrong would move a contact into another
// cadence window (frequency) or make someone stale a day early.
describe('contact days counted from the digits', () => {
  it('agrees with the calendar on every day from 1900 to 2100, leap days and century years included', () => {
    const from = Date.UTC(1900, 0, 1) / 86_400_000
    const to = Date.UTC(2100, 11, 31) / 86_400_000
    const wrong: string[] = []
    for (let day = from; day <= to; day++) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10)
      if (trustedDayNumber(iso) !== day) wrong.push(iso)
    }
    expect(wrong).toEqual([])
  })

  it('a contact on 29 February is 1 day before 1 March and 366 days after the last 28 February before it', () => {
    expect(trustedDayNumber('2024-03-01') - trustedDayNumber('2024-02-29')).toBe(1)
    expect(trustedDayNumber('2024-02-29') - trustedDayNumber('2023-02-28')).toBe(366)
    expect(trustedDayNumber('2000-03-01') - trustedDayNumber('2000-02-28')).toBe(2)
    expect(trustedDayNumber('2100-03-01') - trustedDayNumber('2100-02-28')).toBe(1)
  })

  it('a person last contacted across a leap day is stale exactly one day past the cadence (high: 30 days)', () => {
    const person = (date: string) => aStakeholder('li', { influence: 'high', relationships: [aRelationship('alice')], contacts: [aContact('alice', date)] })
    expect(stakeholderStrength(person('2024-02-01'), { today: '2024-03-02' })).toMatchObject({ daysSinceContact: 30, stale: false })
    expect(stakeholderStrength(person('2024-01-31'), { today: '2024-03-02' })).toMatchObject({ daysSinceContact: 31, stale: true })
  })
})
