import type { Stakeholder } from '../model'
import { dayNumber, trustedDayNumber } from './dates'
import { isKeyPlayer } from './key-players'
import { bandOf, cadenceFor, contactWindows, deriveLength, frequencyOfWindows, relationshipTotal, type Band, type ScoreOptions } from './relationship-score'

/** A stakeholder's strength is that of its best relationship; stale looks at every seller's contacts. */
export interface StakeholderStrength {
  strength: number
  band: Band
  stale: boolean
  bestSellerId?: string
  lastContact?: string
  daysSinceContact?: number
  cadenceDays: number
}

/**
 * The day a scoring pass is for, worked out once per analysis rather than once per person
 * (docs/performance.md, "Analysis at 1,000 people, part 2").
 */
export interface ScoringDay extends ScoreOptions {
  /** dayNumber(today): every contact's age is counted from it. */
  todayDay: number
}

/** Throws a RangeError when `today` is not a real YYYY-MM-DD date. */
export function scoringDay(options: ScoreOptions): ScoringDay {
  return { today: options.today, cadenceDays: options.cadenceDays, todayDay: dayNumber(options.today) }
}

/** What one pass over a card's contact log gives: each relationship's total and the latest contact. */
export interface CardScores {
  /** The total (0–100) of each of the card's relationships, in the order of `card.relationships`. */
  totals: readonly number[]
  cadence: number
  lastDaysAgo?: number
  lastDate?: string
}

// Most people on a big map have no relationship: they share this empty array (frozen; no loop
// below writes to it, as each runs relationships.length = 0 times).
const NO_RELATIONSHIPS = Object.freeze([]) as readonly number[] as number[]

/**
 * Every relationship's total on one card, with the card's contact log read once: each contact's
 * day is counted once, and its frequency windows go to the relationships of its seller. The
 * totals are scoreRelationship's (docs/method.md#relationship-score), without the breakdown.
 */
export function scoreCard(card: Stakeholder, day: ScoringDay): CardScores {
  const cadence = cadenceFor(card, day.cadenceDays)
  const relationships = card.relationships
  // One array per card with relationships: first each relationship's contact windows
  // (contactWindows, OR-ed), then, in the same slot, its total.
  const perRelationship: number[] = relationships.length === 0 ? NO_RELATIONSHIPS : []
  for (let k = 0; k < relationships.length; k++) perRelationship.push(0)
  let lastDaysAgo: number | undefined
  let lastDate: string | undefined
  for (const c of card.contacts) {
    const daysAgo = day.todayDay - trustedDayNumber(c.date)
    if (daysAgo < 0) {
      // Dated after today: the clock went back, or the meeting was logged ahead. It does not
      // score frequency, but the person was not neglected: for staleness it is as of today.
      if (lastDaysAgo === undefined || lastDaysAgo > 0) {
        lastDaysAgo = 0
        lastDate = c.date
      }
      continue
    }
    if (lastDaysAgo === undefined || daysAgo < lastDaysAgo) {
      lastDaysAgo = daysAgo
      lastDate = c.date
    }
    if (relationships.length === 0) continue
    const bits = contactWindows(daysAgo, cadence)
    for (let k = 0; k < relationships.length; k++) if (relationships[k].sellerId === c.sellerId) perRelationship[k] |= bits
  }
  for (let k = 0; k < relationships.length; k++) {
    const r = relationships[k]
    const frequency = r.elements.frequency ?? frequencyOfWindows(perRelationship[k])
    const length = r.elements.length ?? deriveLength(r.knownSince, day.today)
    perRelationship[k] = relationshipTotal(r.elements, frequency, length)
  }
  return { totals: perRelationship, cadence, lastDaysAgo, lastDate }
}

export function stakeholderStrength(stakeholder: Stakeholder, options: ScoreOptions): StakeholderStrength {
  return strengthOn(stakeholder, scoringDay(options))
}

/** stakeholderStrength for a day already worked out (the analysis scores every person on one day). */
export function strengthOn(stakeholder: Stakeholder, day: ScoringDay): StakeholderStrength {
  const { totals, cadence, lastDaysAgo, lastDate } = scoreCard(stakeholder, day)
  let strength = 0
  let bestSellerId: string | undefined
  for (let k = 0; k < totals.length; k++) {
    if (totals[k] > strength) {
      strength = totals[k]
      bestSellerId = stakeholder.relationships[k].sellerId
    }
  }
  // Both shapes keep the keys in the order the UI, the CLI's JSON and the tests have always seen.
  if (lastDaysAgo === undefined) {
    return {
      strength, band: bandOf(strength), bestSellerId, cadenceDays: cadence,
      stale: expectsContact(stakeholder) && !onMapWithinCadence(stakeholder, day, cadence),
    }
  }
  return {
    strength, band: bandOf(strength), bestSellerId, cadenceDays: cadence,
    stale: lastDaysAgo > cadence, lastContact: lastDate, daysSinceContact: lastDaysAgo,
  }
}

/**
 * Whether someone on our side is expected to keep in touch: a seller claims a relationship or
 * owns the person, or the person is a key player. A newly drawn, unowned, minor person whom
 * no one has contacted yet is not "stale" — there is nothing to keep warm yet.
 */
function expectsContact(s: Stakeholder): boolean {
  return s.relationships.length > 0 || s.ownerIds.length > 0 || isKeyPlayer(s)
}

/**
 * Drawn on the map fewer than `cadence` days ago: a person never contacted is not overdue
 * yet (a card added in today's meeting must not say "Stale"). Added after today means the
 * clock went back since: just added, as far as anyone can tell.
 */
function onMapWithinCadence(s: Stakeholder, day: ScoringDay, cadence: number): boolean {
  return s.addedOn !== undefined && (s.addedOn > day.today || day.todayDay - dayNumber(s.addedOn) <= cadence)
}
