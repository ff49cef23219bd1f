import * as Y from 'yjs'
import type { Contact, NextAction, Relationship, Stakeholder } from '../model'
import { jsonEqual } from './equal'
import { maxOrder, wasDeleted } from './read'
import { ORDER_KEY, PERSON_LISTS, PERSON_LIST_KEYS, type DealRoots } from './schema'

/**
 * A person written field by field. Every stakeholder key that is not one of the four lists
 * is a plain value, whatever its name: a field added to the stakeholder later syncs with no
 * change here (contract, "Root types").
 */

/** One next action as its Y.Map (its fields as plain values, so `done` toggles in place). */
export function actionMap(action: NextAction): Y.Map<unknown> {
  const m = new Y.Map<unknown>()
  for (const [k, v] of Object.entries(action)) if (v !== undefined) m.set(k, v)
  return m
}

/** A new person's Y.Map, to be set into `people` (prelim content: Yjs integrates it with the map). */
function newPersonMap(person: Stakeholder, order: number): Y.Map<unknown> {
  const m = new Y.Map<unknown>()
  m.set(ORDER_KEY, order)
  for (const [k, v] of Object.entries(person)) if (v !== undefined && !PERSON_LIST_KEYS.has(k)) m.set(k, v)
  m.set(PERSON_LISTS.contacts, Y.Array.from<Contact>(person.contacts ?? []))
  m.set(PERSON_LISTS.actions, Y.Array.from((person.actions ?? []).map(actionMap)))
  const owners = new Y.Map<number>()
  ;(person.ownerIds ?? []).forEach((id, i) => owners.set(id, i + 1))
  m.set(PERSON_LISTS.ownerIds, owners)
  const rels = new Y.Map<unknown>()
  ;(person.relationships ?? []).forEach((r, i) => rels.set(r.sellerId, { ...r, [ORDER_KEY]: i + 1 }))
  m.set(PERSON_LISTS.relationships, rels)
  return m
}

/**
 * Add `person` to `people` (both writers: direct-deal-ops.ts, write-diff.ts); returns the
 * targets written. When the id's key is a tombstone (a colleague deleted that card while
 * someone drew a line to it), `links` may still hold lines to it that the reader hides
 * (read.ts `readLinks`): they belonged to the deleted card and the plain deal never had them,
 * so they are deleted with the new card, or they would show again on it
 * (docs/collaboration.md, "Conflict rules"). Only then is the line list walked.
 */
export function addPersonMap(roots: Pick<DealRoots, 'people' | 'links'>, person: Stakeholder, order: number): string[] {
  const targets: string[] = []
  if (wasDeleted(roots.people as Y.Map<unknown>, person.id)) {
    for (const [id, line] of roots.links.entries()) {
      if (line?.from !== person.id && line?.to !== person.id) continue
      roots.links.delete(id)
      targets.push(`link:${id}`)
    }
  }
  roots.people.set(person.id, newPersonMap(person, order))
  return [person.id, ...targets]
}

/**
 * Where a new contact goes in the Y.Array so that it reads where `applyCommand` puts it (after
 * every contact of its date or newer: contact-commands.ts appends, then sorts newest first,
 * stably). The reader sorts by date, stably (read.ts), so only its place among contacts of its
 * own date matters: after the last of them. Inserting "before the first older one" was wrong
 * when two colleagues' concurrent inserts left the array out of date order.
 */
export function contactInsertIndex(arr: Y.Array<Contact>, contact: Contact): number {
  const items = arr.toArray()
  for (let i = items.length - 1; i >= 0; i--) if (!(items[i].date < contact.date)) return i + 1
  return 0
}

/**
 * Contacts have no id and the log reads newest first (shared/commands/contact-commands.ts):
 * each removed contact deletes one equal element of the Y.Array, each new one is inserted
 * where its date belongs. Everything else in the list is left alone, so a colleague's
 * concurrent contacts survive.
 */
