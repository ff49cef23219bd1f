import * as Y from 'yjs'
import { newId, type DealFile, type Stakeholder } from '../model'
import { jsonEqual } from './equal'
import { DEAL_LIST_KEYS, maxOrder } from './read'
import { ORDER_KEY, VERSION_KEY, rootsOf, seatKey, type ChangeAuthor, type ChangeEntry, type DealRoots } from './schema'
import { addPersonMap, writePersonDiff } from './write-person'
import { fieldTarget } from './schema'
import { changedTargets, DEAL_TARGET, splitTargets, uncoveredTargets } from './change-targets'
import { DEAL_VERSION } from '../model'

/**
 * The field-level writer: the difference between two DealFiles as Y operations. Only what
 * changed is written, so a colleague's concurrent edit to another field, person or line
 * survives the merge (docs/collaboration.md, "Writing"). Unchanged objects are skipped by
 * identity first (commands share every untouched object), so one edit costs one person.
 */

export interface WriteOptions {
  origin: unknown
  author: ChangeAuthor
  /** ISO timestamp for the log entry. */
  at: string
  /** The log entry's command name. */
  command: string
}

/** People changed in place, as (before, after) pairs; null when the lists differ in who or order. */
export type InPlacePairs = Array<[Stakeholder, Stakeholder]> | null

/**
 * The (before, after) pairs of people changed in place, when both lists hold the same people
 * in the same order; null otherwise. Identity compares only: a command shares every
 * untouched person, so one edit of a 1,000-person deal costs a pointer walk, not a diff.
 */
export function changedInPlace(before: readonly Stakeholder[], after: readonly Stakeholder[]): InPlacePairs {
  if (before.length !== after.length) return null
  const pairs: Array<[Stakeholder, Stakeholder]> = []
  for (let i = 0; i < after.length; i++) {
    const b = before[i]
    const a = after[i]
    if (b === a) continue
    if (b.id !== a.id) return null
    pairs.push([b, a])
  }
  return pairs
}

/**
 * Writes `after` over `before` into the roots; returns the targets it changed. Call inside a
 * transaction. `known` is `changedInPlace(before, after)` when the caller already walked the
 * people (apply.ts); left out, it is computed here.
 */
export function writeFileDiff(roots: DealRoots, before: DealFile | null, after: DealFile, known?: InPlacePairs): string[] {
  const targets: string[] = []
  const { deal } = after
  const old = before?.deal
  // The deal's facts: every deal key but the three lists, generic over the keys.
  const metaKeys = new Set([...Object.keys(deal), ...(old ? Object.keys(old) : [])])
  let metaChanged = false
  for (const k of metaKeys) {
    if (DEAL_LIST_KEYS.has(k)) continue
    const a = (deal as Record<string, unknown>)[k]
    const b = old ? (old as Record<string, unknown>)[k] : undefined
    if (old && jsonEqual(a, b)) continue
    if (a === undefined) roots.meta.delete(k)
    else roots.meta.set(k, a)
    metaChanged = true
  }
  if (roots.meta.get(VERSION_KEY) !== DEAL_VERSION) {
    roots.meta.set(VERSION_KEY, DEAL_VERSION)
    metaChanged = true
  }
  if (metaChanged) targets.push(DEAL_TARGET)

  const pairs = old && old.stakeholders !== deal.stakeholders ? (known !== undefined ? known : changedInPlace(old.stakeholders, deal.stakeholders)) : null
  if (pairs) {
    // The common edit: the same people in the same order, a few of them changed.
    for (const [b, a] of pairs) {
      const m = roots.people.get(a.id)
      if (m) targets.push(...personTargets(a.id, writePersonDiff(m, b, a)))
    }
  } else if (!old || old.stakeholders !== deal.stakeholders) {
    const was = new Map<string, Stakeholder>((old?.stakeholders ?? []).map((s) => [s.id, s]))
    const now = new Set(deal.stakeholders.map((s) => s.id))
    for (const id of was.keys()) if (!now.has(id)) {
      roots.people.delete(id)
      targets.push(id)
    }
    let top: number | undefined
    for (const s of deal.stakeholders) {
      const b = was.get(s.id)
      if (b === s) continue
      const m = roots.people.get(s.id)
      if (b && m) {
        targets.push(...personTargets(s.id, writePersonDiff(m, b, s)))
      } else {
        top ??= maxOrder(roots.people as Y.Map<unknown>)
        targets.push(...addPersonMap(roots, s, ++top))
      }
    }
  }
  const keyed = <T extends object>(map: Y.Map<Record<string, unknown>>, b: readonly T[] | undefined, a: readonly T[], key: (x: T) => string, prefix: string, removes: boolean): void => {
    if (b === a) return
    const was = new Map((b ?? []).map((x) => [key(x), x]))
    const now = new Set(a.map(key))
    if (removes) for (const k of was.keys()) if (!now.has(k)) {
      map.delete(k)
      targets.push(prefix + k)
    }
    let top: number | undefined
    // The list read from the doc is in order-number order, so an item the command placed after
    // one with a higher number was moved (merge-people moves the merged card's lines to the
    // end): it takes a new largest number, so the doc reads back in the plain list's order.
    // Not in `sellers` (`removes` false): the roster is not that map's list, which keeps the
    // sellers the roster dropped; a seller named again keeps its number, as on the direct path
    // (direct-apply.ts writeSellers), so both paths write the same file.
    // "After" as the reader sorts (read.ts sortedEntries): by number, then by key, since two
    // entries added at once may share a number (a new line under the id of a hidden one).
    let last: { order: number; key: string } | null = null
    const sortsAfterLast = (order: number, k: string) => last === null || order > last.order || (order === last.order && k > last.key)
    for (const x of a) {
      const k = key(x)
      const stored = map.get(k)
      const storedOrder = typeof stored?.[ORDER_KEY] === 'number' && Number.isFinite(stored[ORDER_KEY]) ? (stored[ORDER_KEY] as number) : undefined
      const prev = was.get(k)
      const moved = removes && storedOrder !== undefined && !sortsAfterLast(storedOrder, k)
      if (!moved && (prev === x || (prev && jsonEqual(prev, x)))) {
        if (storedOrder !== undefined && sortsAfterLast(storedOrder, k)) last = { order: storedOrder, key: k }
        continue
      }
      const order = storedOrder !== undefined && !moved ? storedOrder : (top = (top ?? maxOrder(map as Y.Map<unknown>)) + 1)
      if (sortsAfterLast(order, k)) last = { order, key: k }
      map.set(k, { ...x, [ORDER_KEY]: order })
      targets.push(prefix + k)
    }
  }
  keyed(roots.links, old?.links, deal.links, (l) => l.id, 'link:', true)
  keyed(roots.team, old?.team, deal.team, (t) => seatKey(t.sellerId, t.seat), 'seat:', true)
  // Sellers are only ever added or updated, never removed: a concurrent edit may still name
  // one this client no longer references; the projection shows only those referenced.
  keyed(roots.sellers, before?.roster, after.roster, (s) => s.id, 'seller:', false)
  return targets
}

