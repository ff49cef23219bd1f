import type { Language, Money } from '../model'

export function formatMoney(money: Money, language: Language): string {
  try {
    return new Intl.NumberFormat(language, { style: 'currency', currency: money.currency, maximumFractionDigits: 0 }).format(money.value)
  } catch {
    return `${money.value.toLocaleString(language)} ${money.currency}`
  }
}

/** Dates stay ISO (2026-03-12): unambiguous in both languages and sortable. */
export function formatDate(iso: string | null | undefined, fallback: string): string {
  return iso ? iso : fallback
}
