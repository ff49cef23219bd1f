import { MAX_ALIASES, type AccountPerson } from './account-file'

/** Every id a person goes by, their own and their aliases, to the person (docs/method.md, "One person, several ids"). */
export function personsById<P extends AccountPerson>(persons: readonly P[]): Map<string, P> {
  const byId = new Map<string, P>()
  for (const p of persons) for (const alias of p.aliases ?? []) byId.set(alias, p)
  // A person's own id wins over another's alias of it.
  for (const p of persons) byId.set(p.id, p)
  return byId
}

/**
 * `person` also goes by `id`, an id this account did not know (a colleague's laptop named the
 * person first, docs/method.md, "One person, several ids"). Every laptop keeps the smaller of
 * the two as the person's id, so all laptops that learn of both settle on the same id and a
 * shared deal's cards are relinked at most once, never back and forth. Returns the id the
 * person had before, when it changed.
 */
export function alsoKnownAs(person: AccountPerson, id: string): string | null {
  if (id === person.id || (person.aliases ?? []).includes(id)) return null
  const before = person.id
  const [kept, other] = id < before ? [id, before] : [before, id]
  person.id = kept
  person.aliases = [...(person.aliases ?? []), other].slice(-MAX_ALIASES)
  return kept === before ? null : before
}

/** The account's references to renamed persons (`renamed`: old id → new id), made right. */
export function renameReferences<T extends { managerId?: string }>(persons: T[], renamed: ReadonlyMap<string, string>): T[] {
  if (renamed.size === 0) return persons
  return persons.map((p) => (p.managerId !== undefined && renamed.has(p.managerId) ? { ...p, managerId: renamed.get(p.managerId)! } : p))
}
