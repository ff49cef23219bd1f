import { ELEMENTS, type Element, type Relationship, type Stakeholder } from '../model'
import { DEFAULT_CADENCE_DAYS, FREQUENCY_WINDOWS, LENGTH_THRESHOLDS_YEARS, type CadenceDays } from '../method'
import { dayNumber, trustedDayNumber, wholeYearsBetween } from './dates'

/**
 * Relationship scoring (docs/method.md#relationship-score).
 *
 * Formula: the seven elements weigh the same. total = round(sum of the 7 scores / 35 × 100),
 * so each point of any element is worth 100/35 ≈ 2.86 points of the total and raising any
 * element never lowers it. Bands: strong ≥ 70, workable ≥ 45, weak > 0, none = 0.
 *
 * Frequency (derived from this seller's contact log unless overridden), with C the cadence
 * for the stakeholder's influence and the last four cadences as windows
 * [0, C], (C, 2C], (2C, 3C], (3C, 4C] days ago:
 *   0 never contacted by this seller; 1 contacted, but not in the last four cadences;
 *   otherwise 1 + the number of windows with a contact (2–5), capped at 3 when the latest
 *   contact is older than one cadence.
 * Length (derived from knownSince unless overridden): none 0; < 1 year 1; 1–2 years 2;
 *   2–5 years 3; 5–10 years 4; ≥ 10 years 5 (whole years by anniversary, UTC).
 * Stale: no contact by any of our sellers within the last C days (never contacted is stale).
 */

export type Band = 'strong' | 'workable' | 'weak' | 'none'
export const BAND_THRESHOLDS = { strong: 70, workable: 45 } as const
const MAX_SUM = ELEMENTS.length * 5

export interface ElementResult {
  score: number
  /** Computed from data (contact log, known since). */
  derived: boolean
  /** The user's score replaced the derived one. */
  overridden: boolean
  /** For frequency and length: what the data says, shown beside an override. */
  derivedScore?: number
}

export interface RelationshipScore {
  sellerId: string
  elements: Record<Element, ElementResult>
  total: number
  band: Band
  /** Points each element adds to the total (score × 100/35, one decimal). */
  contributions: Record<Element, number>
  stale: boolean
  cadenceDays: number
  lastContact?: string
  daysSinceContact?: number
}

export interface ScoreOptions {
  today: string
  cadenceDays?: CadenceDays
}

/** Inner-circle people are kept on the high-influence cadence. */
export function cadenceFor(s: Pick<Stakeholder, 'influence' | 'innerCircle'>, cadenceDays: CadenceDays = DEFAULT_CADENCE_DAYS): number {
  return s.innerCircle ? Math.min(cadenceDays.high, cadenceDays[s.influence]) : cadenceDays[s.influence]
}

export function bandOf(total: number): Band {
  if (total >= BAND_THRESHOLDS.strong) return 'strong'
  if (total >= BAND_THRESHOLDS.workable) return 'workable'
  return total > 0 ? 'weak' : 'none'
}

/** The total of one relationship whose frequency and length are known (given or derived). */
export function relationshipTotal(given: Readonly<Relationship['elements']>, frequency: number, length: number): number {
  return Math.round(((given.value + given.goodwill + given.dignity + given.presence + frequency + length + given.depth) / MAX_SUM) * 100)
}

export function totalOf(scores: Readonly<Record<Element, number>>): number {
  return Math.round((ELEMENTS.reduce((sum, e) => sum + scores[e], 0) / MAX_SUM) * 100)
}

// A seller's contacts as frequency reads them: bit k set = a contact in window k (0–3), and
// this bit = any contact at all on or before today. One contact sets its bits once.
const ANY_PAST_CONTACT = 1 << FREQUENCY_WINDOWS

/** The windows bits of one contact `daysAgo` days ago (none for a contact dated after today). */
export function contactWindows(daysAgo: number, cadence: number): number {
  if (daysAgo < 0) return 0
  const window = daysAgo === 0 ? 0 : Math.ceil(daysAgo / cadence) - 1
  return window < FREQUENCY_WINDOWS ? ANY_PAST_CONTACT | (1 << window) : ANY_PAST_CONTACT
}

/** The frequency score of a seller's contacts, from the windows bits of all of them (contactWindows, OR-ed). */
export function frequencyOfWindows(windows: number): number {
  if ((windows & ANY_PAST_CONTACT) === 0) return 0
  let touched = 0
  for (let k = 0; k < FREQUENCY_WINDOWS; k++) if (windows & (1 << k)) touched++
  if (touched === 0) return 1
  return windows & 1 ? 1 + touched : Math.min(1 + touched, 3)
}

