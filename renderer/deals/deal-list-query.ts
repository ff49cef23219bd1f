import type { DealSummary } from '@shared/ipc'
import type { Stage } from '@shared/model'

export type DealSort = 'name' | 'close-date' | 'amount'
export interface DealListQuery {
  text: string
  /** Empty = every stage. */
  stage: Stage | ''
  sort: DealSort
}

export const DEFAULT_DEAL_QUERY: DealListQuery = { text: '', stage: '', sort: 'name' }

const fold = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase()

/**
 * The deals the list shows: matching the text (name or customer) and stage, sorted. Close
 * date sorts soonest first with undated deals last; amount sorts largest first (amounts in
 * different currencies are compared by value, which is what a single-currency team needs).
 */
export function queryDeals(deals: readonly DealSummary[], q: DealListQuery): DealSummary[] {
  const text = fold(q.text.trim())
  const matching = deals.filter((d) => (!q.stage || d.stage === q.stage) && (!text || fold(`${d.name} ${d.customer}`).includes(text)))
  const byName = (a: DealSummary, b: DealSummary) => a.name.localeCompare(b.name)
  const compare: Record<DealSort, (a: DealSummary, b: DealSummary) => number> = {
    name: byName,
    'close-date': (a, b) => (a.closeDate ?? '9999').localeCompare(b.closeDate ?? '9999') || byName(a, b),
    amount: (a, b) => b.amount.value - a.amount.value || byName(a, b),
  }
  return [...matching].sort(compare[q.sort])
}
