import { describe, expect, it } from 'vitest'
import type { ElementScores, Stakeholder } from '@shared/model'
import {
  addDays, bandOf, cadenceFor, deriveFrequency, deriveLength, scoreRelationship, stakeholderStrength, totalOf,
} from '@shared/analysis'
import { aContact, aRelationship, aStakeholder } from '../../fixtures/builders'

const TODAY = '2026-03-12'
const ago = (days: number) => addDays(TODAY, -days)

/** A medium-influence stakeholder (cadence 60 days) with contacts by `alice` at the given days ago. */
function withContacts(daysAgo: number[], fields: Partial<Stakeholder> = {}): Stakeholder {
  return aStakeholder('li', { contacts: daysAgo.map((d) => aContact('alice', ago(d))), ...fields })
}
const frequencyOf = (s: Stakeholder) => scoreRelationship(aRelationship('alice'), s, { today: TODAY }).elements.frequency

describe('derived frequency: contacts by this seller in the last four cadences (medium = 60 days)', () => {
  it.each([
    { label: 'no contacts at all', daysAgo: [], score: 0 },
    { label: 'a contact today', daysAgo: [0], score: 2 },
    { label: 'a contact exactly one cadence ago (60 days) is still within the cadence', daysAgo: [60], score: 2 },
    { label: 'a contact one day past the cadence (61 days)', daysAgo: [61], score: 2 },
    { label: 'exactly four cadences ago (240 days) is the oldest window', daysAgo: [240], score: 2 },
    { label: 'only older than four cadences (241 days): lapsed', daysAgo: [241, 400], score: 1 },
    { label: 'two contacts in the same cadence count once', daysAgo: [1, 2, 59], score: 2 },
    { label: 'contact in two cadences, latest within one', daysAgo: [10, 70], score: 3 },
    { label: 'contact in three cadences, latest within one', daysAgo: [10, 70, 130], score: 4 },
    { label: 'contact in each of the last four cadences', daysAgo: [0, 61, 121, 181], score: 5 },
    { label: 'three cadences but none in the latest is capped at 3', daysAgo: [70, 130, 190], score: 3 },
  ])('$label → $score', ({ daysAgo, score }) => {
    expect(frequencyOf(withContacts(daysAgo))).toEqual({ score, derived: true, overridden: false, derivedScore: score })
  })

  it('counts only this seller\'s contacts and ignores contacts dated after today', () => {
    const s = aStakeholder('li', { contacts: [aContact('bob', ago(1)), aContact('alice', addDays(TODAY, 3))] })
    expect(frequencyOf(s).score).toBe(0)
  })

  it('uses the cadence of the stakeholder\'s influence: 31 days ago is outside the high cadence (30)', () => {
    expect(deriveFrequency([30], 30)).toBe(2)
    expect(deriveFrequency([31, 0], 30)).toBe(3)
    expect(scoreRelationship(aRelationship('alice'), withContacts([31], { influence: 'high' }), { today: TODAY }).stale).toBe(true)
    expect(scoreRelationship(aRelationship('alice'), withContacts([31], { influence: 'low' }), { today: TODAY }).stale).toBe(false)
  })
})

describe('derived length from "known since" (whole years by anniversary, UTC)', () => {
  it.each([
    { knownSince: undefined, today: TODAY, score: 0 },
    { knownSince: TODAY, today: TODAY, score: 1 },
    { knownSince: '2025-03-13', today: TODAY, score: 1 },
    { knownSince: '2025-03-12', today: TODAY, score: 2 },
    { knownSince: '2024-03-12', today: TODAY, score: 3 },
    { knownSince: '2021-03-13', today: TODAY, score: 3 },
    { knownSince: '2021-03-12', today: TODAY, score: 4 },
    { knownSince: '2016-03-13', today: TODAY, score: 4 },
    { knownSince: '2016-03-12', today: TODAY, score: 5 },
    { knownSince: '2026-03-13', today: TODAY, score: 0 },
    // leap day: the anniversary falls on 1 March in common years
    { knownSince: '2020-02-29', today: '2021-02-28', score: 1 },
    { knownSince: '2020-02-29', today: '2021-03-01', score: 2 },
    { knownSince: '2020-02-29', today: '2022-02-28', score: 2 },
    { knownSince: '2020-02-29', today: '2022-03-01', score: 3 },
    { knownSince: '2020-02-29', today: '2025-02-28', score: 3 },
    { knownSince: '2020-02-29', today: '2025-03-01', score: 4 },
    { knownSince: '2020-02-29', today: '2030-02-28', score: 4 },
    { knownSince: '2020-02-29', today: '2030-03-01', score: 5 },
    { knownSince: '2019-03-01', today: '2024-02-29', score: 3 },
  ])('known since $knownSince, today $today → $score', ({ knownSince, today, score }) => {
    expect(deriveLength(knownSince, today)).toBe(score)
    const scored = scoreRelationship(aRelationship('alice', {}, knownSince ? { knownSince } : {}), aStakeholder('li'), { today })
    expect(scored.elements.length).toEqual({ score, derived: true, overridden: false, derivedScore: score })
  })
})

