import type { AppAction } from '../app'

export const snapshotActions: AppAction[] = [
  { id: 'deal.snapshots', titleKey: 'snapshots:action', group: 'view', run: (c) => c.ui.setPanel('snapshots') },
]
