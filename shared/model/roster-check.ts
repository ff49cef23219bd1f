import type { DealFile } from './deal-file'
import { fileReferenceIssues, sellerReferences } from './references'

/**
 * What a deal file's roster check (`fileReferenceIssues`) found last time for one deal: the
 * roster's ids (unique then) and the validated, frozen stakeholders whose seller mentions all
 * resolved in it. A person's mentions depend on its value alone, so while the roster's ids
 * are the same, only people not seen before need their mentions looked up again.
 */
export interface RosterCheck {
  key: string
  ids: Set<string>
  resolved: WeakSet<object>
  /** The people of the file checked last, in order: a position holding the same object needs no look (by-position.ts). */
  people: readonly object[]
}

/**
 * True when every seller the file mentions is in its roster and the roster's ids are unique,
 * as `fileReferenceIssues(file)` would find. `file.deal.stakeholders` must be validated,
 * frozen objects (the incremental validator's output). Returns the check to keep next time.
 */
export function rosterResolves(file: DealFile, previous: RosterCheck | undefined): RosterCheck | null {
  const ids = file.roster.map((s) => s.id)
  const key = JSON.stringify(ids)
  if (!previous || previous.key !== key) {
    if (fileReferenceIssues(file).length > 0) return null
    return { key, ids: new Set(ids), resolved: new WeakSet(file.deal.stakeholders), people: file.deal.stakeholders }
  }
  for (const seat of file.deal.team) if (!previous.ids.has(seat.sellerId)) return null
  const people = file.deal.stakeholders
  const last = previous.people.length === people.length ? previous.people : null
  for (let i = 0; i < people.length; i++) {
    const person = people[i]
    if (person === last?.[i] || previous.resolved.has(person)) continue
    for (const ref of sellerReferences({ stakeholders: [person] })) if (!previous.ids.has(ref.sellerId)) return null
    previous.resolved.add(person)
  }
  previous.people = people
  return previous
}
