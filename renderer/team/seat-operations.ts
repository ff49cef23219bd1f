import type { SellerKind } from '@shared/model'
import { useDealStore, type DispatchResult } from '../state/deal-store'

/**
 * The team edits as the panel runs them: each dispatches one shared command (the lead rule
 * and the limits live in shared/commands/team-commands.ts), one undo step each.
 */
const store = () => useDealStore.getState()

export const teamCommands = {
  seat: (sellerId: string, seat: SellerKind): DispatchResult => store().dispatch({ type: 'seat-seller', sellerId, seat }),
  /** Asking again for the lane's lead clears it. */
  toggleLead(sellerId: string, seat: SellerKind): DispatchResult {
    const current = store().deal?.team.find((t) => t.sellerId === sellerId && t.seat === seat)
    if (!current) return { ok: true }
    return store().dispatch({ type: 'set-lead', sellerId, seat, lead: !current.lead })
  },
  remove: (sellerId: string, seat: SellerKind): DispatchResult => store().dispatch({ type: 'unseat-seller', sellerId, seat }),
  addOwner: (stakeholderId: string, sellerId: string): DispatchResult => store().dispatch({ type: 'add-owner', stakeholderId, sellerId }),
}
