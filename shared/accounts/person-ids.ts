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

/**
 * Each person's own id made the smallest id they go by (docs/method.md, "One person, several
 * ids"), for an account file that says otherwise (written by hand, or by a merge before merges
 * kept the smaller id): a colleague's laptop keeps the smallest, and two laptops keeping
 * different ids of one person relink a shared deal's cards on every open. An alias that is
 * another person's own id stays theirs. Renames go into `renamed` (old id → new id); persons
 * are changed in place. Returns whether any was.
 */
export function settleOwnIds(persons: AccountPerson[], renamed: Map<string, string>): boolean {
  let owned: Set<string> | null = null
  let changed = false
  for (const p of persons) {
    if (!p.aliases?.some((a) => a < p.id)) continue
    owned ??= new Set(persons.map((q) => q.id))
    const own = owned
    const smaller = p.aliases.filter((a) => a < p.id && !own.has(a)).sort()[0]
    if (smaller === undefined) continue
    own.delete(p.id)
    own.add(smaller)
    renamed.set(p.id, smaller)
    p.aliases = [...p.aliases.filter((a) => a !== smaller), p.id]
    p.id = smaller
    changed = true
  }
  return changed
}

/** Where an id went after the renames in `renamed` (old id → new id; each rename goes to a smaller id, so chains end). */
export function renamedTo(renamed: ReadonlyMap<string, string>): (id: string) => string {
  return (id) => {
    let next = id
    while (renamed.has(next)) next = renamed.get(next)!
    return next
  }
}

/** The account's references to renamed persons (`renamed`: old id → new id), made right. */
export function renameReferences<T extends { managerId?: string }>(persons: T[], renamed: ReadonlyMap<string, string>): T[] {
  if (renamed.size === 0) return persons
  const to = renamedTo(renamed)
  return persons.map((p) => (p.managerId !== undefined && renamed.has(p.managerId) ? { ...p, managerId: to(p.managerId) } : p))
}
