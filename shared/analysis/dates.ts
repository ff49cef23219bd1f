/**
 * Calendar arithmetic on `YYYY-MM-DD` strings, in UTC so a time zone or daylight-saving
 * change never shifts a day. The analysis never reads the clock: `today` is a parameter.
 */

const MS_PER_DAY = 86_400_000
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

interface CalendarDate {
  year: number
  month: number
  day: number
}

// The analysis asks for the same few dates (today, knownSince values) once per person; a
// checked date is remembered so each distinct string is parsed and checked once. Bounded so a
// long-running process cannot grow it without limit (docs/performance.md, analysis).
const checkedDates = new Map<string, CalendarDate>()
const CHECKED_DATES_MAX = 4096

function parts(date: string): CalendarDate {
  const known = checkedDates.get(date)
  if (known) return known
  const checked = checkParts(date)
  if (checkedDates.size >= CHECKED_DATES_MAX) checkedDates.clear()
  checkedDates.set(date, checked)
  return checked
}

function checkParts(date: string): CalendarDate {
  const match = ISO_DATE.exec(date)
  if (!match) throw new RangeError(`Expected a date like 2026-03-12, got "${date}"`)
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const probe = new Date(Date.UTC(year, month - 1, day))
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw new RangeError(`The date "${date}" does not exist`)
  }
  return Object.freeze({ year, month, day })
}

/** Throws a RangeError unless `date` is a real YYYY-MM-DD date. */
export function assertIsoDate(date: string): void {
  parts(date)
}

/** Days since 1970-01-01 (UTC). Throws on a malformed or impossible date. */
export function dayNumber(date: string): number {
  const { year, month, day } = parts(date)
  return Date.UTC(year, month - 1, day) / MS_PER_DAY
}

/**
 * dayNumber for dates the schema has already validated (contact logs): no regex, no checks.
 * The analysis calls it once per contact, so it reads the digits in place and counts the days
 * itself: three `slice`s and a `Date.UTC` cost ~0.35 µs a date, 14% of the 1,000-person
 * analysis (docs/performance.md, "Analysis at 1,000 people, part 2"). The same
 * proleptic Gregorian calendar as `Date.UTC` for the real dates the schema lets through (years
 * from 100 on); a string with no digit where a digit goes gives NaN, as `Number('ab')` did.
 */
export function trustedDayNumber(date: string): number {
  const year = digitsAt(date, 0, 4)
  const month = digitsAt(date, 5, 2)
  const day = digitsAt(date, 8, 2)
  return daysFromCivil(year, month, day)
}

/** The number written by `count` decimal digits from `start`; NaN when one is not a digit. */
function digitsAt(text: string, start: number, count: number): number {
  let n = 0
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - 48
    if (!(digit >= 0 && digit <= 9)) return NaN
    n = n * 10 + digit
  }
  return n
}

/**
 * Days since 1970-01-01 of a real year, month (1–12) and day, as Date.UTC counts them:
 * H. Hinnant's days_from_civil, years counted from March so the leap day ends the year.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const monthFromMarch = month > 2 ? month - 3 : month + 9
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

/** Whole days from `earlier` to `later` (negative when `earlier` is after `later`). */
export function daysBetween(earlier: string, later: string): number {
  return dayNumber(later) - dayNumber(earlier)
}

export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * MS_PER_DAY).toISOString().slice(0, 10)
}

/**
 * Whole years from `since` to `today`, counted by anniversaries. Someone met on 29 February
 * has their anniversary on 1 March in common years (2020-02-29 → 2021-02-28 is 0 years,
 * 2021-03-01 is 1 year), which is how people count it.
 */
export function wholeYearsBetween(since: string, today: string): number {
  const a = parts(since)
  const b = parts(today)
  const beforeAnniversary = b.month < a.month || (b.month === a.month && b.day < a.day)
  return b.year - a.year - (beforeAnniversary ? 1 : 0)
}

/**
 * The calendar date of `now` in the local time zone, YYYY-MM-DD: the user's "today" in the
 * page, the CLI and main alike (a UTC date would be yesterday or tomorrow near midnight).
 */
export function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
