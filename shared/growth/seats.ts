import { ROLES, STAGES, type Deal, type Role, type Stage } from '../model'
import { ROLE_OF_SEAT, masters } from '../method'
import type { Seller } from '../model'

/** A deal as the growth profile reads it: its facts, seats and people. */
export type HistoryDeal = Pick<Deal, 'id' | 'name' | 'customer' | 'stage' | 'team' | 'stakeholders'>

/** One seat a seller held or holds. */
export interface SeatHeld {
  dealId: string
  dealName: string
  customer: string
  stage: Stage
  lead: boolean
}

/** The seats a seller held in one role, and how those deals came out. */
export interface RoleRecord {
  seats: SeatHeld[]
  won: number
  lost: number
  /** Deals still open, counted by the stage they are at. */
  open: Partial<Record<Stage, number>>
}

/**
 * Every seat a seller held, past and open, grouped by the role (soul) the seat plays, with the
 * outcomes: won, lost, or still open at which stage. A deal where they sat two seats of one
 * role counts once for that role.
 */
export function seatsByRole(sellerId: string, deals: readonly HistoryDeal[]): Record<Role, RoleRecord> {
  const record = Object.fromEntries(ROLES.map((r) => [r, { seats: [], won: 0, lost: 0, open: {} } as RoleRecord])) as Record<Role, RoleRecord>
  for (const deal of deals) {
    const held = new Map<Role, boolean>()
    for (const seat of deal.team) {
      if (seat.sellerId !== sellerId) continue
      const role = ROLE_OF_SEAT[seat.seat]
      held.set(role, (held.get(role) ?? false) || seat.lead)
    }
    for (const [role, lead] of held) {
      const r = record[role]
      r.seats.push({ dealId: deal.id, dealName: deal.name, customer: deal.customer, stage: deal.stage, lead })
      if (deal.stage === 'won') r.won++
      else if (deal.stage === 'lost') r.lost++
      else r.open[deal.stage] = (r.open[deal.stage] ?? 0) + 1
    }
  }
  for (const role of ROLES) record[role].seats.sort((a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage) || a.dealName.localeCompare(b.dealName, 'en'))
  return record
}

/** One person holding seats of two or more roles in one deal (双生武魂): allowed, but hard. */
export interface TwinSouls {
  dealId: string
  dealName: string
  sellerId: string
  roles: Role[]
}

/** Every case of twin souls in `deals`, or only `sellerId`'s. */
export function twinSouls(deals: readonly Pick<HistoryDeal, 'id' | 'name' | 'team'>[], sellerId?: string): TwinSouls[] {
  const found: TwinSouls[] = []
  for (const deal of deals) {
    const bySeller = new Map<string, Set<Role>>()
    for (const seat of deal.team) {
      if (sellerId !== undefined && seat.sellerId !== sellerId) continue
      const roles = bySeller.get(seat.sellerId) ?? new Set<Role>()
      roles.add(ROLE_OF_SEAT[seat.seat])
      bySeller.set(seat.sellerId, roles)
    }
    for (const [id, roles] of bySeller) {
      if (roles.size >= 2) found.push({ dealId: deal.id, dealName: deal.name, sellerId: id, roles: ROLES.filter((r) => roles.has(r)) })
    }
  }
  return found
}

/** An open deal where the seller could learn their next soul beside a colleague who has mastered it. */
export interface LearningSeat {
  dealId: string
  dealName: string
  customer: string
  stage: Stage
  role: Role
  /** The qualified colleagues already sitting that role's seat. */
  colleagueIds: string[]
}

/**
 * "Learning on a team" (docs/method.md#levels-and-qualification): the open deals where
 * someone already sits `role`'s seat and has mastered it, and the seller does not sit that
 * role yet. A deal with no qualified holder is not a place to learn: it has a gap to fill.
 */
export function learningSeats(sellerId: string, role: Role, deals: readonly HistoryDeal[], roster: readonly Seller[]): LearningSeat[] {
  const level = new Map(roster.map((s) => [s.id, s.level]))
  const seats: LearningSeat[] = []
  for (const deal of deals) {
    if (deal.stage === 'won' || deal.stage === 'lost') continue
    const ofRole = deal.team.filter((t) => ROLE_OF_SEAT[t.seat] === role)
    if (ofRole.some((t) => t.sellerId === sellerId)) continue
    const colleagueIds = [...new Set(ofRole.map((t) => t.sellerId))].filter((id) => {
      const l = level.get(id)
      return id !== sellerId && l !== undefined && masters(l, role)
    })
    if (colleagueIds.length > 0) seats.push({ dealId: deal.id, dealName: deal.name, customer: deal.customer, stage: deal.stage, role, colleagueIds })
  }
  return seats.sort((a, b) => a.dealName.localeCompare(b.dealName, 'en') || (a.dealId < b.dealId ? -1 : 1))
}
