import { newId, newStakeholder, type Deal, type Link, type Position, type Stakeholder } from '../model'
import type { AccountPerson } from './account-file'

/** The account persons not on `deal`'s map yet (by personId, one of their aliases, or the account's reference to a card). */
export function personsNotOnDeal(persons: readonly AccountPerson[], deal: Pick<Deal, 'id' | 'stakeholders'>): AccountPerson[] {
  const onMap = new Set(deal.stakeholders.map((s) => s.personId).filter((p): p is string => !!p))
  const cards = new Set(deal.stakeholders.map((s) => s.id))
  // A card may name the person by an alias (docs/method.md, "One person, several ids"): a colleague's card not yet saved here.
  return persons.filter((p) => p.name.trim() !== '' && !onMap.has(p.id) && !(p.aliases ?? []).some((a) => onMap.has(a))
    && !p.seenIn.some((r) => r.dealId === deal.id && cards.has(r.stakeholderId)))
}

/**
 * The card on `deal` that is `person`'s manager: it names the manager by their id or one of
 * their aliases (a colleague's card not relinked yet, docs/method.md, "One person, several
 * ids"). `persons` is the account's, to know the manager's aliases.
 */
export function managerCardOf(person: AccountPerson, deal: Pick<Deal, 'stakeholders'>, persons: readonly AccountPerson[] = []): Stakeholder | undefined {
  if (!person.managerId) return undefined
  const ids = new Set([person.managerId, ...(persons.find((p) => p.id === person.managerId)?.aliases ?? [])])
  return deal.stakeholders.find((s) => s.personId !== undefined && ids.has(s.personId))
}

/**
 * A card for an account person joining this deal ("Add from account…", docs/method.md,
 * "Accounts"): the person-scoped attributes come from the account (with the relationships
 * our sellers built in other deals), the deal-scoped ones start fresh (role and stance
 * unknown). When their manager is on this map, the reports-to line comes too.
 */
export function cardForPerson(person: AccountPerson, deal: Pick<Deal, 'stakeholders'>, position: Position, today: string, persons?: readonly AccountPerson[]): { stakeholder: Stakeholder; links: Link[] } {
  const stakeholder = newStakeholder({
    name: person.name, title: person.title, department: person.department, personId: person.id, position, addedOn: today,
    relationships: person.relationships, contacts: person.contacts, ...(person.email ? { email: person.email } : {}),
  })
  const manager = managerCardOf(person, deal, persons)
  const links: Link[] = manager ? [{ id: newId(), from: stakeholder.id, to: manager.id, kind: 'reports-to' }] : []
  return { stakeholder, links }
}
