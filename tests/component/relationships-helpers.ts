import type { Deal, Seller } from '@shared/model'
import { useDealStore } from '../../renderer/state/deal-store'
import { useWorkspaceStore } from '../../renderer/state/workspace-store'
import { pinToday } from '../../renderer/state/today'

export const TODAY = '2026-03-12'

/** Put a deal "open" in the stores, as the app has it after opening (no IPC needed). */
export function openDealInStores(deal: Deal, roster: Seller[]): void {
  pinToday(TODAY)
  useWorkspaceStore.setState({ roster, deals: [] })
  useDealStore.setState({ deal, selection: [], linkSelection: [], focusRequest: null })
}

export function currentDeal(): Deal {
  const deal = useDealStore.getState().deal
  if (!deal) throw new Error('No deal open')
  return deal
}

export function person(id: string) {
  const s = currentDeal().stakeholders.find((x) => x.id === id)
  if (!s) throw new Error(`No stakeholder ${id}`)
  return s
}
