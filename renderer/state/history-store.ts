import { create } from 'zustand'
import { emptyGrowthFile, type GrowthFile, type HistoryDeal, type SellerGrowth } from '@shared/growth'
import { api, unwrap } from '../api'
import { useWorkspaceStore } from './workspace-store'

/**
 * Every deal of the workspace with its people and seats (past and open), and the personal
 * growth file, as main read them (`growth:load`). The seller profiles read them, and the team
 * builder ranks who already knows this account's key people from them. Loaded on demand: the
 * deals list itself needs only summaries.
 */
export interface HistoryState {
  loaded: boolean
  loading: boolean
  loadError?: string
  deals: readonly HistoryDeal[]
  growth: GrowthFile
  load(): Promise<void>
  /** Save one seller's growth data; resolves with the file as saved, throws the typed failure. */
  saveGrowth(sellerId: string, growth: SellerGrowth): Promise<void>
}

export const useHistoryStore = create<HistoryState>()((set, get) => ({
  loaded: false,
  loading: false,
  deals: [],
  growth: emptyGrowthFile(),

  async load() {
    if (get().loading) return
    set({ loading: true })
    try {
      const view = unwrap(await api.loadGrowth())
      set({ loaded: true, loading: false, loadError: undefined, deals: view.deals, growth: view.growth })
      // The workspace store owns the banner of notices (a damaged growth.json set aside, restored).
      if (view.notices.length > 0) useWorkspaceStore.getState().addNotices(view.notices)
    } catch (e) {
      set({ loading: false, loadError: (e as Error).message })
    }
  },

  async saveGrowth(sellerId, growth) {
    const saved = unwrap(await api.saveSellerGrowth(sellerId, growth))
    set({ growth: saved })
  },
}))
