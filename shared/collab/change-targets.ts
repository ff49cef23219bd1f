import * as Y from 'yjs'
import { fieldTarget, MAX_TARGETS, ROOT, type ChangeEntry } from './schema'

/**
 * The log's target vocabulary (docs/collaboration.md, "log") read off the Yjs changes
 * themselves, and the rule that an update's entries cover what it changed ("Authors are
 * checked"). The server judges every update with these; the client writes undo and redo
 * entries with them and checks its command entries against them, so both read one rule.
 */

export const DEAL_TARGET = 'deal'
const ROOT_PREFIX: Partial<Record<string, string>> = { [ROOT.links]: 'link:', [ROOT.team]: 'seat:', [ROOT.sellers]: 'seller:' }
const FIELD_PREFIX = 'field:'

/** A type as a transaction names it (Yjs types parents with its own event type). */
type YType = Parameters<Y.Transaction['changed']['get']>[0]

/**
 * The target one entry of `transaction.changed` is: the type that changed and the key set or
 * deleted in it (null: list items). Walked up to the root: a change anywhere inside a person
 * (a contact, an action's flag, an owner) is that person's field, `field:<id>:<field>`; a
 * person set or deleted in `people` is the person's id (a field comes with its person's id, as
 * the writers name them); `meta` is `deal`. None for the log (its changes are the entries
 * themselves) and for what the state check refuses anyway.
 */
function targetsOf(type: YType, sub: string | null): readonly string[] {
  const path: Array<string | null> = [sub]
  let t: YType = type
  while (t._item !== null) {
    path.unshift(t._item.parentSub)
    t = t._item.parent as YType
  }
  const root = Y.findRootTypeKey(t)
  const [top, field] = path
  if (root === ROOT.meta) return [DEAL_TARGET]
  if (top === null || top === undefined) return []
  if (root === ROOT.people) return path.length === 1 ? [top] : [top, fieldTarget(top, field ?? '')]
  const prefix = ROOT_PREFIX[root]
  return prefix ? [prefix + top] : []
}

/** What a transaction changed, as log targets (Yjs's `changed`: every type whose content or keys changed, deletions included). */
export function changedTargets(tr: Y.Transaction): Set<string> {
  const targets = new Set<string>()
  for (const [type, subs] of tr.changed) {
    for (const sub of subs) {
      for (const target of targetsOf(type, sub)) targets.add(target)
    }
  }
  return targets
}

/**
 * The values a transaction added to the log: its new structs (every client's clocks from the
 * state before to the state after) whose parent is the log. Structs are merged only after the
 * transaction, so a new one never shares a struct with an old one.
 */
export function newLogValues(tr: Y.Transaction): unknown[] {
  const log = tr.doc.share.get(ROOT.log)
  const values: unknown[] = []
  if (!log || !tr.changed.has(log as YType)) return values
  for (const [client, after] of tr.afterState) {
    const before = tr.beforeState.get(client) ?? 0
    if (after <= before) continue
    const structs = tr.doc.store.clients.get(client)
    if (!structs) continue
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const s = structs[i]
      if (s instanceof Y.Item && s.parent === log && !s.deleted && s.countable) for (const v of s.content.getContent()) values.push(v)
    }
  }
  return values
}

/** Whether a transaction deleted entries of the log (nobody's honest edit does: an undone edit stays in the list). */
export function deletedLogEntries(tr: Y.Transaction): boolean {
  const log = tr.doc.share.get(ROOT.log)
  if (!log || !tr.changed.has(log as YType)) return false
  let deleted = false
  Y.iterateDeletedStructs(tr, tr.deleteSet, (s) => {
    if (s instanceof Y.Item && s.parent === log && s.countable) deleted = true
  })
  return deleted
}

const personOfField = (target: string): string | null => {
  if (!target.startsWith(FIELD_PREFIX)) return null
  const end = target.lastIndexOf(':')
  return end > FIELD_PREFIX.length ? target.slice(FIELD_PREFIX.length, end) : null
}

