import type { Deal } from './model/deal'
import { isRealDate } from './model/primitives'
import { LIMITS } from './model/limits'
import { STAGES } from './model/enums'

/** The facts a deal team keeps about the deal itself (not its people): what the details form edits. */
export const DEAL_FACT_FIELDS = ['name', 'customer', 'stage', 'amount', 'closeDate', 'competitors', 'notes'] as const
export type DealFactField = (typeof DEAL_FACT_FIELDS)[number]
export type DealFacts = Pick<Deal, DealFactField>
export type DealFactsPatch = Partial<DealFacts>

/** Largest amount a deal file holds (the file schema's cap). */
export const MAX_AMOUNT = 1e13

/**
 * ISO 4217 codes offered for a deal's amount: the currencies enterprise deals are most often
 * priced in first, then the rest alphabetically. Any three-letter code is valid in the file.
 */
export const COMMON_CURRENCIES = ['USD', 'EUR', 'CNY', 'GBP', 'JPY', 'HKD', 'SGD', 'AUD', 'CAD', 'CHF', 'INR', 'KRW'] as const
export const OTHER_CURRENCIES = [
  'AED', 'ARS', 'BRL', 'CLP', 'COP', 'CZK', 'DKK', 'EGP', 'HUF', 'IDR', 'ILS', 'KWD', 'MXN', 'MYR', 'NOK', 'NZD',
  'PHP', 'PKR', 'PLN', 'QAR', 'RON', 'RUB', 'SAR', 'SEK', 'THB', 'TRY', 'TWD', 'UAH', 'VND', 'ZAR',
] as const

export type DealFactIssueCode =
  | 'name-required' | 'too-long' | 'too-many' | 'amount-negative' | 'amount-not-number' | 'amount-too-large'
  | 'currency-invalid' | 'date-invalid' | 'stage-invalid' | 'competitor-empty' | 'competitor-duplicate' | 'unknown-field'

export interface DealFactIssue {
  field: DealFactField
  code: DealFactIssueCode
  /** Parameters of the message (a limit, the value at fault). */
  params?: Record<string, string | number>
}

const TEXT_LIMIT: Record<'name' | 'customer' | 'notes', number> = { name: LIMITS.shortText, customer: LIMITS.shortText, notes: LIMITS.longText }

/**
 * What is wrong with a patch of deal facts, field by field: the details form shows these
 * under each field (in the user's language, from the code), and `set-deal-facts` refuses a
 * patch that has any. An empty list means the patch can be applied.
 */
export function dealFactsIssues(patch: DealFactsPatch): DealFactIssue[] {
  const issues: DealFactIssue[] = []
  for (const key of Object.keys(patch)) {
    // A patch is of these fields only: the command must never become a back door to the people or the team.
    if (!(DEAL_FACT_FIELDS as readonly string[]).includes(key)) issues.push({ field: key as DealFactField, code: 'unknown-field', params: { name: key } })
  }
  if (patch.stage !== undefined && !(STAGES as readonly string[]).includes(patch.stage)) issues.push({ field: 'stage', code: 'stage-invalid' })
  for (const field of ['name', 'customer', 'notes'] as const) {
    const value = patch[field]
    if (value === undefined) continue
    if (field === 'name' && value.trim() === '') issues.push({ field, code: 'name-required' })
    else if (value.length > TEXT_LIMIT[field]) issues.push({ field, code: 'too-long', params: { max: TEXT_LIMIT[field] } })
  }
  if (patch.amount !== undefined) {
    const { value, currency } = patch.amount
    if (typeof value !== 'number' || !Number.isFinite(value)) issues.push({ field: 'amount', code: 'amount-not-number' })
    else if (value < 0) issues.push({ field: 'amount', code: 'amount-negative' })
    else if (value > MAX_AMOUNT) issues.push({ field: 'amount', code: 'amount-too-large' })
    if (!/^[A-Z]{3}$/.test(currency)) issues.push({ field: 'amount', code: 'currency-invalid' })
  }
  if (patch.closeDate !== undefined && patch.closeDate !== null && !(/^\d{4}-\d{2}-\d{2}$/.test(patch.closeDate) && isRealDate(patch.closeDate))) {
    issues.push({ field: 'closeDate', code: 'date-invalid' })
  }
  if (patch.competitors !== undefined) {
    const list = patch.competitors
    if (list.length > LIMITS.competitors) issues.push({ field: 'competitors', code: 'too-many', params: { max: LIMITS.competitors } })
    const seen = new Set<string>()
    for (const c of list) {
      const key = competitorKey(c)
      if (key === '') { issues.push({ field: 'competitors', code: 'competitor-empty' }); break }
      if (c.length > LIMITS.shortText) { issues.push({ field: 'competitors', code: 'too-long', params: { max: LIMITS.shortText } }); break }
      if (seen.has(key)) { issues.push({ field: 'competitors', code: 'competitor-duplicate', params: { name: c.trim() } }); break }
      seen.add(key)
    }
  }
  return issues
}

/**
 * What makes two competitor names the same competitor: case, full-width letters (a Chinese
 * keyboard types "ＳＡＰ"), composed or decomposed accents, and invisible format characters
 * (zero-width space, soft hyphen) pasted from a web page do not make a second one.
 */
export function competitorKey(name: string): string {
  return name.normalize('NFKC').replace(/\p{Cf}/gu, '').trim().toLocaleLowerCase()
}

/** The fields of `next` that differ from `current`: what a form's Save sends. */
export function changedFacts(current: DealFacts, next: DealFacts): DealFactsPatch {
  const patch: DealFactsPatch = {}
  if (next.name !== current.name) patch.name = next.name
  if (next.customer !== current.customer) patch.customer = next.customer
  if (next.stage !== current.stage) patch.stage = next.stage
  if (next.amount.value !== current.amount.value || next.amount.currency !== current.amount.currency) patch.amount = next.amount
  if (next.closeDate !== current.closeDate) patch.closeDate = next.closeDate
  if (next.competitors.length !== current.competitors.length || next.competitors.some((c, i) => c !== current.competitors[i])) patch.competitors = next.competitors
  if (next.notes !== current.notes) patch.notes = next.notes
  return patch
}

export function factsOf(deal: DealFacts): DealFacts {
  const { name, customer, stage, amount, closeDate, competitors, notes } = deal
  return { name, customer, stage, amount, closeDate, competitors, notes }
}
