import type { Role, Seller, Stakeholder } from '../model'
import { SEAT_OF_ROLE, WINS_WITH } from '../method'
import type { Finding } from './findings'

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

/** Builders of the team findings: code, severity, ids, params and plain words. */
export const teamMessages = {
  unknownSeller(sellerId: string, role: Role): Finding {
    return {
      code: 'unknown-seller', severity: 'error', role, sellerIds: [sellerId],
      params: { sellerId, role, seat: SEAT_OF_ROLE[role] },
      message: `The ${SEAT_OF_ROLE[role]} seat names seller "${sellerId}", who is not in the roster.`,
      nextStep: `Add "${sellerId}" to the roster or take them off the seat.`,
    }
  },

  missingRole(role: Role, suggestedNames: readonly string[]): Finding {
    const seat = SEAT_OF_ROLE[role]
    const hint = suggestedNames.length > 0 ? `, for example ${list(suggestedNames.slice(0, 3))}` : ''
    return {
      code: 'missing-role', severity: 'error', role,
      params: { role, seat, winsWith: WINS_WITH[role], suggestedNames: [...suggestedNames] },
      message: `No one sits the ${seat} seat, so the team has no ${role} (the role that wins with ${WINS_WITH[role]}).`,
      nextStep: suggestedNames.length > 0
        ? `Seat a ${seat} seller who has mastered ${role}${hint}.`
        : `Find a ${seat} seller who has mastered ${role}; no one on the roster fits yet.`,
    }
  },

  noQualifiedSeat(seatCount: number): Finding {
    return {
      code: 'no-qualified-seat', severity: 'error', params: { count: seatCount },
      message: seatCount === 1
        ? 'The one seat on the team is held by a seller who has not mastered its role: nobody on the team can play the game yet.'
        : `None of the ${seatCount} seats is held by a seller who has mastered its role: nobody on the team can play the game yet.`,
      nextStep: 'Seat at least one seller who has mastered the role, so the others learn beside them.',
    }
  },

  unqualifiedSeat(seller: Seller, role: Role): Finding {
    return {
      code: 'unqualified-seat', severity: 'warning', role, sellerIds: [seller.id],
      params: { sellerName: seller.name, level: seller.level, role, seat: SEAT_OF_ROLE[role] },
      message: `${seller.name} (${seller.level}) sits the ${SEAT_OF_ROLE[role]} seat, but a ${seller.level} seller has not yet mastered ${role}: a stretch.`,
      nextStep: `Back ${seller.name} with a seller who has mastered ${role}, or seat one instead.`,
    }
  },

  seatKindMismatch(seller: Seller, role: Role): Finding {
    const seat = SEAT_OF_ROLE[role]
    return {
      code: 'seat-kind-mismatch', severity: 'info', role, sellerIds: [seller.id],
      params: { sellerName: seller.name, seat, kinds: [...seller.kinds], role },
      message: `${seller.name} is not a ${seat} seller by kind and is sitting in the ${seat} seat for this deal.`,
      nextStep: `Keep an experienced ${seat} seller close to ${seller.name} on this deal.`,
    }
  },

  multiSeat(sellerId: string, name: string, roles: readonly Role[]): Finding {
    return {
      code: 'multi-seat', severity: 'warning', sellerIds: [sellerId],
      params: { sellerName: name, roles: [...roles], count: roles.length },
      message: `${name} plays ${roles.length} roles (${list(roles)}): twin souls are allowed but hard to carry.`,
      nextStep: `Seat another seller in one of those roles so ${name} can focus.`,
    }
  },

  singlePoint(sellerId: string, name: string, roles: readonly Role[]): Finding {
    return {
      code: 'single-point', severity: 'warning', sellerIds: [sellerId],
      params: { sellerName: name, roles: [...roles], count: roles.length },
      message: `${name} alone holds ${list(roles)}; without them ${roles.length} roles would be uncovered.`,
      nextStep: `Add a second seller to ${list(roles)}.`,
    }
  },

  overloaded(sellerId: string, name: string, openDeals: number, limit: number): Finding {
    return {
      code: 'overloaded-seller', severity: 'warning', sellerIds: [sellerId],
      params: { sellerName: name, openDeals, limit },
      message: `${name} sits on ${openDeals} open deals, more than the limit of ${limit}.`,
      nextStep: `Hand one of ${name}'s seats to a seller with a lighter load.`,
    }
  },

  unownedKeyPlayer(s: Pick<Stakeholder, 'id' | 'name'>, reason: string): Finding {
    return {
      code: 'unowned-key-player', severity: 'warning', stakeholderIds: [s.id],
      params: { stakeholderName: s.name, reason },
      message: `${s.name} (${reason}) has no owner on our team.`,
      nextStep: `Give ${s.name} an owner, usually the account seller.`,
    }
  },
}
