import { create } from 'zustand'

/** Which view of the deal's people fills the main area: the map or the table. */
export type PeopleView = 'map' | 'table'

export const usePeopleViewStore = create<{ view: PeopleView; setView(view: PeopleView): void }>()((set) => ({
  view: 'map',
  setView: (view) => set({ view }),
}))

