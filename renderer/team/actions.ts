import type { AppAction } from '../app'
import { openRoster } from '../roster'
import { useCoverageStore } from './coverage-store'

export const teamActions: AppAction[] = [
  { id: 'team.panel', titleKey: 'team:actions.openTeam', shortcut: ['shift+t'], group: 'view', run: (c) => c.ui.setPanel('team') },
  { id: 'team.coverage', titleKey: 'team:actions.toggleCoverage', shortcut: ['shift+c'], group: 'view', run: () => useCoverageStore.getState().toggle() },
  { id: 'roster.open', titleKey: 'team:actions.openRoster', group: 'view', needsDeal: false, run: () => openRoster() },
]
