import * as Y from 'yjs'
import type { DealCommand } from '../commands'
import type { Contact, Relationship, Stakeholder } from '../model'
import { jsonEqual } from './equal'
import { maxOrder } from './read'
import { ORDER_KEY, PERSON_LISTS } from './schema'
import { actionMap, contactInsertIndex } from './write-person'

/**
 * The commands of one person, each written as the few Y operations it means
 * (docs/collaboration.md, "The direct path"): `set-field` is one `set` (or `delete`) of one
 * key of the person's Y.Map, `add-owner` one `set` in `ownerIds`, `log-contact` one insert
 * into `contacts`. No diff of the person, no walk of the deal. The values written are those
 * `applyCommand` computed (cleaned, checked), so what the doc holds is what the plain deal
 * would; direct-apply.ts runs the command and hands `before` and `after` here.
 */

type PersonCommandType =
  | 'set-field' | 'move-stakeholders' | 'add-owner' | 'remove-owner'
  | 'add-relationship' | 'remove-relationship' | 'set-element' | 'raise-depth' | 'set-relationship-field'
  | 'log-contact' | 'remove-contact' | 'add-action' | 'set-action-field' | 'remove-action'
export type PersonCommand = Extract<DealCommand, { type: PersonCommandType }>
type Of<T extends PersonCommandType> = Extract<DealCommand, { type: T }>

type Person = Record<string, unknown>

interface PersonMapping<C extends PersonCommand> {
  /**
   * The person's fields the command may change. A change to any other field (a command that
   * learned to do more) is not written here: the batch goes the general way (apply.ts).
   */
  fields(cmd: C): readonly string[]
  /** The list type the ops go into (checked before anything is written), when the fields are a list. */
  list?: keyof typeof PERSON_LISTS
  /** Write `after` over `before` into the person's Y.Map `m`; `changed` are the fields that differ. */
  write(m: Y.Map<unknown>, before: Person, after: Person, cmd: C, changed: readonly string[]): void
}

/** Plain fields: `set` of the new value, `delete` when the command cleared it. */
function writePlain(m: Y.Map<unknown>, _before: Person, after: Person, _cmd: unknown, changed: readonly string[]): void {
  for (const k of changed) {
    const v = after[k]
    if (v === undefined) m.delete(k)
    else m.set(k, v)
  }
}

const owners = (m: Y.Map<unknown>) => m.get(PERSON_LISTS.ownerIds) as Y.Map<number>
const relationships = (m: Y.Map<unknown>) => m.get(PERSON_LISTS.relationships) as Y.Map<Record<string, unknown>>
const contacts = (m: Y.Map<unknown>) => m.get(PERSON_LISTS.contacts) as Y.Array<Contact>
const actions = (m: Y.Map<unknown>) => m.get(PERSON_LISTS.actions) as Y.Array<Y.Map<unknown>>

/** The one relationship of `sellerId`: `set` of the whole plain object, keeping its order number; `delete` when gone. */
function writeRelationship(m: Y.Map<unknown>, before: Person, after: Person, cmd: { sellerId: string }): void {
  const map = relationships(m)
  const r = (after.relationships as Relationship[]).find((x) => x.sellerId === cmd.sellerId)
  if (!r) return void map.delete(cmd.sellerId)
  const had = (before.relationships as Relationship[]).some((x) => x.sellerId === cmd.sellerId)
  const stored = had ? map.get(cmd.sellerId)?.[ORDER_KEY] : undefined
  map.set(cmd.sellerId, { ...r, [ORDER_KEY]: typeof stored === 'number' ? stored : maxOrder(map) + 1 })
}

/** The element of `list` that `other` does not hold (by identity: a command keeps every untouched element). */
const onlyIn = <T>(list: readonly T[], other: readonly T[]): T | undefined => {
  const kept = new Set(other)
  return list.find((x) => !kept.has(x))
}

const relationshipMapping: PersonMapping<Of<'add-relationship' | 'remove-relationship' | 'set-element' | 'raise-depth' | 'set-relationship-field'>> = {
  fields: () => [PERSON_LISTS.relationships],
  list: 'relationships',
  write: writeRelationship,
}

