import { Id, LIMITS, SELLER_KINDS, type Deal, type SellerKind, type TeamSeat } from '../model'
import { checkRoom, checkValue } from './checks'
import { CommandError, type CommandDefinition, type CommandOf } from './types'

/**
 * The team's seats and the lead rule: each lane (seat kind) has at most one lead, and the
 * first seller seated in a lane with no lead becomes its lead, so a lane is never led by
 * nobody just because nobody thought to say so. Removing the lead leaves the lane without
 * one until the user picks the next (the app does not guess who leads).
 */

function checkSeat(seat: SellerKind): void {
  if (!(SELLER_KINDS as readonly string[]).includes(seat)) throw new CommandError('invalid-value', `"${String(seat)}" is not a seat`)
}

function findSeat(team: readonly TeamSeat[], sellerId: string, seat: SellerKind): number {
  return team.findIndex((t) => t.sellerId === sellerId && t.seat === seat)
}

/** Seat a seller in a lane; seated there already changes nothing. */
export const seatSeller: CommandDefinition<CommandOf<'seat-seller'>> = {
  undo: { capture: 'step' },
  apply(deal, cmd) {
    checkValue(Id, cmd.sellerId, 'seller')
    checkSeat(cmd.seat)
    if (findSeat(deal.team, cmd.sellerId, cmd.seat) >= 0) return deal
    checkRoom(deal.team.length, LIMITS.team, 'The team')
    const laneHasLead = deal.team.some((t) => t.seat === cmd.seat && t.lead)
    return { ...deal, team: [...deal.team, { sellerId: cmd.sellerId, seat: cmd.seat, lead: !laneHasLead }] }
  },
}

export const unseatSeller: CommandDefinition<CommandOf<'unseat-seller'>> = {
  undo: { capture: 'step' },
  apply(deal, cmd) {
    const index = findSeat(deal.team, cmd.sellerId, cmd.seat)
    if (index < 0) throw new CommandError('unknown-seat', 'This seller no longer sits in this seat')
    return { ...deal, team: deal.team.filter((_, i) => i !== index) }
  },
}

/** Make one seat the lead of its lane (the lane's other lead steps down), or clear its lead. */
export const setLead: CommandDefinition<CommandOf<'set-lead'>> = {
  undo: { capture: 'step' },
  apply(deal, cmd): Deal {
    const index = findSeat(deal.team, cmd.sellerId, cmd.seat)
    if (index < 0) throw new CommandError('unknown-seat', 'This seller no longer sits in this seat')
    if (typeof cmd.lead !== 'boolean') throw new CommandError('invalid-value', 'lead is true or false')
    let changed = false
    const team = deal.team.map((t, i) => {
      if (t.seat !== cmd.seat) return t
      const lead = i === index ? cmd.lead : cmd.lead ? false : t.lead
      if (lead === t.lead) return t
      changed = true
      return { ...t, lead }
    })
    return changed ? { ...deal, team } : deal
  },
}
