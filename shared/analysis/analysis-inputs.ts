import { CLOSED_STAGES, type Deal, type Seller, type Settings } from '../model'
import type { AnalysisSettings } from './settings'

/** Another deal of the workspace as the load count needs it: its id, stage and seats. */
export type OpenDealSeats = Pick<Deal, 'id' | 'stage' | 'team'>

/**
 * Everything one deal's analysis depends on. Every view, the deck, the CLI and the change
 * diff build it the same way (see `analysisInputs`), so they cannot disagree about a deal.
 */
export interface AnalysisInputs {
  deal: Deal
  roster: readonly Seller[]
  /** The workspace's open deals; the deal itself and closed deals are ignored. */
  openDeals: readonly OpenDealSeats[]
  settings: AnalysisSettings
  /** YYYY-MM-DD, chosen by the caller (tests pin it; the analysis never reads the clock). */
  today: string
}

/** The workspace as the analysis reads it: a list of deals whose seats may be unknown yet. */
export interface WorkspaceForAnalysis {
  roster: readonly Seller[]
  deals: readonly { id: string; stage: Deal['stage']; team?: Deal['team'] }[]
  settings: Pick<Settings, 'maxOpenDealsPerSeller' | 'cadenceDays'>
}

/**
 * The one way to feed the analysis from a workspace: the other open deals (with seats) count
 * toward each seller's load; the deal is taken as given (the live version, saved or not).
 */
export function analysisInputs(deal: Deal, workspace: WorkspaceForAnalysis, today: string): AnalysisInputs {
  const openDeals: OpenDealSeats[] = []
  for (const d of workspace.deals) {
    if (d.id === deal.id || !d.team || CLOSED_STAGES.includes(d.stage)) continue
    openDeals.push({ id: d.id, stage: d.stage, team: d.team })
  }
  const { maxOpenDealsPerSeller, cadenceDays } = workspace.settings
  return { deal, roster: workspace.roster, openDeals, settings: { maxOpenDealsPerSeller, cadenceDays }, today }
}
