import { create } from 'zustand'
import type { Deal } from '@shared/model'

export interface ComparedVersion {
  /** A snapshot's name, or null for the deal as it is now. */
  label: string | null
  createdAt?: string
  deal: Deal
}

export interface ComparisonState {
  /** The older version; the newer is `to`, or the live deal when `to` is null. */
  from: ComparedVersion | null
  to: ComparedVersion | null
  /** Whether changed cards are outlined on the map. */
  highlight: boolean
  compare(from: ComparedVersion, to: ComparedVersion | null): void
  setHighlight(on: boolean): void
  clear(): void
}

export const useComparisonStore = create<ComparisonState>()((set) => ({
  from: null,
  to: null,
  highlight: true,
  compare: (from, to) => set({ from, to, highlight: true }),
  setHighlight: (highlight) => set({ highlight }),
  clear: () => set({ from: null, to: null }),
}))
