import type { DealCommand } from '@shared/commands'
import type { NextAction } from '@shared/model'
import { useDealStore, type DispatchResult } from '../state/deal-store'

/**
 * The relationship UI dispatches shared commands (set-element, log-contact, add-action…);
 * the rules of each edit live with the command in shared/commands/.
 */
export function edit(command: DealCommand): DispatchResult {
  return useDealStore.getState().dispatch(command)
}

export function isOverdue(action: Pick<NextAction, 'done' | 'due'>, today: string): boolean {
  return !action.done && !!action.due && action.due < today
}