const PERSON_MAPPINGS: { [T in PersonCommandType]: PersonMapping<Of<T>> } = {
  // A placeholder seat given a name loses its flag (field-commands.ts): that key too.
  'set-field': { fields: (cmd) => [cmd.field, 'placeholder'], write: writePlain },
  'move-stakeholders': { fields: () => ['position'], write: writePlain },
  'add-owner': {
    fields: () => [PERSON_LISTS.ownerIds],
    list: 'ownerIds',
    write: (m, _b, _a, cmd) => {
      const map = owners(m)
      if (!map.has(cmd.sellerId)) map.set(cmd.sellerId, maxOrder(map) + 1)
    },
  },
  'remove-owner': { fields: () => [PERSON_LISTS.ownerIds], list: 'ownerIds', write: (m, _b, _a, cmd) => owners(m).delete(cmd.sellerId) },
  'add-relationship': relationshipMapping,
  'remove-relationship': relationshipMapping,
  'set-element': relationshipMapping,
  'raise-depth': relationshipMapping,
  'set-relationship-field': relationshipMapping,
  'log-contact': {
    fields: () => [PERSON_LISTS.contacts],
    list: 'contacts',
    // Inserted where it reads as applyCommand lists it, as write-person.ts does (contactInsertIndex).
    write: (m, b, a) => {
      const added = onlyIn(a.contacts as Contact[], b.contacts as Contact[])
      if (!added) return
      const arr = contacts(m)
      arr.insert(contactInsertIndex(arr, added), [added])
    },
  },
  'remove-contact': {
    fields: () => [PERSON_LISTS.contacts],
    list: 'contacts',
    // The one element equal to the removed contact: a colleague's concurrent contacts stay.
    write: (m, b, a) => {
      const removed = onlyIn(b.contacts as Contact[], a.contacts as Contact[])
      if (!removed) return
      const arr = contacts(m)
      const i = arr.toArray().findIndex((x) => jsonEqual(x, removed))
      if (i >= 0) arr.delete(i, 1)
    },
  },
  'add-action': {
    fields: () => [PERSON_LISTS.actions],
    list: 'actions',
    write: (m, _b, a, cmd) => {
      const added = ((a.actions ?? []) as Array<{ id: string }>).find((x) => x.id === cmd.action.id)
      const arr = actions(m)
      if (added) arr.insert(arr.length, [actionMap(added as Parameters<typeof actionMap>[0])])
    },
  },
  'set-action-field': {
    fields: () => [PERSON_LISTS.actions],
    list: 'actions',
    // One `set` (or `delete`) in the action's own Y.Map; every copy of the id, as the reader keeps the first.
    write: (m, _b, a, cmd) => {
      const action = ((a.actions ?? []) as Array<Record<string, unknown>>).find((x) => x.id === cmd.actionId)
      if (!action) return
      const v = action[cmd.field]
      actions(m).forEach((item) => {
        if (item.get('id') !== cmd.actionId || jsonEqual(item.get(cmd.field), v)) return
        if (v === undefined) item.delete(cmd.field)
        else item.set(cmd.field, v)
      })
    },
  },
  'remove-action': {
    fields: () => [PERSON_LISTS.actions],
    list: 'actions',
    write: (m, _b, _a, cmd) => {
      const arr = actions(m)
      const items = arr.toArray()
      for (let i = items.length - 1; i >= 0; i--) if (items[i].get('id') === cmd.actionId) arr.delete(i, 1)
    },
  },
}

export function isPersonCommand(command: DealCommand): command is PersonCommand {
  return Object.hasOwn(PERSON_MAPPINGS, command.type)
}

/** The people a person command reads and may change, each once. */
export function peopleOf(command: PersonCommand): string[] {
  if (command.type === 'move-stakeholders') return [...new Set(command.moves.map((m) => m.id))]
  return [command.stakeholderId]
}

/**
 * The fields of `before` and `after` that differ, or null when one of them is a field the
 * command's mapping does not write, or its list is not the Y type it should be: then the
 * general writer (write-diff.ts) takes the batch.
 */
export function directFields(m: Y.Map<unknown>, before: Stakeholder, after: Stakeholder, command: PersonCommand): string[] | null {
  const mapping = PERSON_MAPPINGS[command.type] as PersonMapping<PersonCommand>
  const allowed = mapping.fields(command)
  const b = before as Person
  const a = after as Person
  const changed: string[] = []
  for (const k in a) if (a[k] !== b[k] && !jsonEqual(a[k], b[k])) changed.push(k)
  for (const k in b) if (!(k in a) && b[k] !== undefined) changed.push(k)
  if (changed.some((k) => !allowed.includes(k))) return null
  if (mapping.list) {
    const type = m.get(PERSON_LISTS[mapping.list])
    const want = mapping.list === 'contacts' || mapping.list === 'actions' ? Y.Array : Y.Map
    if (!(type instanceof want)) return null
  }
  return changed
}

/** Write one person command's Y operations (inside the caller's transaction). */
export function writePersonCommand(m: Y.Map<unknown>, before: Stakeholder, after: Stakeholder, command: PersonCommand, changed: readonly string[]): void {
  const mapping = PERSON_MAPPINGS[command.type] as PersonMapping<PersonCommand>
  mapping.write(m, before as Person, after as Person, command, changed)
}
