import { create } from 'zustand'
import type { BuyingRole, Influence, Stance } from '@shared/model'

/** What the map dims: an empty list means "no filter on this attribute". */
export interface MapFilters {
  stances: Stance[]
  buyingRoles: BuyingRole[]
  departments: string[]
  influences: Influence[]
}

export const NO_FILTERS: MapFilters = { stances: [], buyingRoles: [], departments: [], influences: [] }

export interface UiState {
  /** Which side-panel tab is showing. */
  panelId: string
  shortcutsOpen: boolean
  showDepartments: boolean
  filters: MapFilters
  /** Bumped to ask the search box to take focus. */
  searchFocusSeq: number
  setPanel(id: string): void
  setShortcutsOpen(open: boolean): void
  toggleDepartments(): void
  setFilters(filters: MapFilters): void
  requestSearchFocus(): void
}

export const useUiStore = create<UiState>()((set, get) => ({
  panelId: 'inspector',
  shortcutsOpen: false,
  showDepartments: false,
  filters: NO_FILTERS,
  searchFocusSeq: 0,
  setPanel: (panelId) => set({ panelId }),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  toggleDepartments: () => set({ showDepartments: !get().showDepartments }),
  setFilters: (filters) => set({ filters }),
  requestSearchFocus: () => set({ searchFocusSeq: get().searchFocusSeq + 1 }),
}))

export function hasFilters(f: MapFilters): boolean {
  return f.stances.length + f.buyingRoles.length + f.departments.length + f.influences.length > 0
}