describe('overrides', () => {
  it('a frequency or length entered by the user wins over the derived score and is flagged', () => {
    const scored = scoreRelationship(aRelationship('alice', { frequency: 4, length: 0 }, { knownSince: '2010-01-01' }), aStakeholder('li'), { today: TODAY })
    expect(scored.elements.frequency).toEqual({ score: 4, derived: false, overridden: true, derivedScore: 0 })
    expect(scored.elements.length).toEqual({ score: 0, derived: false, overridden: true, derivedScore: 5 })
  })

  it('the five judged elements are never derived nor overridden', () => {
    const scored = scoreRelationship(aRelationship('alice', { value: 3 }), aStakeholder('li'), { today: TODAY })
    expect(scored.elements.value).toEqual({ score: 3, derived: false, overridden: false })
  })
})

describe('total, band and contributions', () => {
  const all = (n: number): Record<keyof ElementScores, number> => ({ value: n, goodwill: n, dignity: n, presence: n, frequency: n, length: n, depth: n })

  it.each([
    { sum: 0, total: 0, band: 'none' },
    { sum: 1, total: 3, band: 'weak' },
    { sum: 15, total: 43, band: 'weak' },
    { sum: 16, total: 46, band: 'workable' },
    { sum: 24, total: 69, band: 'workable' },
    { sum: 25, total: 71, band: 'strong' },
    { sum: 35, total: 100, band: 'strong' },
  ])('element points summing to $sum → total $total, $band', ({ sum, total, band }) => {
    const scores = all(0)
    let left = sum
    for (const e of Object.keys(scores) as (keyof ElementScores)[]) {
      scores[e] = Math.min(5, left)
      left -= scores[e]
    }
    expect(totalOf(scores)).toBe(total)
    expect(bandOf(total)).toBe(band)
  })

  it('band edges: 70 is strong, 45 is workable, 44 is weak', () => {
    expect([bandOf(70), bandOf(69), bandOf(45), bandOf(44), bandOf(1), bandOf(0)]).toEqual(['strong', 'workable', 'workable', 'weak', 'weak', 'none'])
  })

  it('each element contributes score × 100/35 points, so the UI can say why', () => {
    const scored = scoreRelationship(aRelationship('alice', { value: 5, depth: 3, frequency: 1, length: 0 }), aStakeholder('li'), { today: TODAY })
    expect(scored.contributions).toEqual({ value: 14.3, goodwill: 0, dignity: 0, presence: 0, frequency: 2.9, length: 0, depth: 8.6 })
    expect(scored.total).toBe(26)
    expect(scored.band).toBe('weak')
  })
})

describe('staleness and a stakeholder\'s strength', () => {
  it('stale looks at every seller\'s contacts; never contacted counts as stale', () => {
    const byBob = aStakeholder('li', { contacts: [aContact('bob', ago(5))] })
    expect(scoreRelationship(aRelationship('alice'), byBob, { today: TODAY })).toMatchObject({ stale: false, lastContact: ago(5), daysSinceContact: 5 })
    const never = scoreRelationship(aRelationship('alice'), aStakeholder('li'), { today: TODAY })
    expect(never.stale).toBe(true)
    expect(never.lastContact).toBeUndefined()
  })

  it('inner-circle people keep the high-influence cadence; cadence is a setting', () => {
    expect(cadenceFor({ influence: 'low', innerCircle: true })).toBe(30)
    expect(cadenceFor({ influence: 'low', innerCircle: false }, { high: 10, medium: 20, low: 45 })).toBe(45)
    const s = withContacts([40], { influence: 'low' })
    expect(scoreRelationship(aRelationship('alice'), s, { today: TODAY, cadenceDays: { high: 10, medium: 20, low: 30 } }).stale).toBe(true)
  })

  it('a stakeholder\'s strength is that of the best relationship', () => {
    const s = aStakeholder('li', {
      relationships: [aRelationship('alice', { value: 1 }), aRelationship('bob', { value: 5, depth: 5, frequency: 5 })],
      contacts: [aContact('alice', ago(1))],
    })
    expect(stakeholderStrength(s, { today: TODAY })).toMatchObject({ strength: 43, band: 'weak', bestSellerId: 'bob', stale: false })
  })

  it('no relationship at all is strength 0, band none, no best seller', () => {
    const strength = stakeholderStrength(aStakeholder('li'), { today: TODAY })
    expect(strength).toMatchObject({ strength: 0, band: 'none' })
    expect(strength.bestSellerId).toBeUndefined()
  })

  it('never contacted is stale only where someone should keep in touch: an owner, a relationship or a key player', () => {
    expect(stakeholderStrength(aStakeholder('new-face'), { today: TODAY }).stale).toBe(false)
    expect(stakeholderStrength(aStakeholder('owned', { ownerIds: ['alice'] }), { today: TODAY }).stale).toBe(true)
    expect(stakeholderStrength(aStakeholder('cfo', { buyingRole: 'approver' }), { today: TODAY }).stale).toBe(true)
    expect(stakeholderStrength(aStakeholder('vip', { influence: 'high' }), { today: TODAY }).stale).toBe(true)
    expect(stakeholderStrength(aStakeholder('rel', { relationships: [aRelationship('alice')] }), { today: TODAY }).stale).toBe(true)
    // Once contacted, the cadence decides, owner or not.
    expect(stakeholderStrength(withContacts([200], { influence: 'low' }), { today: TODAY }).stale).toBe(true)
  })
})
