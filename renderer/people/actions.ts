import type { AppAction } from '../app'
import { usePeopleViewStore } from './view-store'

export const peopleActions: AppAction[] = [
  { id: 'view.people', titleKey: 'people:action', shortcut: ['mod+shift+p'], group: 'view', run: () => usePeopleViewStore.getState().setView('table') },
  { id: 'view.map', titleKey: 'people:actionMap', group: 'view', run: () => usePeopleViewStore.getState().setView('map') },
]
