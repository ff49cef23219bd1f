import { create } from 'zustand'
import { useHistoryStore } from '../state/history-store'

/** Which seller's growth profile is open (null: none). */
export const useGrowthDialogStore = create<{ sellerId: string | null; close(): void }>()((set) => ({
  sellerId: null,
  close: () => set({ sellerId: null }),
}))

/** Open a seller's growth profile; the deals and growth file are read fresh each time it opens. */
export function openSellerProfile(sellerId: string): void {
  useGrowthDialogStore.setState({ sellerId })
  void useHistoryStore.getState().load()
}
