import type { Deal } from './model/deal'
import type { Stakeholder } from './model/stakeholder'

/*
 * What main pushes to the page after a change of a shared deal (docs/collaboration-app.md,
 * "Who does what"). A colleague's edit of one person is the common case: main sends that
 * person, not the deal, so neither side serialises, copies or compares the other 999.
 */

/**
 * The people of `after` that are new objects since `before`, when nothing else changed (the
 * same people in the same order, every other field the same value or object); null when the
 * page needs the whole deal. The doc's projection keeps the object of every person, line and
 * field a change did not touch (shared/collab/projection.ts), so identity is the test.
 */
export function changedPeopleOnly(before: Deal, after: Deal): Stakeholder[] | null {
  const b = before as Record<string, unknown>
  const a = after as Record<string, unknown>
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return null
  for (const key of keys) if (key !== 'stakeholders' && a[key] !== b[key]) return null
  const was = before.stakeholders
  const now = after.stakeholders
  if (was.length !== now.length) return null
  const changed: Stakeholder[] = []
  for (let i = 0; i < now.length; i++) {
    if (was[i].id !== now[i].id) return null
    if (was[i] !== now[i]) changed.push(now[i])
  }
  return changed
}

/** The deal of the previous push with a `people` push's people swapped in: the doc's deal now. */
export function withPeople(base: Deal, people: readonly Stakeholder[]): Deal {
  const byId = new Map(people.map((p) => [p.id, p]))
  return { ...base, stakeholders: base.stakeholders.map((p) => byId.get(p.id) ?? p) }
}