/** Frequency from how many days ago each of this seller's contacts was (future ones ignored). */
export function deriveFrequency(daysAgo: readonly number[], cadence: number): number {
  let windows = 0
  for (const d of daysAgo) windows |= contactWindows(d, cadence)
  return frequencyOfWindows(windows)
}

export function deriveLength(knownSince: string | undefined, today: string): number {
  if (!knownSince || knownSince > today) return 0
  const years = wholeYearsBetween(knownSince, today)
  // Counted in a loop, not with filter: once per relationship, so no array per call.
  let score = 1
  for (const threshold of LENGTH_THRESHOLDS_YEARS) if (years >= threshold) score++
  return score
}

/** One pass over a stakeholder's contact log: days-ago per seller and the latest contact. */
export interface ContactIndex {
  daysAgoBySeller: Map<string, number[]>
  lastDaysAgo?: number
  lastDate?: string
}

// Most people on a big map have no contact logged yet: they share one empty index (read only).
const NO_CONTACTS: ContactIndex = Object.freeze({ daysAgoBySeller: new Map<string, number[]>() })

export function indexContacts(s: Pick<Stakeholder, 'contacts'>, today: string): ContactIndex {
  const todayDay = dayNumber(today)
  if (s.contacts.length === 0) return NO_CONTACTS
  const daysAgoBySeller = new Map<string, number[]>()
  let lastDaysAgo: number | undefined
  let lastDate: string | undefined
  for (const c of s.contacts) {
    const daysAgo = todayDay - trustedDayNumber(c.date)
    if (daysAgo < 0) {
      // Dated after today: the clock went back, or the meeting was logged ahead. It does not
      // score frequency, but the person was not neglected: for staleness it is as of today.
      if (lastDaysAgo === undefined || lastDaysAgo > 0) {
        lastDaysAgo = 0
        lastDate = c.date
      }
      continue
    }
    let list = daysAgoBySeller.get(c.sellerId)
    if (!list) daysAgoBySeller.set(c.sellerId, (list = []))
    list.push(daysAgo)
    if (lastDaysAgo === undefined || daysAgo < lastDaysAgo) {
      lastDaysAgo = daysAgo
      lastDate = c.date
    }
  }
  return { daysAgoBySeller, lastDaysAgo, lastDate }
}

export function scoreRelationship(relationship: Relationship, stakeholder: Stakeholder, options: ScoreOptions): RelationshipScore {
  return scoreWithIndex(relationship, stakeholder, indexContacts(stakeholder, options.today), options)
}

/** scoreRelationship with the stakeholder's contacts already indexed (linear-time analysis). */
export function scoreWithIndex(relationship: Relationship, stakeholder: Stakeholder, index: ContactIndex, options: ScoreOptions): RelationshipScore {
  const cadence = cadenceFor(stakeholder, options.cadenceDays)
  const given = relationship.elements
  const derivedFrequency = deriveFrequency(index.daysAgoBySeller.get(relationship.sellerId) ?? [], cadence)
  const derivedLength = deriveLength(relationship.knownSince, options.today)
  const plain = (score: number): ElementResult => ({ score, derived: false, overridden: false })
  const derivable = (override: number | undefined, derivedScore: number): ElementResult =>
    override === undefined
      ? { score: derivedScore, derived: true, overridden: false, derivedScore }
      : { score: override, derived: false, overridden: true, derivedScore }

  const elements: Record<Element, ElementResult> = {
    value: plain(given.value),
    goodwill: plain(given.goodwill),
    dignity: plain(given.dignity),
    presence: plain(given.presence),
    frequency: derivable(given.frequency, derivedFrequency),
    length: derivable(given.length, derivedLength),
    depth: plain(given.depth),
  }
  const points = (score: number) => Math.round((score * 1000) / MAX_SUM) / 10
  const contributions: Record<Element, number> = {
    value: points(elements.value.score),
    goodwill: points(elements.goodwill.score),
    dignity: points(elements.dignity.score),
    presence: points(elements.presence.score),
    frequency: points(elements.frequency.score),
    length: points(elements.length.score),
    depth: points(elements.depth.score),
  }
  const total = relationshipTotal(given, elements.frequency.score, elements.length.score)
  return {
    sellerId: relationship.sellerId,
    elements,
    total,
    band: bandOf(total),
    contributions,
    cadenceDays: cadence,
    ...staleness(index, cadence),
  }
}

function staleness(index: ContactIndex, cadence: number): { stale: boolean; lastContact?: string; daysSinceContact?: number } {
  if (index.lastDaysAgo === undefined) return { stale: true }
  return { stale: index.lastDaysAgo > cadence, lastContact: index.lastDate, daysSinceContact: index.lastDaysAgo }
}
