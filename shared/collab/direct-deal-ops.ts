import type * as Y from 'yjs'
import type { DealCommand } from '../commands'
import type { Deal, Link, TeamSeat } from '../model'
import { DEAL_TARGET } from './change-targets'
import { jsonEqual } from './equal'
import { DEAL_LIST_KEYS, maxOrder } from './read'
import { ORDER_KEY, seatKey, type DealRoots } from './schema'
import { addPersonMap } from './write-person'

/**
 * The commands of the map's lines, the team and the deal's facts, each written as the few Y
 * operations it means (docs/collaboration.md, "The direct path"): `add-link` one `set` in
 * `links`, `unseat-seller` one `delete` in `team`, `set-deal-facts` a `set` per changed fact in
 * `meta`. These commands check the whole deal (a duplicate line, a full team), so
 * direct-apply.ts runs `applyCommand` on the plain deal and hands `before` and `after` here;
 * no part of the deal the command does not touch is compared.
 */

type DealCommandType =
  | 'add-stakeholders' | 'remove-stakeholders' | 'add-link' | 'update-link' | 'remove-links' | 'set-link-label'
  | 'seat-seller' | 'unseat-seller' | 'set-lead' | 'set-deal-facts'
export type DealLevelCommand = Extract<DealCommand, { type: DealCommandType }>
type Of<T extends DealCommandType> = Extract<DealCommand, { type: T }>
type Part = 'stakeholders' | 'links' | 'team' | 'meta'

interface DealMapping<C extends DealLevelCommand> {
  /** The parts of the deal the command may change; any other changed part sends it the general way. */
  parts: readonly Part[]
  /** Write the command's ops; returns the log targets (docs/collaboration.md, "log"). */
  write(roots: DealRoots, before: Deal, after: Deal, cmd: C): string[]
}

/**
 * `set` of a keyed plain object. One the plain deal had keeps its order number; a new one takes
 * the largest + 1, so it is listed last as `applyCommand` lists it, even when the key is taken by
 * an entry the reader hides (a line to a card a colleague deleted, read.ts `readLinks`).
 */
function setKeyed(map: Y.Map<Record<string, unknown>>, key: string, value: object, known: boolean): void {
  const stored = known ? map.get(key)?.[ORDER_KEY] : undefined
  map.set(key, { ...value, [ORDER_KEY]: typeof stored === 'number' ? stored : maxOrder(map as Y.Map<unknown>) + 1 })
}

/** The line `id` as the command left it, written when it differs from before. */
function writeLine(roots: DealRoots, before: Deal, after: Deal, id: string): string[] {
  const a = after.links.find((l) => l.id === id)
  const b = before.links.find((l) => l.id === id)
  if (!a || jsonEqual(a, b)) return []
  setKeyed(roots.links, id, a, b !== undefined)
  return [`link:${id}`]
}

/** `delete` of each line of `before` that `after` no longer has. */
function deleteLines(roots: DealRoots, before: readonly Link[], after: readonly Link[]): string[] {
  const kept = new Set(after)
  const targets: string[] = []
  for (const l of before) if (!kept.has(l)) {
    roots.links.delete(l.id)
    targets.push(`link:${l.id}`)
  }
  return targets
}

/** The lane's seats whose lead flag (or anything) changed: `set` of each. */
function writeSeats(roots: DealRoots, before: readonly TeamSeat[], after: readonly TeamSeat[]): string[] {
  const had = new Map(before.map((t) => [seatKey(t.sellerId, t.seat), t]))
  const targets: string[] = []
  for (const t of after) {
    const key = seatKey(t.sellerId, t.seat)
    const b = had.get(key)
    if (b === t || (b && jsonEqual(b, t))) continue
    setKeyed(roots.team, key, t, b !== undefined)
    targets.push(`seat:${key}`)
  }
  return targets
}

const DEAL_MAPPINGS: { [T in DealCommandType]: DealMapping<Of<T>> } = {
  'add-stakeholders': {
    parts: ['stakeholders', 'links'],
    // One new Y.Map per person in `people`, one `set` per line drawn with them.
    write(roots, before, after) {
      const targets: string[] = []
      let top = maxOrder(roots.people as Y.Map<unknown>)
      for (const s of after.stakeholders.slice(before.stakeholders.length)) targets.push(...addPersonMap(roots, s, ++top))
      for (const l of after.links.slice(before.links.length)) targets.push(...writeLine(roots, before, after, l.id))
      return targets
    },
  },
  'remove-stakeholders': {
    parts: ['stakeholders', 'links'],
    // `delete` of each person's key in `people` and of each line that ended at one of them.
    write(roots, before, after) {
      const kept = new Set(after.stakeholders)
      const targets: string[] = []
      for (const s of before.stakeholders) if (!kept.has(s)) {
        roots.people.delete(s.id)
        targets.push(s.id)
      }
      return [...targets, ...deleteLines(roots, before.links, after.links)]
    },
  },
  'add-link': { parts: ['links'], write: (roots, before, after, cmd) => writeLine(roots, before, after, cmd.link.id) },
  'update-link': { parts: ['links'], write: (roots, before, after, cmd) => writeLine(roots, before, after, cmd.id) },
  'set-link-label': { parts: ['links'], write: (roots, before, after, cmd) => writeLine(roots, before, after, cmd.id) },
  'remove-links': { parts: ['links'], write: (roots, before, after) => deleteLines(roots, before.links, after.links) },
  'seat-seller': { parts: ['team'], write: (roots, before, after) => writeSeats(roots, before.team, after.team) },
  'unseat-seller': {
    parts: ['team'],
    write(roots, _before, _after, cmd) {
      const key = seatKey(cmd.sellerId, cmd.seat)
      roots.team.delete(key)
      return [`seat:${key}`]
    },
  },
  'set-lead': { parts: ['team'], write: (roots, before, after) => writeSeats(roots, before.team, after.team) },
  'set-deal-facts': {
    parts: ['meta'],
    // A `set` of each fact whose value changed (an unchanged one in the patch writes nothing).
    write(roots, before, after) {
      let wrote = false
      for (const k of metaKeys(before, after)) {
        const a = (after as Record<string, unknown>)[k]
        if (jsonEqual(a, (before as Record<string, unknown>)[k])) continue
        if (a === undefined) roots.meta.delete(k)
        else roots.meta.set(k, a)
        wrote = true
      }
      return wrote ? [DEAL_TARGET] : []
    },
  },
}

const metaKeys = (before: Deal, after: Deal): string[] => [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !DEAL_LIST_KEYS.has(k))

export function isDealLevelCommand(command: DealCommand): command is DealLevelCommand {
  return Object.hasOwn(DEAL_MAPPINGS, command.type)
}

/** Whether `after` changed only the parts the command's mapping writes (else the general writer takes it). */
export function changesOnlyItsParts(before: Deal, after: Deal, command: DealLevelCommand): boolean {
  const parts = DEAL_MAPPINGS[command.type].parts
  for (const part of ['stakeholders', 'links', 'team'] as const) if (!parts.includes(part) && after[part] !== before[part]) return false
  if (parts.includes('meta')) return true
  return metaKeys(before, after).every((k) => (after as Record<string, unknown>)[k] === (before as Record<string, unknown>)[k])
}

/** Write one deal-level command's Y operations (inside the caller's transaction); returns its targets. */
export function writeDealCommand(roots: DealRoots, before: Deal, after: Deal, command: DealLevelCommand): string[] {
  return (DEAL_MAPPINGS[command.type] as DealMapping<DealLevelCommand>).write(roots, before, after, command)
}
