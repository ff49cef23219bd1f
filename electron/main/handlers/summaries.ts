import type { DealSummary } from '@shared/ipc'
import { analyzeDeal } from '@shared/analysis'
import { CLOSED_STAGES, type Deal, type DealIndexEntry, type Seller, type Settings } from '@shared/model'

/** The deals list's rows, with each deal's map status and team verdict from the analysis. */
export function summarize(loaded: Array<{ entry: DealIndexEntry; deal: Deal }>, roster: readonly Seller[], settings: Settings, today: string): DealSummary[] {
  const openDeals = loaded.map((l) => l.deal).filter((d) => !CLOSED_STAGES.includes(d.stage))
  return loaded.map(({ entry, deal }) => {
    const summary: DealSummary = { ...entry, stakeholderCount: deal.stakeholders.length, team: deal.team }
    if (deal.updatedAt) summary.updatedAt = deal.updatedAt
    try {
      const analysis = analyzeDeal(deal, roster, openDeals, today, settings)
      summary.mapStatus = analysis.mapStatus
      summary.teamVerdict = analysis.team.verdict
    } catch (error) {
      // The list must show even if one deal trips the analysis; the deal view will say more.
      console.warn(`Could not analyse deal ${deal.id}:`, (error as Error).message)
    }
    return summary
  })
}
