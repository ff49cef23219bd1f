import type { AppAction } from '../app'
import { useAccountStore } from './account-store'

export const accountActions: AppAction[] = [
  {
    id: 'account.view', titleKey: 'accounts:action', group: 'view',
    isEnabled: (c) => (c.deal.deal?.customer.trim() ?? '') !== '',
    run: (c) => { if (c.deal.deal) void useAccountStore.getState().openView(c.deal.deal.customer) },
  },
  { id: 'account.add-person', titleKey: 'accounts:actionAdd', group: 'map', run: () => useAccountStore.getState().setAddOpen(true) },
]
