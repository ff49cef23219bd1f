import { useDeferredValue } from 'react'
import {
  analysisInputs, analyzeDeal, findingReasons, type DealAnalysis, type RelationshipSummary, type WorkspaceForAnalysis,
} from '@shared/analysis'
import type { AnalysisView } from '@shared/changes'
import type { DealSummary } from '@shared/ipc'
import type { Deal, Seller, Settings } from '@shared/model'
import type { HistoryDeal } from '@shared/growth'
import { useCallback } from 'react'
import { useDealStore } from './deal-store'
import { useHistoryStore } from './history-store'
import { today } from './today'
import { useWorkspaceStore } from './workspace-store'

/**
 * The page's one selector of a deal's analysis: every panel (team, insights, cards, heatmap,
 * meeting mode), the deck export and the change diff read it, fed by `analysisInputs` from the
 * workspace store and the page's one `today`. Computed where it is shown and memoised on the
 * deal object (never stored): one computation per edit, whoever asks.
 */
interface Cached {
  roster: readonly Seller[]
  deals: readonly DealSummary[]
  history: readonly HistoryDeal[]
  settings: Settings
  today: string
  analysis: DealAnalysis
}
const cache = new WeakMap<Deal, Cached>()

interface Workspace {
  roster: readonly Seller[]
  deals: readonly DealSummary[]
  settings: Settings
  /** The deals with their people, when loaded (history-store): the team builder's ties come from them. */
  history?: readonly HistoryDeal[]
}

const NO_HISTORY: readonly HistoryDeal[] = []

export function analysisOf(deal: Deal, { roster, deals, settings, history = NO_HISTORY }: Workspace): DealAnalysis {
  const date = today()
  const hit = cache.get(deal)
  if (hit && hit.roster === roster && hit.deals === deals && hit.history === history && hit.settings === settings && hit.today === date) return hit.analysis
  const analysis = analyzeDeal(analysisInputs(deal, { roster, deals: withPeople(deals, history), settings }, date))
  cache.set(deal, { roster, deals, history, settings, today: date, analysis })
  return analysis
}

/** The deal summaries, each with its customer's people when the history has them. */
function withPeople(deals: readonly DealSummary[], history: readonly HistoryDeal[]): WorkspaceForAnalysis['deals'] {
  if (history.length === 0) return deals
  const people = new Map(history.map((d) => [d.id, d.stakeholders]))
  return deals.map((d) => (people.has(d.id) ? { ...d, stakeholders: people.get(d.id) } : d))
}

/**
 * The open deal's analysis, or null with no deal open. Read through `useDeferredValue`: an edit
 * (a colleague's title change above all) paints first, and the analysis of the new deal follows
 * in a render of its own, one React can interrupt, so no panel's re-analysis sits between an
 * edit and its frame (docs/collaboration-app.md, "Measured").
 */
export function useDealAnalysis(): DealAnalysis | null {
  const deal = useDeferredValue(useDealStore((s) => s.deal))
  const roster = useWorkspaceStore((s) => s.roster)
  const deals = useWorkspaceStore((s) => s.deals)
  const settings = useWorkspaceStore((s) => s.settings)
  const history = useHistoryStore((s) => s.deals)
  return deal ? analysisOf(deal, { roster, deals, settings, history }) : null
}

/**
 * The open deal's analysis as a function, worked out when first called (and then cached as
 * `useDealAnalysis` caches it): for a view whose first frame may not need it, so that frame
 * does not wait for it (docs/performance.md, "Open, part 3"). The deal is read deferred, as
 * `useDealAnalysis` reads it.
 */
export function useDealAnalysisLater(): () => DealAnalysis | null {
  // Deferred as in useDealAnalysis: a colleague's edit paints before the badge re-analyses
  // (tests/component/collab/remote-edit-paints-first.test.tsx).
  const deal = useDeferredValue(useDealStore((s) => s.deal))
  const roster = useWorkspaceStore((s) => s.roster)
  const deals = useWorkspaceStore((s) => s.deals)
  const settings = useWorkspaceStore((s) => s.settings)
  const history = useHistoryStore((s) => s.deals)
  return useCallback(() => (deal ? analysisOf(deal, { roster, deals, settings, history }) : null), [deal, roster, deals, settings, history])
}

/**
 * The analysis the change diff compares, fed like every other view. The diff sees each reason
 * of a merged finding on its own, so a person gaining a second reason is a change too.
 */
export function diffAnalyzer(workspace: WorkspaceForAnalysis): (deal: Deal, roster: readonly Seller[], day: string) => AnalysisView {
  return (deal, roster, day) => {
    const analysis = analyzeDeal(analysisInputs(deal, { ...workspace, roster }, day))
    return { findings: findingReasons(analysis.findings), relationships: analysis.relationships }
  }
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
  const history = useHistoryStore((s) => s.deals)
  const key = useDealStore((s) => {
    if (!s.deal) return NO_SUMMARY
    const r = analysisOf(s.deal, { roster, deals, settings, history }).relationships[stakeholderId]
    return r ? `${r.band}|${r.stale ? 1 : 0}|${r.strength}` : NO_SUMMARY
  })
  if (key === NO_SUMMARY) return null
  const [band, stale, strength] = key.split('|')
  return { band: band as RelationshipSummary['band'], stale: stale === '1', strength: Number(strength) }
}
