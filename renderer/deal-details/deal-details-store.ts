import { create } from 'zustand'

/** Whether the deal details form is open. */
export const useDealDetailsStore = create<{ open: boolean; setOpen(open: boolean): void }>()((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}))

export function openDealDetails(): void {
  useDealDetailsStore.getState().setOpen(true)
}
