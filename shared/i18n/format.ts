import type { Language, Money } from '../model'

/**
 * Amounts and calendar dates as the reader's language writes them: one rule for the page, the
 * deck, the change sentences and the CLI, so "$250,000" on screen is "$250,000" on the slide.
 */
const moneyFormats = new Map<string, Intl.NumberFormat>()

/** Whole units in the deal's currency; an unknown currency code still shows the number and code. */
export function formatMoney(money: Money | null | undefined, lang: Language): string {
  if (!money) return ''
  const key = `${lang}|${money.currency}`
  try {
    let f = moneyFormats.get(key)
    if (!f) {
      f = new Intl.NumberFormat(lang, { style: 'currency', currency: money.currency, maximumFractionDigits: 0 })
      moneyFormats.set(key, f)
    }
    // -0 (from a file or a peer) reads as 0, never "-$0".
    return f.format(money.value === 0 ? 0 : money.value)
  } catch {
    return `${money.value.toLocaleString(lang)} ${money.currency}`
  }
}

/** A calendar date (YYYY-MM-DD) in the reader's language, or `none` when there is no date. */
export function formatDay(date: string | null | undefined, lang: Language, none = ''): string {
  if (!date) return none
  const [y, m, d] = date.split('-').map(Number)
  if (!y || !m || !d) return date
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)))
}
