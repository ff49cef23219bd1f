import type { Deal, Stakeholder } from '../model'

/**
 * The seller ids one person names (owners, relationships, contacts, action owners): the
 * places `shared/model/references.ts` walks, read for one person so the projection and the
 * writer keep the roster up to date per edit instead of walking the whole deal.
 */
export function personSellerIds(p: Stakeholder): string[] {
  const ids: string[] = []
  for (const id of p.ownerIds ?? []) ids.push(id)
  for (const r of p.relationships ?? []) ids.push(r.sellerId)
  for (const c of p.contacts ?? []) ids.push(c.sellerId)
  for (const a of p.actions ?? []) if (a.ownerId !== undefined) ids.push(a.ownerId)
  return ids
}

export function teamSellerIds(team: Deal['team']): string[] {
  return team.map((t) => t.sellerId)
}
