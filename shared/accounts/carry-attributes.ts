import { LIMITS, type Contact, type Deal, type Relationship, type Stakeholder } from '../model'
import type { AccountFile, AccountPerson } from './account-file'
import { linkDealPeople, type LinkResult } from './link-people'
import { personsById } from './person-ids'

const contactKey = (c: Contact) => `${c.date}\u0000${c.channel}\u0000${c.sellerId}\u0000${c.note}`

/** Contacts of both, each once, newest first, capped as a card's contacts are. */
export function unionContacts(a: readonly Contact[], b: readonly Contact[]): Contact[] {
  const seen = new Map<string, Contact>()
  for (const c of [...a, ...b]) if (!seen.has(contactKey(c))) seen.set(contactKey(c), c)
  const all = [...seen.values()]
  if (all.length <= LIMITS.contactsPerStakeholder) return all
  return all.sort((x, y) => (x.date < y.date ? 1 : x.date > y.date ? -1 : 0)).slice(0, LIMITS.contactsPerStakeholder)
}

/** One relationship per seller: `newer`'s where both have one, the rest of `older` kept. */
export function mergeRelationships(older: readonly Relationship[], newer: readonly Relationship[]): Relationship[] {
  const sellers = new Set(newer.map((r) => r.sellerId))
  return [...newer, ...older.filter((r) => !sellers.has(r.sellerId))].slice(0, LIMITS.relationshipsPerStakeholder)
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * Each card's manager in this deal: the first reports-to line from it, as the card it points
 * to. Built once per record (a lookup per card walked every line: 800 people × 2,000 lines on
 * every autosave, docs/performance.md, "Save").
 */
function managerCards(deal: Pick<Deal, 'links'>): Map<string, string> {
  const managers = new Map<string, string>()
  for (const l of deal.links) if (l.kind === 'reports-to' && !managers.has(l.from)) managers.set(l.from, l.to)
  return managers
}

/**
 * A saved deal's person-scoped attributes written to its account (docs/method.md,
 * "Accounts"): newest wins per person by save time, so a deal saved with a clock behind the
 * person's last write does not roll them back; contacts are the union; relationships are
 * one per seller, this deal's where it has one. `changed` is false when the account already
 * says all of it (most autosaves), so the caller writes nothing.
 */
export function recordDealInAccount(accountBefore: AccountFile, deal: Pick<Deal, 'id' | 'stakeholders' | 'links'>, savedAt: string, makeId?: () => string): LinkResult & { changed: boolean } {
  const linked = linkDealPeople(accountBefore, deal, savedAt, makeId)
  const cards = new Map(deal.stakeholders.map((s) => [s.id, s]))
  const cardOfPerson = new Map<string, Stakeholder>()
  for (const [cardId, personId] of linked.personOf) if (!cardOfPerson.has(personId)) cardOfPerson.set(personId, cards.get(cardId)!)
  let changed = linked.linkedNew
  const managers = managerCards(deal)
  const persons = linked.account.persons.map((person): AccountPerson => {
    const card = cardOfPerson.get(person.id)
    if (!card || person.updatedAt > savedAt) return person
    const managerCard = managers.get(card.id)
    const managerId = (managerCard === undefined ? undefined : linked.personOf.get(managerCard)) ?? person.managerId
    const next: AccountPerson = {
      ...person,
      name: card.name, title: card.title, department: card.department,
      relationships: mergeRelationships(person.relationships, card.relationships),
      contacts: unionContacts(card.contacts, person.contacts),
    }
    if (card.email) next.email = card.email
    else delete next.email
    if (managerId && managerId !== person.id) next.managerId = managerId
    if (samePersonScoped(person, next)) return person
    changed = true
    return { ...next, updatedAt: savedAt }
  })
  if (!changed) return { ...linked, account: accountBefore, changed: false }
  return { ...linked, account: { ...linked.account, persons }, changed: true }
}

/**
 * Whether recording `next` into an account reads exactly what recording `prev` read: the same
 * deal, the same cards in the same order with the same person-scoped attributes (what
 * `linkDealPeople` and `recordDealInAccount` look at), and the same reports-to lines. A moved
 * card, a changed stance or note, leaves it true. Unchanged cards are the very objects main
 * validated before (docs/performance.md, "Save"), so most of them cost one comparison.
 */
export function recordsTheSame(prev: Pick<Deal, 'id' | 'stakeholders' | 'links'>, next: Pick<Deal, 'id' | 'stakeholders' | 'links'>): boolean {
  if (prev.id !== next.id || prev.stakeholders.length !== next.stakeholders.length) return false
  for (let i = 0; i < next.stakeholders.length; i++) {
    const a = prev.stakeholders[i]
    const b = next.stakeholders[i]
    if (a !== b && !sameCardForAccount(a, b)) return false
  }
  return prev.links === next.links || same(reportsTo(prev), reportsTo(next))
}

function sameCardForAccount(a: Stakeholder, b: Stakeholder): boolean {
  return a.id === b.id && a.placeholder === b.placeholder && a.personId === b.personId && a.name === b.name && a.email === b.email
    && a.title === b.title && a.department === b.department
    && (a.relationships === b.relationships || same(a.relationships, b.relationships)) && (a.contacts === b.contacts || same(a.contacts, b.contacts))
}

function reportsTo(deal: Pick<Deal, 'links'>): string[] {
  return deal.links.filter((l) => l.kind === 'reports-to').map((l) => `${l.from}\u0000${l.to}`)
}

function samePersonScoped(a: AccountPerson, b: AccountPerson): boolean {
  return a.name === b.name && a.title === b.title && a.department === b.department && a.email === b.email && a.managerId === b.managerId
    && (a.relationships === b.relationships || same(a.relationships, b.relationships)) && (a.contacts === b.contacts || same(a.contacts, b.contacts))
}

/** What one card takes from its account person when a deal opens (or a person is added). */
export interface CardUpdate {
  stakeholderId: string
  personId: string
  name: string
  /** null clears the card's email. */
  email: string | null
  title: string
  department: string
  relationships: Relationship[]
  contacts: Contact[]
}

/** The person-scoped attributes of `person` as they would land on `card` (the card's other relationships kept). */
export function updateFor(card: Stakeholder, person: AccountPerson, cardIsNewer = false): CardUpdate {
  // Newest save wins, on open as on save: a deal saved after the account last heard of this
  // person (a conflict copy, an import, a file written while accounts missed it) keeps its own
  // name, title and relationship scores, and only gains what it lacks (other sellers'
  // relationships, contacts logged elsewhere).
  const own = cardIsNewer ? { ...card, email: card.email ?? null } : { ...person, email: person.email ?? null }
  return {
    stakeholderId: card.id, personId: person.id, name: own.name, email: own.email, title: own.title, department: own.department,
    relationships: cardIsNewer ? mergeRelationships(person.relationships, card.relationships) : mergeRelationships(card.relationships, person.relationships),
    contacts: unionContacts(person.contacts, card.contacts),
  }
}

function differs(card: Stakeholder, u: CardUpdate): boolean {
  return card.personId !== u.personId || changesWhatUserSees(card, u)
}

function changesWhatUserSees(card: Stakeholder, u: CardUpdate): boolean {
  return card.name !== u.name || (card.email ?? null) !== u.email || card.title !== u.title
    || card.department !== u.department || !same(card.relationships, u.relationships) || !same(card.contacts, u.contacts)
}

/**
 * The updates that change something a user sees on the card (not only its link to the
 * account person, which a deal made before accounts gets on its first open): what the
 * "N people updated from the account" notice counts (docs/method.md, "Accounts").
 */
export function visibleUpdates(deal: Pick<Deal, 'stakeholders'>, updates: readonly CardUpdate[]): CardUpdate[] {
  const cards = new Map(deal.stakeholders.map((s) => [s.id, s]))
  return updates.filter((u) => {
    const card = cards.get(u.stakeholderId)
    return card !== undefined && changesWhatUserSees(card, u)
  })
}

/**
 * The cards of `deal` whose person-scoped attributes the account holds newer (docs/method.md,
 * "Accounts"): applied on open as one undoable command ("3 people updated from the account").
 * A card is matched by its personId or by the account's reference to it; a person whose name
 * the account lost (blank) never blanks a card.
 */
export function refreshFromAccount(deal: Pick<Deal, 'id' | 'stakeholders' | 'updatedAt'>, account: AccountFile): CardUpdate[] {
  const byId = personsById(account.persons)
  const byRef = new Map<string, AccountPerson>()
  for (const p of account.persons) for (const r of p.seenIn) if (r.dealId === deal.id) byRef.set(r.stakeholderId, p)
  const updates: CardUpdate[] = []
  for (const card of deal.stakeholders) {
    if (card.placeholder) continue
    const person = (card.personId ? byId.get(card.personId) : undefined) ?? byRef.get(card.id)
    if (!person || person.name.trim() === '') continue
    const u = updateFor(card, person, deal.updatedAt !== undefined && deal.updatedAt > person.updatedAt)
    if (differs(card, u)) updates.push(u)
  }
  return updates
}

/** Saves with no stamp (hand-written files) count as older than any stamped save. */
const EPOCH = '1970-01-01T00:00:00.000Z'

/**
 * The account as its deals describe it, starting from `account` (the stored file, or an empty
 * one on first use): every deal recorded oldest save first, so the newest save wins per
 * person. This is the migration (email links, name + title candidates) and it is idempotent.
 */
export function accountFromDeals(account: AccountFile, deals: readonly Deal[], makeId?: () => string): { account: AccountFile; byEmail: LinkResult['byEmail'] } {
  const ordered = [...deals].sort((a, b) => ((a.updatedAt ?? EPOCH) < (b.updatedAt ?? EPOCH) ? -1 : (a.updatedAt ?? EPOCH) > (b.updatedAt ?? EPOCH) ? 1 : a.id < b.id ? -1 : 1))
  let next = account
  const byEmail: LinkResult['byEmail'] = []
  for (const deal of ordered) {
    const r = recordDealInAccount(next, deal, deal.updatedAt ?? EPOCH, makeId)
    byEmail.push(...r.byEmail)
    next = r.changed ? r.account : next
  }
  return { account: next, byEmail }
}
