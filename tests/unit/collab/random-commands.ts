import type { DealCommand } from '@shared/commands'
import {
  BUYING_ROLES, CONTACT_CHANNELS, ELEMENTS, INFLUENCES, LINK_KINDS, MODES, SELLER_KINDS, STAGES, STANCES, VALUE_KINDS,
  newStakeholder, type DealFile, type Seller,
} from '@shared/model'

/** A random number 0 ≤ n < bound, from the caller's generator (a seeded PRNG driven by fast-check). */
export type Pick = (bound: number) => number

const one = <T>(pick: Pick, list: readonly T[]): T => list[pick(list.length)]
const day = (pick: Pick) => `2026-${String(1 + pick(12)).padStart(2, '0')}-${String(1 + pick(28)).padStart(2, '0')}`
/** A few shared addresses, so two clients add "the same person" now and then. */
const EMAILS = ['li.wei@bank.example', 'ravi@bank.example', 'anna@bank.example']

/**
 * One command of the real command set that fits the deal as this client sees it now (it may
 * still be refused, e.g. a duplicate line: a refused command writes nothing). Used by the
 * in-memory property test and by the server's, so both exercise the same mix.
 */
export function randomCommand(file: DealFile, sellers: readonly Seller[], pick: Pick, newId: () => string): DealCommand {
  const { deal } = file
  const people = deal.stakeholders
  const person = () => one(pick, people)
  const seller = () => one(pick, sellers).id
  const kind = pick(people.length < 4 ? 3 : 28)
  if (people.length === 0 || kind < 2) {
    const id = newId()
    const email = pick(3) === 0 ? one(pick, EMAILS) : undefined
    const added = newStakeholder({ id, name: `P ${id}`, position: { x: pick(2000), y: pick(2000) }, ...(email ? { email } : {}) })
    const link = people.length > 0 && pick(2) === 0 ? [{ id: newId(), from: id, to: person().id, kind: 'reports-to' as const }] : undefined
    return { type: 'add-stakeholders', stakeholders: [added], ...(link ? { links: link } : {}) }
  }
  const p = person()
  const rel = p.relationships.length > 0 ? one(pick, p.relationships) : undefined
  const action = p.actions && p.actions.length > 0 ? one(pick, p.actions) : undefined
  const link = deal.links.length > 0 ? one(pick, deal.links) : undefined
  switch (kind) {
    case 2: return { type: 'set-field', stakeholderId: p.id, field: 'title', value: `T${pick(50)}` }
    case 3: return { type: 'set-field', stakeholderId: p.id, field: 'stance', value: one(pick, STANCES) }
    case 4: return { type: 'set-field', stakeholderId: p.id, field: 'notes', value: `note ${pick(1000)}` }
    case 5: return { type: 'set-field', stakeholderId: p.id, field: one(pick, ['innerCircle'] as const), value: pick(2) === 0 }
    case 6: return { type: 'set-field', stakeholderId: p.id, field: 'buyingRole', value: one(pick, BUYING_ROLES) }
    case 7: return pick(2) === 0 ? { type: 'set-field', stakeholderId: p.id, field: 'mode', value: one(pick, [...MODES, null]) } : { type: 'set-field', stakeholderId: p.id, field: 'influence', value: one(pick, INFLUENCES) }
    case 8: return { type: 'remove-stakeholders', ids: [p.id] }
    case 9: return { type: 'move-stakeholders', moves: [{ id: p.id, position: { x: pick(3000), y: pick(3000) } }] }
    case 10: return { type: 'add-link', link: { id: newId(), from: p.id, to: person().id, kind: one(pick, LINK_KINDS) } }
    case 11: return link ? { type: 'update-link', id: link.id, kind: one(pick, LINK_KINDS), reverse: pick(2) === 0 } : { type: 'add-owner', stakeholderId: p.id, sellerId: seller() }
    case 12: return link ? { type: 'remove-links', ids: [link.id] } : { type: 'add-owner', stakeholderId: p.id, sellerId: seller() }
    case 13: return link ? { type: 'set-link-label', id: link.id, label: pick(3) === 0 ? '' : `label ${pick(9)}` } : { type: 'add-owner', stakeholderId: p.id, sellerId: seller() }
    case 14: return { type: 'add-owner', stakeholderId: p.id, sellerId: seller() }
    case 15: return p.ownerIds.length > 0 ? { type: 'remove-owner', stakeholderId: p.id, sellerId: one(pick, p.ownerIds) } : { type: 'add-owner', stakeholderId: p.id, sellerId: seller() }
    case 16: return { type: 'set-element', stakeholderId: p.id, sellerId: seller(), element: one(pick, ELEMENTS), score: pick(6) }
    case 17: return rel ? { type: 'remove-relationship', stakeholderId: p.id, sellerId: rel.sellerId } : { type: 'add-relationship', stakeholderId: p.id, sellerId: seller() }
    case 18: return rel ? { type: 'raise-depth', stakeholderId: p.id, sellerId: rel.sellerId, depth: pick(6) } : { type: 'add-relationship', stakeholderId: p.id, sellerId: seller() }
    case 19: return rel ? { type: 'set-relationship-field', stakeholderId: p.id, sellerId: rel.sellerId, field: 'valueKind', value: one(pick, [...VALUE_KINDS, null]) } : { type: 'add-relationship', stakeholderId: p.id, sellerId: seller() }
    case 20: return { type: 'log-contact', stakeholderId: p.id, contact: { date: day(pick), channel: one(pick, CONTACT_CHANNELS), sellerId: seller(), note: `c${pick(100)}` } }
    case 21: return p.contacts.length > 0 ? { type: 'remove-contact', stakeholderId: p.id, contact: one(pick, p.contacts) } : { type: 'log-contact', stakeholderId: p.id, contact: { date: day(pick), channel: 'call', sellerId: seller(), note: '' } }
    case 22: return { type: 'add-action', stakeholderId: p.id, action: { id: newId(), what: `do ${pick(100)}`, done: false, ...(pick(2) === 0 ? { ownerId: seller() } : {}) } }
    case 23: return action ? { type: 'set-action-field', stakeholderId: p.id, actionId: action.id, field: 'done', value: !action.done } : { type: 'add-action', stakeholderId: p.id, action: { id: newId(), what: 'x', done: false } }
    case 24: return action ? (pick(2) === 0 ? { type: 'remove-action', stakeholderId: p.id, actionId: action.id } : { type: 'set-action-field', stakeholderId: p.id, actionId: action.id, field: 'what', value: `w${pick(9)}` }) : { type: 'add-owner', stakeholderId: p.id, sellerId: seller() }
    case 25: {
      const seat = deal.team.length > 0 && pick(2) === 0 ? one(pick, deal.team) : undefined
      if (!seat) return { type: 'seat-seller', sellerId: seller(), seat: one(pick, SELLER_KINDS) }
      return pick(2) === 0 ? { type: 'unseat-seller', sellerId: seat.sellerId, seat: seat.seat } : { type: 'set-lead', sellerId: seat.sellerId, seat: seat.seat, lead: pick(2) === 0 }
    }
    case 26: return pick(2) === 0 ? { type: 'set-deal-facts', patch: { stage: one(pick, STAGES) } } : { type: 'set-deal-facts', patch: { name: `Deal ${pick(20)}`, amount: { value: pick(1e6), currency: 'EUR' } } }
    default: {
      const other = person()
      if (other.id !== p.id && pick(2) === 0) return { type: 'merge-people', keepId: p.id, mergeId: other.id }
      return { type: 'set-field', stakeholderId: p.id, field: 'name', value: `N${pick(99)}` }
    }
  }
}

/** A small seeded PRNG (mulberry32): fast-check chooses the seed, so a failure replays. */
export function prng(seed: number): Pick {
  let a = seed >>> 0
  return (bound) => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * bound)
  }
}