/**
 * A person's targets for an edit of `fields`: the person, then `field:<id>:<field>` for each
 * field, so "who changed the stance" is not answered with everyone who wrote a note on them.
 */
function personTargets(id: string, fields: readonly string[]): string[] {
  return fields.length === 0 ? [] : [id, ...fields.map((f) => fieldTarget(id, f))]
}

/**
 * Append one entry to the log. `insert` at the end, not `push`: Yjs's push walks the whole
 * list from its first item on every call (the log's items never merge, since each edit's
 * field writes sit between them in the client's clock), while insert finds the end through
 * the array's search markers. Same position, same content: one edit's cost stays flat as
 * the log grows (bench row collab-edit-local-cost).
 */
export function appendLog(roots: DealRoots, entry: ChangeEntry | readonly ChangeEntry[]): void {
  roots.log.insert(roots.log.length, Array.isArray(entry) ? [...entry] : [entry as ChangeEntry])
}

/**
 * The entries of one write: one, or one per MAX_TARGETS targets (a person's fields with the
 * person), since the server refuses a change no entry of the update names (docs/collaboration.md,
 * "Authors are checked") and a peer refuses an entry with more targets.
 */
export function logEntries(targets: readonly string[], options: Pick<WriteOptions, 'author' | 'at' | 'command'>): ChangeEntry[] {
  return splitTargets(targets).map((chunk) => ({
    id: newId(),
    at: options.at,
    author: { name: options.author.name, email: options.author.email },
    command: options.command,
    targets: chunk,
  }))
}

/**
 * Write `after` over `before` (the doc's current projection) in one transaction with the
 * caller's origin, and log it. Used by import --replace: a nightly CRM import changes only
 * what changed. Writes nothing (and logs nothing) when nothing changed.
 */
export function writeDealDiff(doc: Y.Doc, before: DealFile, after: DealFile, options: WriteOptions): string[] {
  const roots = rootsOf(doc)
  let targets: string[] = []
  doc.transact((tr) => {
    targets = writeFileDiff(roots, before, after)
    targets.push(...uncoveredTargets(changedTargets(tr), [{ targets }]))
    if (targets.length > 0) appendLog(roots, logEntries(targets, options))
  }, options.origin)
  return targets
}
