import { dealFactsIssues, type DealFactIssue, type DealFacts } from '@shared/deal-facts'
import type { Stage } from '@shared/model'

/**
 * What the details form holds while the user types: the amount and date as typed text, so
 * "1 250 000" or a half-typed date can be shown with a message instead of being lost.
 */
export interface FactsDraft {
  name: string
  customer: string
  stage: Stage
  amount: string
  currency: string
  closeDate: string
  /** The date box holds text that is not a date yet (the browser reports it as bad input, with an empty value). */
  closeDateUnreadable: boolean
  competitors: string[]
  notes: string
}

export function draftOf(facts: DealFacts): FactsDraft {
  return {
    name: facts.name,
    customer: facts.customer,
    stage: facts.stage,
    amount: facts.amount.value ? amountAsTyped(facts.amount.value) : '',
    currency: facts.amount.currency,
    closeDate: facts.closeDate ?? '',
    closeDateUnreadable: false,
    competitors: [...facts.competitors],
    notes: facts.notes,
  }
}

/**
 * An amount as a user types it, "4,250,000.5": grouped in thousands so it reads at a glance,
 * with the comma and point `parseAmount` reads back to the same number in every language.
 */
function amountAsTyped(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 20, useGrouping: true })
}

/** "1,250,000", "1 250 000" and "1250000.50" are amounts; a thousands separator is not a decimal point. */
export function parseAmount(text: string): number {
  const compact = text.replace(/[\s\u00a0\u202f,_']/g, '')
  if (compact === '') return 0
  return /^-?\d+(\.\d+)?$/.test(compact) ? Number(compact) : Number.NaN
}

/** The facts the draft stands for and what is wrong with them (the same checks the command makes). */
export function factsFromDraft(draft: FactsDraft): { facts: DealFacts; issues: DealFactIssue[] } {
  const facts: DealFacts = {
    name: draft.name,
    customer: draft.customer,
    stage: draft.stage,
    amount: { value: parseAmount(draft.amount), currency: draft.currency },
    closeDate: draft.closeDate === '' ? null : draft.closeDate,
    competitors: draft.competitors,
    notes: draft.notes,
  }
  const issues = dealFactsIssues(facts)
  if (draft.closeDateUnreadable && !issues.some((i) => i.field === 'closeDate')) issues.push({ field: 'closeDate', code: 'date-invalid' })
  return { facts, issues }
}
