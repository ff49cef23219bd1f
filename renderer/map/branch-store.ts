import { create } from 'zustand'
import type { MapFocus } from '@shared/branches'

/**
 * What the map hides for the user's reading (not part of the deal): collapsed branches and the
 * focus on one branch or department. Kept per open deal; opening another deal starts clear.
 */
export interface BranchState {
  dealId: string | null
  collapsed: ReadonlySet<string>
  focus: MapFocus | null
  /** Per card, for its toggle (set by the map from the deal's lines). */
  reportCount: ReadonlyMap<string, number>
  hiddenUnder: ReadonlyMap<string, number>
  forDeal(dealId: string | null): void
  toggleCollapsed(id: string): void
  setFocus(focus: MapFocus | null): void
  setCounts(reportCount: ReadonlyMap<string, number>, hiddenUnder: ReadonlyMap<string, number>): void
}

const NONE: ReadonlySet<string> = new Set()
const NO_COUNTS: ReadonlyMap<string, number> = new Map()

export const useBranchStore = create<BranchState>((set, get) => ({
  dealId: null,
  collapsed: NONE,
  focus: null,
  reportCount: NO_COUNTS,
  hiddenUnder: NO_COUNTS,
  forDeal: (dealId) => {
    if (get().dealId !== dealId) set({ dealId, collapsed: NONE, focus: null })
  },
  toggleCollapsed: (id) => {
    const next = new Set(get().collapsed)
    if (next.has(id)) next.delete(id)
    else next.add(id)
    set({ collapsed: next })
  },
  setFocus: (focus) => set({ focus }),
  setCounts: (reportCount, hiddenUnder) => set({ reportCount, hiddenUnder }),
}))
