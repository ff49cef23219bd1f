import { LIMITS, type SellerKind, type Stakeholder, type TeamSeat } from '@shared/model'
import { useDealStore, type DispatchResult } from '../state/deal-store'

/**
 * Pure edits of a deal's team (the seats) and of a stakeholder's owners. Each returns the
 * same array when nothing changes, so callers can skip a no-op command (and an undo step).
 */

/** Seat a seller in a lane; the first person in an empty lane becomes its lead. */
export function seatSeller(team: readonly TeamSeat[], sellerId: string, seat: SellerKind): readonly TeamSeat[] {
  if (team.some((t) => t.sellerId === sellerId && t.seat === seat)) return team
  if (team.length >= LIMITS.team) return team
  const laneHasLead = team.some((t) => t.seat === seat && t.lead)
  return [...team, { sellerId, seat, lead: !laneHasLead }]
}

/** Make one seat the lead of its lane (one lead per lane); asking again for the lead clears it. */
export function toggleLead(team: readonly TeamSeat[], sellerId: string, seat: SellerKind): readonly TeamSeat[] {
  const target = team.find((t) => t.sellerId === sellerId && t.seat === seat)
  if (!target) return team
  const makeLead = !target.lead
  return team.map((t) => {
    if (t.seat !== seat) return t
    const lead = t.sellerId === sellerId ? makeLead : makeLead ? false : t.lead
    return lead === t.lead ? t : { ...t, lead }
  })
}

export function removeSeat(team: readonly TeamSeat[], sellerId: string, seat: SellerKind): readonly TeamSeat[] {
  const next = team.filter((t) => !(t.sellerId === sellerId && t.seat === seat))
  return next.length === team.length ? team : next
}

/** Add a seller to a stakeholder's owners (no duplicates, within the model's limit). */
export function withOwner(ownerIds: readonly string[], sellerId: string): readonly string[] {
  if (ownerIds.includes(sellerId) || ownerIds.length >= LIMITS.team) return ownerIds
  return [...ownerIds, sellerId]
}

function commitTeam(next: readonly TeamSeat[]): DispatchResult {
  const store = useDealStore.getState()
  if (!store.deal || next === store.deal.team) return { ok: true }
  return store.dispatch({ type: 'update-deal', patch: { team: [...next] } })
}

/** The team edits as the panel runs them: one command, one undo step each. */
export const teamCommands = {
  seat: (sellerId: string, seat: SellerKind) => commitTeam(seatSeller(useDealStore.getState().deal?.team ?? [], sellerId, seat)),
  toggleLead: (sellerId: string, seat: SellerKind) => commitTeam(toggleLead(useDealStore.getState().deal?.team ?? [], sellerId, seat)),
  remove: (sellerId: string, seat: SellerKind) => commitTeam(removeSeat(useDealStore.getState().deal?.team ?? [], sellerId, seat)),
  addOwner(stakeholderId: string, sellerId: string): DispatchResult {
    const store = useDealStore.getState()
    const person: Stakeholder | undefined = store.deal?.stakeholders.find((s) => s.id === stakeholderId)
    if (!person) return { ok: true }
    const ownerIds = withOwner(person.ownerIds, sellerId)
    if (ownerIds === person.ownerIds) return { ok: true }
    return store.dispatch({ type: 'update-stakeholder', id: stakeholderId, patch: { ownerIds: [...ownerIds] } })
  },
}
