import { create } from 'zustand'
import type { CandidateDecision } from '@shared/accounts'
import type { AccountForDeal, AccountOverviewResult } from '@shared/ipc'
import { api, messageOf, unwrap } from '../api'
import { useWorkspaceStore } from '../state/workspace-store'

/**
 * The account side of the window (docs/method.md, "Accounts"): the open deal's account (its
 * people, to add from) and the account view when it is open. Account data lives in main's
 * `accounts/<id>.json`; this store only holds what the page shows.
 */
interface AccountState {
  /** The open deal's account, as main answered when the deal opened. */
  ofDeal: (AccountForDeal & { dealId: string }) | null
  /** The customer whose account view is open; null when closed. */
  viewCustomer: string | null
  overview: AccountOverviewResult['overview'] | null
  viewError?: string
  addOpen: boolean
  setOfDeal(value: (AccountForDeal & { dealId: string }) | null): void
  openView(customer: string): Promise<void>
  closeView(): void
  decide(decision: CandidateDecision): Promise<void>
  setAddOpen(open: boolean): void
}

export const useAccountStore = create<AccountState>()((set, get) => ({
  ofDeal: null,
  viewCustomer: null,
  overview: null,
  addOpen: false,
  setOfDeal: (ofDeal) => set({ ofDeal }),
  async openView(customer) {
    set({ viewCustomer: customer, overview: null, viewError: undefined })
    try {
      const { overview, notices } = unwrap(await api.accountOverview(customer))
      if (get().viewCustomer !== customer) return
      useWorkspaceStore.getState().addNotices(notices)
      set({ overview })
    } catch (e) {
      set({ viewError: messageOf(e) })
    }
  },
  closeView: () => set({ viewCustomer: null, overview: null, viewError: undefined }),
  async decide(decision) {
    const customer = get().viewCustomer
    if (!customer) return
    try {
      const { overview } = unwrap(await api.decideAccountCandidate(customer, decision))
      set({ overview })
    } catch (e) {
      set({ viewError: messageOf(e) })
    }
  },
  setAddOpen: (addOpen) => set({ addOpen }),
}))
