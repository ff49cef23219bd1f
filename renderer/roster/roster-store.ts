import { create } from 'zustand'

/** The roster dialog: open or not, and which seller it shows (`'new'` for a blank form). */
export const useRosterStore = create<{ open: boolean; selectedId: string | null; select(id: string | null): void; close(): void }>()((set) => ({
  open: false,
  selectedId: null,
  select: (selectedId) => set({ selectedId }),
  close: () => set({ open: false }),
}))

export function openRoster(selectedId: string | null = null): void {
  useRosterStore.setState({ open: true, selectedId })
}
