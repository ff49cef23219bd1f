import { i18next } from './index'
import { formatMoney as formatMoneyIn } from '@shared/i18n'
import { LANGUAGES, type Language, type Money } from '@shared/model'

// Locale-aware formatting that follows the UI language.
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>()

function currentLocale(): string {
  return i18next.language || 'en'
}

function currentLanguage(): Language {
  return (LANGUAGES as readonly string[]).includes(i18next.language) ? (i18next.language as Language) : 'en'
}

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  const k = `${currentLocale()}|${key}`
  let f = cache.get(k) as T | undefined
  if (!f) {
    f = make()
    cache.set(k, f)
  }
  return f
}

/** A calendar date (YYYY-MM-DD) or ISO timestamp, in the user's language. Empty for none. */
export function formatDate(value: string | null | undefined, style: 'medium' | 'short' = 'medium'): string {
  if (!value) return ''
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value)
  const date = dateOnly ? new Date(`${value}T00:00:00Z`) : new Date(value)
  if (Number.isNaN(date.getTime())) return value
  const f = cached(`date:${style}:${dateOnly}`, () =>
    new Intl.DateTimeFormat(currentLocale(), { dateStyle: style, ...(dateOnly ? { timeZone: 'UTC' } : {}) }),
  )
  return f.format(date)
}

/**
 * When something happened, for a list of today's edits: the time for today (a meeting's changes
 * differ by the minute, not the day), the short date and time otherwise.
 */
export function formatWhen(iso: string, now: Date = new Date()): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const today = date.toDateString() === now.toDateString()
  const f = cached(`when:${today}`, () => new Intl.DateTimeFormat(currentLocale(), today ? { timeStyle: 'short' } : { dateStyle: 'short', timeStyle: 'short' }))
  return f.format(date)
}

/** The shared rule (`shared/i18n/format.ts`) in the page's current language. */
export function formatMoney(money: Money | null | undefined): string {
  return formatMoneyIn(money, currentLanguage())
}

export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  const f = cached(`num:${JSON.stringify(options)}`, () => new Intl.NumberFormat(currentLocale(), options))
  return f.format(value)
}
