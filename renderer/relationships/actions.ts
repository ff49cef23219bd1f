import type { AppAction } from '../app'
import { requestContactLog } from './contact-request'

export const relationshipActions: AppAction[] = [
  {
    id: 'relationships.log-contact', titleKey: 'relationships:contacts.log', shortcut: ['l'], group: 'map',
    isEnabled: (c) => c.deal.selection.length === 1,
    run: (c) => requestContactLog(c.deal.selection[0]),
  },
]