/**
 * Whether an entry says it wrote `target`: it names it; a person's field also needs the
 * person named, and is covered by an entry that names the person and none of their fields
 * (entries written before fields were logged). `authorsOfChange` credits an entry's author
 * by the same rule.
 */
export function entryCovers(entry: Pick<ChangeEntry, 'targets'>, target: string): boolean {
  const person = personOfField(target)
  if (person === null) return entry.targets.includes(target)
  if (!entry.targets.includes(person)) return false
  return entry.targets.includes(target) || !entry.targets.some((t) => personOfField(t) === person)
}

/**
 * The targets that none of `entries` covers (values as the log holds them: anything that is
 * not an entry covers nothing). Indexed once, so a catch-up of many entries and changes
 * costs their count, not its square.
 */
export function uncoveredTargets(targets: Iterable<string>, entries: readonly unknown[]): string[] {
  const named = new Set<string>()
  /** Person → the fields some entry names with them, or 'all' when an entry names the person alone. */
  const fields = new Map<string, Set<string> | 'all'>()
  for (const e of entries) {
    const list = (e as { targets?: unknown } | null)?.targets
    if (!Array.isArray(list)) continue
    const own = new Set(list.filter((t): t is string => typeof t === 'string'))
    const withFields = new Set<string>()
    for (const t of own) {
      named.add(t)
      const person = personOfField(t)
      if (person === null || !own.has(person)) continue
      withFields.add(person)
      const known = fields.get(person)
      if (known === 'all') continue
      if (known) known.add(t)
      else fields.set(person, new Set([t]))
    }
    for (const t of own) if (personOfField(t) === null && !withFields.has(t)) fields.set(t, 'all')
  }
  const missing: string[] = []
  for (const target of targets) {
    const person = personOfField(target)
    if (person === null) {
      if (!named.has(target)) missing.push(target)
      continue
    }
    const known = fields.get(person)
    if (known !== 'all' && !known?.has(target)) missing.push(target)
  }
  return missing
}

/**
 * Targets in entries of at most MAX_TARGETS each, a person's fields in the entry that names
 * the person (so each entry reads alone): a whole-deal write of 1,000 people is a few
 * entries, each one a peer on an older version still accepts.
 */
export function splitTargets(targets: readonly string[]): string[][] {
  const groups = new Map<string, string[]>()
  for (const t of new Set(targets)) {
    const key = personOfField(t) ?? t
    const group = groups.get(key)
    if (group) group.push(t)
    else groups.set(key, personOfField(t) === null ? [t] : [key, t])
  }
  const chunks: string[][] = [[]]
  for (const group of groups.values()) {
    const unique = [...new Set(group)]
    if (chunks[chunks.length - 1].length + unique.length > MAX_TARGETS) chunks.push([])
    chunks[chunks.length - 1].push(...unique.slice(0, MAX_TARGETS))
  }
  return chunks
}

/** What one or more transactions changed and the entries they added: an update, as the server judges it. */
export interface UpdateChanges {
  targets: Set<string>
  entries: unknown[]
  deletesLogEntries: boolean
}

/** Run `apply` (an applyUpdate) on `doc` and collect what its transactions changed. */
export function changesWhile(doc: Y.Doc, apply: () => void): UpdateChanges {
  const changes: UpdateChanges = { targets: new Set(), entries: [], deletesLogEntries: false }
  const collect = (tr: Y.Transaction) => {
    for (const t of changedTargets(tr)) changes.targets.add(t)
    for (const v of newLogValues(tr)) changes.entries.push(v)
    changes.deletesLogEntries ||= deletedLogEntries(tr)
  }
  doc.on('afterTransaction', collect)
  try {
    apply()
  } finally {
    doc.off('afterTransaction', collect)
  }
  return changes
}
