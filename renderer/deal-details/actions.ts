import type { AppAction } from '../app'
import { openDealDetails } from './deal-details-store'

export const dealDetailsActions: AppAction[] = [
  { id: 'deal.details', titleKey: 'dealDetails:action', group: 'edit', run: () => openDealDetails() },
]
