import { create } from 'zustand'
import type { Deal } from '@shared/model'
import type { TeamChange } from '@shared/ipc'

export interface ComparedVersion {
  /** A snapshot's name, or null for the deal as it is now. */
  label: string | null
  /** The snapshot compared, or none for the deal as it is now. */
  snapshotId?: string
  createdAt?: string
  deal: Deal
}

export interface ComparisonState {
  /** The older version; the newer is `to`, or the live deal when `to` is null. */
  from: ComparedVersion | null
  to: ComparedVersion | null
  /** Whether changed cards are outlined on the map. */
  highlight: boolean
  /** For a shared deal: the edits made between the two versions, each naming its author. */
  authors: readonly TeamChange[]
  compare(from: ComparedVersion, to: ComparedVersion | null): void
  setAuthors(authors: readonly TeamChange[]): void
  setHighlight(on: boolean): void
  clear(): void
}

export const useComparisonStore = create<ComparisonState>()((set) => ({
  from: null,
  to: null,
  highlight: true,
  authors: [],
  compare: (from, to) => set({ from, to, highlight: true, authors: [] }),
  setAuthors: (authors) => set({ authors }),
  setHighlight: (highlight) => set({ highlight }),
  clear: () => set({ from: null, to: null, authors: [] }),
}))
