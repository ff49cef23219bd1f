import type { Seller, Stakeholder, TeamSeat } from '@shared/model'

/**
 * Who a new contact is logged for, before the user picks: the person's owner, else the seller
 * who already has a relationship with them, else the deal team's lead (the account seat's
 * first) — always someone on this deal. With no one to go by the choice is left empty, so a
 * contact is never put on an unrelated seller of the roster.
 */
export function defaultContactSeller(stakeholder: Pick<Stakeholder, 'ownerIds' | 'relationships'>, team: readonly TeamSeat[], sellers: readonly Pick<Seller, 'id'>[]): string {
  const active = new Set(sellers.map((s) => s.id))
  const onTeam = new Set(team.map((t) => t.sellerId).filter((id) => active.has(id)))
  const owner = stakeholder.ownerIds.filter((id) => active.has(id))
  const related = stakeholder.relationships.map((r) => r.sellerId).filter((id) => active.has(id))
  const lead = [...team].sort((a, b) => rank(a) - rank(b)).map((t) => t.sellerId).find((id) => onTeam.has(id))
  return owner.find((id) => onTeam.has(id)) ?? owner[0] ?? related.find((id) => onTeam.has(id)) ?? lead ?? ''
}

const rank = (t: TeamSeat) => (t.lead ? 0 : 2) + (t.seat === 'account' ? 0 : 1)

/** The deal team's sellers first (those a contact is usually for), then the rest of the roster. */
export function sellersForContact<S extends Pick<Seller, 'id'>>(sellers: readonly S[], team: readonly TeamSeat[]): { team: S[]; others: S[] } {
  const onTeam = new Set(team.map((t) => t.sellerId))
  return { team: sellers.filter((s) => onTeam.has(s.id)), others: sellers.filter((s) => !onTeam.has(s.id)) }
}
