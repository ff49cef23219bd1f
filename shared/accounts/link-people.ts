import { newId, type Deal, type Stakeholder } from '../model'
import type { AccountFile, AccountPerson, LinkCandidate } from './account-file'
import { normaliseEmail, normaliseWords } from './account-name'
import { alsoKnownAs, personsById, renamedTo, renameReferences, settleOwnIds } from './person-ids'

/** A card linked to an account person because both carry the same email. */
export interface EmailLink {
  personId: string
  name: string
  dealId: string
  stakeholderId: string
}

export interface LinkResult {
  account: AccountFile
  /** Whether linking added a person, a reference or a candidate (else `account` is the one given). */
  linkedNew: boolean
  /** Cards joined to a person of another deal by email (told to the user in a notice). */
  byEmail: EmailLink[]
  /** Cards of this deal and the person each is. */
  personOf: Map<string, string>
}

/** Two persons are candidates when name and title match after folding (and both have a name). */
function nameTitleKey(p: Pick<AccountPerson, 'name' | 'title'>): string | null {
  const name = normaliseWords(p.name)
  return name === '' ? null : `${name}\u0000${normaliseWords(p.title)}`
}

export function personFromCard(card: Stakeholder, id: string, dealId: string, at: string): AccountPerson {
  return {
    id, name: card.name, ...(card.email ? { email: card.email } : {}), title: card.title, department: card.department,
    relationships: card.relationships, contacts: card.contacts, updatedAt: at, seenIn: [{ dealId, stakeholderId: card.id }],
  }
}

/**
 * Join every named card of `deal` to an account person (docs/method.md, "Accounts"): the
 * person the card names (`personId`), else the person it was joined to before, else a person
 * of another deal with the same email (auto-linked, reported), else a new person, proposed as
 * a candidate beside every person with the same name and title (one match: confirm or
 * reject; two or more: ambiguous). Nothing is merged on name and title alone. Idempotent:
 * a card joined once is found again by its reference and proposes nothing new.
 * Placeholder seats (no name yet) are not people and stay out of the account.
 */
export function linkDealPeople(account: AccountFile, deal: Pick<Deal, 'id' | 'stakeholders'>, at: string, makeId: () => string = newId): LinkResult {
  const persons = account.persons.map((p) => ({ ...p, seenIn: [...p.seenIn] }))
  /** Old id → new id, for persons that took a smaller id while linking (person-ids.ts). */
  const renamed = new Map<string, string>()
  let linkedNew = settleOwnIds(persons, renamed)
  const byId = personsById(persons)
  let candidates: LinkCandidate[] = [...account.candidates]
  const byEmail: EmailLink[] = []
  const personOf = new Map<string, string>()
  const usedInDeal = new Set<string>()

  const refIndex = new Map<string, AccountPerson>()
  for (const p of persons) for (const r of p.seenIn) if (r.dealId === deal.id) refIndex.set(r.stakeholderId, p)
  const emailIndex = new Map<string, AccountPerson>()
  for (const p of persons) {
    const e = normaliseEmail(p.email)
    if (e !== '' && !emailIndex.has(e)) emailIndex.set(e, p)
  }
  const join = (person: AccountPerson, card: Stakeholder) => {
    // The card names this person by an id this account did not know: a colleague's, in a shared deal.
    if (card.personId && !byId.has(card.personId)) {
      const before = alsoKnownAs(person, card.personId)
      if (before !== null) renamed.set(before, person.id)
      byId.set(card.personId, person)
      linkedNew = true
    }
    const held = refIndex.get(card.id)
    if (held !== person) {
      // A card is one person: the one it names now, not also the one it was joined to before.
      if (held) held.seenIn = held.seenIn.filter((r) => r.dealId !== deal.id || r.stakeholderId !== card.id)
      person.seenIn.push({ dealId: deal.id, stakeholderId: card.id })
      refIndex.set(card.id, person)
      linkedNew = true
    }
    personOf.set(card.id, person.id)
    usedInDeal.add(person.id)
  }

  for (const card of deal.stakeholders) {
    if (card.placeholder || card.name.trim() === '') continue
    const named = card.personId ? byId.get(card.personId) : undefined
    // A second card of the same person in this deal (two ids of one person, docs/method.md,
    // "One person, several ids") stays with the person it was joined to: a new person on every
    // link grew the account by one on every save.
    const before = named && !usedInDeal.has(named.id) ? named : (refIndex.get(card.id) ?? named)
    if (before && !usedInDeal.has(before.id)) {
      join(before, card)
      continue
    }
    const email = normaliseEmail(card.email)
    const sameEmail = email === '' ? undefined : emailIndex.get(email)
    if (sameEmail && !usedInDeal.has(sameEmail.id)) {
      join(sameEmail, card)
      byEmail.push({ personId: sameEmail.id, name: card.name, dealId: deal.id, stakeholderId: card.id })
      continue
    }
    // A card naming a person the account does not know keeps its id (a deal shared from a colleague's account).
    const id = card.personId && !byId.has(card.personId) ? card.personId : makeId()
    const person = personFromCard(card, id, deal.id, at)
    person.seenIn = []
    persons.push(person)
    byId.set(id, person)
    if (email !== '') emailIndex.set(email, person)
    join(person, card)
  }

  // The candidates and what this answers name persons by their ids now, before the candidates
  // are looked for: a renamed person's rejected pair is still that pair.
  if (renamed.size > 0) {
    const to = renamedTo(renamed)
    candidates = candidates.map((c) => (renamed.has(c.personId) || c.matchIds.some((m) => renamed.has(m)) ? { ...c, personId: to(c.personId), matchIds: c.matchIds.map(to) } : c))
    for (const [cardId, personId] of personOf) personOf.set(cardId, to(personId))
    for (const link of byEmail) link.personId = to(link.personId)
  }

  // Candidates are looked for on every save, not only when a person is new: a card typed in a
  // meeting is saved with its name before its title, so "Daniel Okafor" becomes a person of
  // this deal alone first and only matches the account's Daniel Okafor (CIO) once the title is
  // typed. A person known only from this deal, with no candidate yet, is checked with what
  // its card says now.
  const alone = deal.stakeholders.flatMap((card) => {
    const person = byId.get(personOf.get(card.id) ?? '')
    if (!person || !person.seenIn.every((r) => r.dealId === deal.id)) return []
    if (candidates.some((c) => c.personId === person.id || c.matchIds.includes(person.id))) return []
    return [{ person, key: nameTitleKey(card) }]
  })
  if (alone.some((a) => a.key !== null)) {
    const byKey = new Map<string, AccountPerson[]>()
    for (const p of persons) {
      const key = nameTitleKey(p)
      if (key !== null && !usedInDeal.has(p.id)) byKey.set(key, [...(byKey.get(key) ?? []), p])
    }
    for (const { person, key } of alone) {
      const matches = key === null ? [] : (byKey.get(key) ?? []).filter((p) => !p.seenIn.some((r) => r.dealId === deal.id))
      if (matches.length > 0) candidates.push({ personId: person.id, matchIds: matches.map((m) => m.id), status: 'open' })
    }
  }
  if (!linkedNew && candidates.length === account.candidates.length) return { account, linkedNew: false, byEmail, personOf }
  return { account: { ...account, persons: renameReferences(persons, renamed), candidates }, linkedNew: true, byEmail, personOf }
}
