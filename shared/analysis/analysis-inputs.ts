import { CLOSED_STAGES, type Deal, type Seller, type Settings } from '../model'
import type { AccountDeal } from './key-people-ties'
import { sameCustomerDeals } from './same-person'
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
  /**
   * The same customer's other deals with their people, past and open, when the caller has
   * them: the team builder ranks sellers who already know this account's key people higher.
   */
  accountDeals?: readonly AccountDeal[]
}

/** The workspace as the analysis reads it: a list of deals whose seats may be unknown yet. */
export interface WorkspaceForAnalysis {
  roster: readonly Seller[]
  deals: readonly { id: string; stage: Deal['stage']; team?: Deal['team']; customer?: string; stakeholders?: Deal['stakeholders'] }[]
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
  const withPeople = workspace.deals.flatMap((d): AccountDeal[] => (d.stakeholders && d.customer !== undefined ? [{ id: d.id, customer: d.customer, stakeholders: d.stakeholders }] : []))
  const accountDeals = sameCustomerDeals(deal, withPeople)
  const { maxOpenDealsPerSeller, cadenceDays } = workspace.settings
  return {
    deal, roster: workspace.roster, openDeals, settings: { maxOpenDealsPerSeller, cadenceDays }, today,
    ...(accountDeals.length > 0 ? { accountDeals } : {}),
  }
}
