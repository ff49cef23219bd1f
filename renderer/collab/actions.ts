import type { AppAction } from '../app'
import { useCollabStore } from './collab-store'

export const collabActions: AppAction[] = [
  { id: 'collab.share', titleKey: 'collab:share.action', group: 'edit', run: () => useCollabStore.getState().openDialog('share') },
  { id: 'collab.join', titleKey: 'collab:join.action', group: 'edit', needsDeal: false, run: () => useCollabStore.getState().openDialog('join') },
]
