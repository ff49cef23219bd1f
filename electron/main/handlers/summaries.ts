import type { DealSummary } from '@shared/ipc'
import { analysisInputs, analyzeDeal } from '@shared/analysis'
import type { Deal, DealIndexEntry, Seller, Settings } from '@shared/model'

/** The deals list's rows, with each deal's map status and team verdict from the analysis. */
export function summarize(loaded: Array<{ entry: DealIndexEntry; deal: Deal }>, roster: readonly Seller[], settings: Settings, today: string): DealSummary[] {
  const workspace = { roster, deals: loaded.map((l) => l.deal), settings }
  return loaded.map(({ entry, deal }) => {
    const summary: DealSummary = { ...entry, stakeholderCount: deal.stakeholders.length, team: deal.team }
    if (deal.updatedAt) summary.updatedAt = deal.updatedAt
    try {
      const analysis = analyzeDeal(analysisInputs(deal, workspace, today))
      summary.mapStatus = analysis.mapStatus
      summary.teamVerdict = analysis.team.verdict
    } catch (error) {
      // The list must show even if one deal trips the analysis; the deal view will say more.
      console.warn(`Could not analyse deal ${deal.id}:`, (error as Error).message)
    }
    return summary
  })
}
