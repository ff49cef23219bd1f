import { create } from 'zustand'

/** Whether the map draws the coverage overlay (sellers and lines to the people they own). */
export const useCoverageStore = create<{ shown: boolean; toggle(): void; set(shown: boolean): void }>()((set, get) => ({
  shown: false,
  toggle: () => set({ shown: !get().shown }),
  set: (shown) => set({ shown }),
}))
