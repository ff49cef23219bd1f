import { z } from 'zod'
import { xmlSafe } from '../xml'
import { LIMITS } from './limits'

export const Id = z
  .string()
  .min(1, 'An id cannot be empty')
  .max(LIMITS.idLength)
  .regex(/^[A-Za-z0-9_-]+$/, 'An id may only hold letters, digits, "-" and "_"')

/**
 * Every text field drops the characters XML cannot hold (control characters, lone
 * surrogates, U+FFFE/U+FFFF) as it is parsed, rather than refusing them: a deal file
 * written before this rule, a backup, a snapshot or a shared file with a stray U+0007 in a
 * name still opens, cleaned, instead of being set aside as damaged; and no deck, SVG or
 * PNG made from a parsed deal can meet one. What the user types is cleaned earlier, by
 * `cleanText`, so the screen shows what will be saved.
 */
const Text = () => z.string().overwrite(xmlSafe)

export const ShortText = Text().max(LIMITS.shortText)
export const LongText = Text().max(LIMITS.longText)
/** A line's label: one line of a few words, trimmed. */
export const LinkLabel = Text().trim().max(LIMITS.linkLabel)
export const Name = Text().trim().min(1, 'A name is required').max(LIMITS.shortText)
/** A person's name: required, except on a placeholder (checked with the whole person). */
export const PersonName = Text().trim().max(LIMITS.shortText)

/** A calendar date as YYYY-MM-DD that really exists (no 2025-02-30). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'A date must look like 2026-03-12')
  .refine(isRealDate, 'This date does not exist')

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/**
 * Runs for every date in a deal on every save, so no split and no Date (bench: save row).
 * Years before 100 are refused, as Date.UTC (which maps them to 19xx) refused them before.
 */
export function isRealDate(s: string): boolean {
  if (s.length !== 10 || s[4] !== '-' || s[7] !== '-') return false
  const y = Number(s.slice(0, 4))
  const m = Number(s.slice(5, 7))
  const d = Number(s.slice(8, 10))
  if (!(y >= 100 && m >= 1 && m <= 12 && d >= 1) || !Number.isInteger(y) || !Number.isInteger(d)) return false
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1])
}

/** An element score: a whole number from 0 to 5. */
export const Score = z.number().int('A score is a whole number').min(0, 'A score is at least 0').max(5, 'A score is at most 5')

/**
 * A random UUID (v4). `crypto.randomUUID` exists only in secure contexts (not on a plain
 * http:// page such as the browser e2e harness), so build one from getRandomValues there.
 */
export const newId = (): string => {
  const c = globalThis.crypto
  if (typeof c.randomUUID === 'function') return c.randomUUID()
  const b = c.getRandomValues(new Uint8Array(16))
  b[6] = (b[6] & 0x0f) | 0x40
  b[8] = (b[8] & 0x3f) | 0x80
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
