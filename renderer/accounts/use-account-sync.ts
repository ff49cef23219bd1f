import { useEffect } from 'react'
import { visibleUpdates } from '@shared/accounts'
import type { Notice } from '@shared/ipc'
import { api } from '../api'
import { useDealStore } from '../state/deal-store'
import { whenSharingKnown } from '../state/sharing-known'
import { useWorkspaceStore } from '../state/workspace-store'
import { afterNextPaint } from '../ui/after-paint'
import { useAccountStore } from './account-store'

/**
 * When a deal opens, its cards take their people's latest person-scoped attributes from the
 * account as ONE undoable command, and the user is told how many (docs/method.md,
 * "Accounts"). Main never rewrites the open deal; the command goes through the normal save.
 */
export async function syncOpenedDeal(dealId: string, options: { sharingKnown?: boolean } = {}): Promise<void> {
  const answer = await api.accountForDeal(dealId)
  if (!answer.ok || useDealStore.getState().deal?.id !== dealId) return
  const found = answer.value
  useAccountStore.getState().setOfDeal(found ? { ...found, dealId } : null)
  if (!found) return
  useWorkspaceStore.getState().addNotices(found.notices)
  if (found.updates.length === 0) return
  // A shared deal's update goes to the team's doc: the page must know it is shared first.
  if (!options.sharingKnown) await whenSharingKnown(dealId)
  const deal = useDealStore.getState().deal
  if (deal?.id !== dealId) return
  // Count before applying: a first open of a deal made before accounts only links its cards.
  const seen = visibleUpdates(deal, found.updates).length
  const result = useDealStore.getState().dispatch({ type: 'apply-account-attributes', updates: found.updates })
  if (!result.ok || seen === 0) return
  const notice: Notice = {
    level: 'info', code: 'account-refreshed', params: { customer: found.customer, count: seen },
    subject: { kind: 'account', customer: found.customer },
    message: `${seen} people updated from the account of ${found.customer}.`,
  }
  useWorkspaceStore.getState().addNotices([notice])
}

/** Mounted once by the app: follows which deal is open. */
export function useAccountSync(): void {
  const dealId = useDealStore((s) => s.deal?.id ?? null)
  useEffect(() => {
    if (dealId === null) {
      useAccountStore.getState().setOfDeal(null)
      return
    }
    // After the deal's first frame: the map does not wait for the account, and main's reading
    // of the deal and its account no longer shares the cores with the page drawing it.
    return afterNextPaint(() => void syncOpenedDeal(dealId))
  }, [dealId])
}
