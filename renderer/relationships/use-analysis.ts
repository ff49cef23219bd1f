import { analyzeDeal, type DealAnalysis, type RelationshipSummary } from '@shared/analysis'
import type { DealSummary } from '@shared/ipc'
import type { Deal, Seller, Settings } from '@shared/model'
import { useDealStore } from '../state/deal-store'
import { useWorkspaceStore } from '../state/workspace-store'
import { today } from '../state/today'

/**
 * The deal analysis, computed where it is shown and memoised on the deal object (never
 * stored): every card, the insights panel and the heatmap share one computation per edit.
 */
interface Cached {
  roster: readonly Seller[]
  deals: readonly DealSummary[]
  settings: Settings
  today: string
  analysis: DealAnalysis
}
const cache = new WeakMap<Deal, Cached>()

export function analysisOf(deal: Deal, roster: readonly Seller[], deals: readonly DealSummary[], settings: Settings): DealAnalysis {
  const date = today()
  const hit = cache.get(deal)
  if (hit && hit.roster === roster && hit.deals === deals && hit.settings === settings && hit.today === date) return hit.analysis
  // Other open deals come from the list's summaries; this deal is taken live.
  const openDeals = deals
    .filter((d) => d.id !== deal.id && d.team && d.stage !== 'won' && d.stage !== 'lost')
    .map((d) => ({ id: d.id, stage: d.stage, team: d.team ?? [] }))
  const analysis = analyzeDeal(deal, roster, [deal, ...openDeals], date, settings)
  cache.set(deal, { roster, deals, settings, today: date, analysis })
  return analysis
}

/** The open deal's analysis, or null with no deal open. */
export function useDealAnalysis(): DealAnalysis | null {
  const deal = useDealStore((s) => s.deal)
  const roster = useWorkspaceStore((s) => s.roster)
  const deals = useWorkspaceStore((s) => s.deals)
  const settings = useWorkspaceStore((s) => s.settings)
  return deal ? analysisOf(deal, roster, deals, settings) : null
}

const NO_SUMMARY = ''

/**
 * One stakeholder's strength as a stable string key (band|stale|strength), so a card
 * re-renders only when its own summary changes, not on every edit of the deal.
 */
export function useRelationshipSummary(stakeholderId: string): RelationshipSummary | null {
  const roster = useWorkspaceStore((s) => s.roster)
  const deals = useWorkspaceStore((s) => s.deals)
  const settings = useWorkspaceStore((s) => s.settings)
  const key = useDealStore((s) => {
    if (!s.deal) return NO_SUMMARY
    const r = analysisOf(s.deal, roster, deals, settings).relationships[stakeholderId]
    return r ? `${r.band}|${r.stale ? 1 : 0}|${r.strength}` : NO_SUMMARY
  })
  if (key === NO_SUMMARY) return null
  const [band, stale, strength] = key.split('|')
  return { band: band as RelationshipSummary['band'], stale: stale === '1', strength: Number(strength) }
}
