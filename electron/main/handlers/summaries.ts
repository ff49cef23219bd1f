import type { DealSummary } from '@shared/ipc'
import type { Deal, DealIndexEntry, Seller } from '@shared/model'

/**
 * One row of the deals list. The map status and team verdict come from the analysis in
 * shared/analysis once it offers `analyzeDeal`; until then they are left out.
 */
export function summarize(entry: DealIndexEntry, deal: Deal, _roster: readonly Seller[]): DealSummary {
  const summary: DealSummary = { ...entry, stakeholderCount: deal.stakeholders.length }
  if (deal.updatedAt) summary.updatedAt = deal.updatedAt
  return summary
}
