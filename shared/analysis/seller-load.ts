import { CLOSED_STAGES, type Deal } from '../model'

/**
 * How many open deals other than `deal` each seller sits on. A seller seated twice on one
 * deal counts once; closed deals (won, lost) and duplicates of `deal` itself are ignored.
 */
export function openDealLoad(deal: Pick<Deal, 'id'>, openDeals: readonly Pick<Deal, 'id' | 'stage' | 'team'>[]): Map<string, number> {
  const load = new Map<string, number>()
  const counted = new Set<string>([deal.id])
  for (const other of openDeals) {
    if (counted.has(other.id) || CLOSED_STAGES.includes(other.stage)) continue
    counted.add(other.id)
    for (const sellerId of new Set(other.team.map((t) => t.sellerId))) {
      load.set(sellerId, (load.get(sellerId) ?? 0) + 1)
    }
  }
  return load
}

export function isOpen(deal: Pick<Deal, 'stage'>): boolean {
  return !CLOSED_STAGES.includes(deal.stage)
}

/**
 * The one overload rule: a seller seated on more open deals than the workspace's limit
 * (settings.maxOpenDealsPerSeller) is overloaded. The team check, the team builder and the
 * seller profile all ask it here.
 */
export function isOverloaded(openDealsSat: number, maxOpenDealsPerSeller: number): boolean {
  return openDealsSat > maxOpenDealsPerSeller
}