function writeContacts(arr: Y.Array<Contact>, before: readonly Contact[], after: readonly Contact[]): void {
  const unmatched = after.slice()
  const removed: Contact[] = []
  for (const c of before) {
    const i = unmatched.findIndex((x) => jsonEqual(x, c))
    if (i >= 0) unmatched.splice(i, 1)
    else removed.push(c)
  }
  for (const c of removed) {
    const i = arr.toArray().findIndex((x) => jsonEqual(x, c))
    if (i >= 0) arr.delete(i, 1)
  }
  for (const c of unmatched) arr.insert(contactInsertIndex(arr, c), [c])
}

function writeActions(arr: Y.Array<Y.Map<unknown>>, before: readonly NextAction[], after: readonly NextAction[]): void {
  const next = new Map(after.map((a) => [a.id, a]))
  const old = new Map(before.map((a) => [a.id, a]))
  // Walk the Y.Array itself: its items are the maps to edit in place.
  const items = arr.toArray()
  for (let i = items.length - 1; i >= 0; i--) {
    const id = items[i].get('id') as string
    const a = next.get(id)
    if (!a) {
      if (old.has(id)) arr.delete(i, 1)
      continue
    }
    const b = old.get(id)
    if (!b || b === a) continue
    for (const k of new Set([...Object.keys(b), ...Object.keys(a)])) {
      const v = (a as Record<string, unknown>)[k]
      if (jsonEqual((b as Record<string, unknown>)[k], v)) continue
      if (v === undefined) items[i].delete(k)
      else items[i].set(k, v)
    }
  }
  const added = after.filter((a) => !old.has(a.id))
  if (added.length > 0) arr.push(added.map(actionMap))
}

function writeOwners(map: Y.Map<number>, before: readonly string[], after: readonly string[]): void {
  const keep = new Set(after)
  for (const id of before) if (!keep.has(id)) map.delete(id)
  const had = new Set(before)
  let top = maxOrder(map)
  for (const id of after) if (!had.has(id)) map.set(id, ++top)
}

function writeRelationships(map: Y.Map<Record<string, unknown>>, before: readonly Relationship[], after: readonly Relationship[]): void {
  const old = new Map(before.map((r) => [r.sellerId, r]))
  const keep = new Set(after.map((r) => r.sellerId))
  for (const r of before) if (!keep.has(r.sellerId)) map.delete(r.sellerId)
  let top = maxOrder(map)
  for (const r of after) {
    const b = old.get(r.sellerId)
    if (b === r || (b && jsonEqual(b, r))) continue
    const order = b ? (map.get(r.sellerId)?.[ORDER_KEY] ?? ++top) : ++top
    map.set(r.sellerId, { ...r, [ORDER_KEY]: order })
  }
}

/** Write what changed between two versions of one person into its Y.Map; true when anything was written. */
/** Writes what differs; returns the fields it wrote (the log names them, docs/collaboration.md "The change log"). */
export function writePersonDiff(m: Y.Map<unknown>, before: Stakeholder, after: Stakeholder): string[] {
  const wrote: string[] = []
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const b = (before as Record<string, unknown>)[k]
    const a = (after as Record<string, unknown>)[k]
    if (b === a || jsonEqual(b, a)) continue
    wrote.push(k)
    if (k === PERSON_LISTS.contacts) writeContacts(m.get(k) as Y.Array<Contact>, (b ?? []) as Contact[], (a ?? []) as Contact[])
    else if (k === PERSON_LISTS.actions) writeActions(m.get(k) as Y.Array<Y.Map<unknown>>, (b ?? []) as NextAction[], (a ?? []) as NextAction[])
    else if (k === PERSON_LISTS.ownerIds) writeOwners(m.get(k) as Y.Map<number>, (b ?? []) as string[], (a ?? []) as string[])
    else if (k === PERSON_LISTS.relationships) writeRelationships(m.get(k) as Y.Map<Record<string, unknown>>, (b ?? []) as Relationship[], (a ?? []) as Relationship[])
    else if (a === undefined) m.delete(k)
    else m.set(k, a)
  }
  return wrote
}
