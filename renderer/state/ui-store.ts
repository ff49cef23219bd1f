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
  /** The deals list should open its new-deal form (menu File › New Deal). */
  newDealRequested: boolean
  setPanel(id: string): void
  setShortcutsOpen(open: boolean): void
  toggleDepartments(): void
  setFilters(filters: MapFilters): void
  requestSearchFocus(): void
  requestNewDeal(): void
  consumeNewDealRequest(): boolean
}

export const useUiStore = create<UiState>()((set, get) => ({
  panelId: 'inspector',
  shortcutsOpen: false,
  showDepartments: false,
  filters: NO_FILTERS,
  searchFocusSeq: 0,
  newDealRequested: false,
  setPanel: (panelId) => set({ panelId }),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  toggleDepartments: () => set({ showDepartments: !get().showDepartments }),
  setFilters: (filters) => set({ filters }),
  requestSearchFocus: () => set({ searchFocusSeq: get().searchFocusSeq + 1 }),
  requestNewDeal: () => set({ newDealRequested: true }),
  consumeNewDealRequest: () => {
    if (!get().newDealRequested) return false
    set({ newDealRequested: false })
    return true
  },
}))

export function hasFilters(f: MapFilters): boolean {
  return f.stances.length + f.buyingRoles.length + f.departments.length + f.influences.length > 0
}
