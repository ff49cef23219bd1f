import { mapSellerReferences } from '../model/references'
import type { Deal } from '../model'

/**
 * Rewrite every seller id a deal mentions (through the one walker of seller references);
 * two file sellers merged into one keep one seat per lane and one place among the owners.
 */
export function remapSellers(deal: Deal, map: (id: string) => string): Deal {
  const mapped = mapSellerReferences(deal, (id) => map(id))
  if (mapped === deal) return deal
  const seats = new Set<string>()
  const team = mapped.team.filter((t) => {
    const key = `${t.seat}:${t.sellerId}`
    if (seats.has(key)) return false
    seats.add(key)
    return true
  })
  const stakeholders = mapped.stakeholders.map((s) => {
    const owners = [...new Set(s.ownerIds)]
    return owners.length === s.ownerIds.length ? s : { ...s, ownerIds: owners }
  })
  return { ...mapped, team, stakeholders }
}
