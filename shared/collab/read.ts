import * as Y from 'yjs'
import { sameLineKey } from './line-key'
import { DealSchema, LIMITS, StakeholderSchema, type Deal, type FileIssue, type Link, type Seller, type Stakeholder, type TeamSeat } from '../model'
import { ORDER_KEY, PERSON_LISTS, PERSON_LIST_KEYS, VERSION_KEY, type DealRoots } from './schema'

/**
 * Reading the doc back into deal values, tolerantly: the same functions derive the live
 * projection and check a remote state in a scratch copy (validate.ts), so what is checked is
 * exactly what the app would show. A value of the wrong Y type is reported to `issues` and
 * left out; wrong plain values pass through for the zod schema to refuse.
 *
 * Merge repairs (docs/collaboration.md, "Conflict rules") are made here, deterministically
 * from the merged state, so every client derives the same deal:
 * - a line to a person deleted concurrently (the person's key is a tombstone) is dropped;
 * - of two equal lines added concurrently the first by order, then id, stays;
 * - a person left with no name and no placeholder flag (one cleared the flag while another
 *   emptied the name) is a placeholder seat again;
 * - a second action with an id already seen on that person is dropped;
 * - contacts are read newest first (stable), as the log is kept.
 */
export type Issues = FileIssue[] | undefined

const STAKEHOLDER_KEY_ORDER = Object.keys(StakeholderSchema.shape)
const DEAL_KEY_ORDER = Object.keys(DealSchema.shape)
/** Deal keys that are roots of their own, not `meta` entries. */
export const DEAL_LIST_KEYS: ReadonlySet<string> = new Set(['stakeholders', 'links', 'team'])

function report(issues: Issues, path: string, message: string): void {
  if (issues && issues.length < 200) issues.push({ path, message })
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array) && !(v instanceof Y.AbstractType)

/**
 * `__proto__` is never a field: as a key of a plain object it would set the object's prototype
 * instead of a property, and lend its fields to a person (or the deal) invisibly, past the
 * schema's unknown-key check and past a live projection's patch (patchPerson), so a fresh read
 * and the live deal would differ. Reported (the state check refuses it, like any key that is no
 * field) and left out.
 */
const PROTO_KEY = '__proto__'
function isProtoKey(k: string, path: string, issues: Issues): boolean {
  if (k !== PROTO_KEY) return false
  report(issues, path, 'Not a field')
  return true
}

/**
 * Whether every object in a plain value is a plain object or array of its own. Yjs's decoder
 * (lib0 `readAny`) assigns a value's keys one by one, so a colleague's `{"__proto__": {"x": 5}}`
 * arrives as an object whose prototype holds `x`: the schema reads the inherited `x` and passes,
 * but the JSON written to disk has none, and the deal file no longer loads.
 */
function ownJson(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return true
  if (Array.isArray(v)) return Object.getPrototypeOf(v) === Array.prototype && v.every(ownJson)
  return Object.getPrototypeOf(v) === Object.prototype && Object.values(v).every(ownJson)
}

/** A plain value as stored (no Y type, no binary, no inherited fields); otherwise reported and `undefined`. */
function plain(value: unknown, path: string, issues: Issues): unknown {
  if (value instanceof Y.AbstractType || value instanceof Uint8Array) {
    report(issues, path, 'Expected a plain value, found a Y type or binary data')
    return undefined
  }
  if (!ownJson(value)) {
    report(issues, path, 'Expected a plain value, found an object with a "__proto__" key')
    return undefined
  }
  return value
}

export const orderOf = (v: unknown): number => {
  const o = v instanceof Y.Map ? v.get(ORDER_KEY) : isPlainObject(v) ? v[ORDER_KEY] : v
  return typeof o === 'number' && Number.isFinite(o) ? o : 0
}

/** Entries sorted by their order number, then key: the same list on every client. */
export function sortedEntries<T>(map: Y.Map<T>): Array<[string, T]> {
  const entries = Array.from(map.entries())
  return entries.sort((a, b) => orderOf(a[1]) - orderOf(b[1]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
}

/** The largest order number in the map (0 when empty). */
export function maxOrder<T>(map: Y.Map<T>): number {
  let max = 0
  for (const v of map.values()) max = Math.max(max, orderOf(v))
  return max
}

/** A keyed plain object without its order key; checks the key names the object (`id` / `sellerId`). */
export function keyedObject(key: string, value: unknown, idField: string | null, path: string, issues: Issues): Record<string, unknown> | undefined {
  if (!isPlainObject(value)) {
    report(issues, path, 'Expected a plain object')
    return undefined
  }
  // The spread keeps own keys only; a value inside may still carry a prototype of its own.
  if (!ownJson(Object.values(value))) {
    report(issues, path, 'Expected a plain object, found one with a "__proto__" key')
    return undefined
  }
  const { [ORDER_KEY]: _order, ...rest } = value
  if (idField !== null && rest[idField] !== key) report(issues, `${path}.${idField}`, `The entry's ${idField} does not match its key "${key}"`)
  return rest
}

function readContacts(v: unknown, path: string, issues: Issues): unknown[] {
  if (!(v instanceof Y.Array)) {
    report(issues, path, 'Expected a Y.Array of contacts')
    return []
  }
  const contacts = v.toArray().map((c, i) => plain(c, issues ? `${path}[${i}]` : '', issues))
  // Newest first, as the log is kept (contact-commands.ts); two contacts inserted at one place
  // concurrently may arrive out of date order. Stable: equal dates keep the doc's order.
  return contacts.sort((a, b) => dateOf(b).localeCompare(dateOf(a))).slice(0, LIMITS.contactsPerStakeholder)
}
const dateOf = (c: unknown): string => (isPlainObject(c) && typeof c.date === 'string' ? c.date : '')

function readActions(v: unknown, path: string, issues: Issues): unknown[] {
  if (!(v instanceof Y.Array)) {
    report(issues, path, 'Expected a Y.Array of actions')
    return []
  }
  const seen = new Set<unknown>()
  const out: unknown[] = []
  v.forEach((a, i) => {
    if (!(a instanceof Y.Map)) return report(issues, `${path}[${i}]`, 'Expected a Y.Map per action')
    const action: Record<string, unknown> = {}
    for (const [k, x] of a.entries()) if (!isProtoKey(k, issues ? `${path}[${i}].${k}` : '', issues)) action[k] = plain(x, issues ? `${path}[${i}].${k}` : '', issues)
    if (seen.has(action.id) || out.length >= LIMITS.actionsPerStakeholder) return
    seen.add(action.id)
    // A required field a merge left with no value (concurrent edits and undos of one action)
    // reads as a default, as a person's does, so honest clients' state stays valid.
    for (const [k, v] of ACTION_DEFAULT_ENTRIES) if (action[k] === undefined) action[k] = v
    out.push(action)
  })
  return out
}

function readOwners(v: unknown, path: string, issues: Issues): string[] {
  if (!(v instanceof Y.Map)) {
    report(issues, path, 'Expected a Y.Map used as a set of seller ids')
    return []
  }
  return sortedEntries(v as Y.Map<unknown>).map(([k]) => k)
}

function readRelationships(v: unknown, path: string, issues: Issues): unknown[] {
  if (!(v instanceof Y.Map)) {
    report(issues, path, 'Expected a Y.Map of relationships by seller id')
    return []
  }
  const out: unknown[] = []
  for (const [k, r] of sortedEntries(v as Y.Map<unknown>)) {
    const rel = keyedObject(k, r, 'sellerId', issues ? `${path}[${JSON.stringify(k)}]` : '', issues)
    if (rel && out.length < LIMITS.relationshipsPerStakeholder) out.push(rel)
  }
  return out
}

/**
 * A required field left with no value (an undo racing a colleague's edit of the same field
 * can leave a Y.Map key empty, undo.ts) reads as the new-card default, so the deal stays valid.
 */
const PERSON_DEFAULTS: Readonly<Record<string, unknown>> = {
  name: '', title: '', department: '', buyingRole: 'unknown', influence: 'medium', innerCircle: false, stance: 'unknown', notes: '', position: { x: 0, y: 0 },
}
const PERSON_DEFAULT_ENTRIES = Object.entries(PERSON_DEFAULTS)
/** An action's: not done, and a dash for text lost in a conflict, which its owner can retype. */
const ACTION_DEFAULT_ENTRIES = Object.entries({ what: '—', done: false })
const META_DEFAULTS: Readonly<Record<string, unknown>> = {
  customer: '', stage: 'lead', amount: { value: 0, currency: 'USD' }, closeDate: null, competitors: [], notes: '',
}

/**
 * One person from its Y.Map, fields in the file's order (so every client writes the same JSON).
 * `unchanged` holds lists read before from the very same, unchanged Y types (the projection's):
 * they are taken as they are. The checks never pass it.
 */
export function readPerson(id: string, m: unknown, issues: Issues, unchanged?: ReadonlyMap<string, unknown>): Stakeholder | undefined {
  // Paths are only built when someone collects issues: the live projection passes none and
  // re-reads a person on every edit (bench row collab-edit-local-cost).
  const path = issues ? `$.people[${JSON.stringify(id)}]` : ''
  if (!(m instanceof Y.Map)) {
    report(issues, path, 'Expected a Y.Map per person')
    return undefined
  }
  const raw: Record<string, unknown> = {}
  for (const [k, v] of (m as Y.Map<unknown>).entries()) {
    if (k === ORDER_KEY) continue
    const at = issues ? `${path}.${k}` : ''
    if (isProtoKey(k, at, issues)) continue
    const kept = unchanged?.get(k)
    if (kept !== undefined) raw[k] = kept
    else if (k === PERSON_LISTS.contacts) raw[k] = readContacts(v, at, issues)
    else if (k === PERSON_LISTS.actions) raw[k] = readActions(v, at, issues)
    else if (k === PERSON_LISTS.ownerIds) raw[k] = readOwners(v, at, issues)
    else if (k === PERSON_LISTS.relationships) raw[k] = readRelationships(v, at, issues)
    else raw[k] = plain(v, at, issues)
  }
  if (raw.id !== id) report(issues, `${path}.id`, `The person's id does not match its key "${id}"`)
  for (const [k, v] of PERSON_DEFAULT_ENTRIES) if (raw[k] === undefined) raw[k] = v
  if (typeof raw.name === 'string' && raw.name.trim() === '' && raw.placeholder === undefined) raw.placeholder = true
  const person: Record<string, unknown> = {}
  for (const k of STAKEHOLDER_KEY_ORDER) if (raw[k] !== undefined) person[k] = raw[k]
  for (const k of Object.keys(raw).sort()) if (!(k in person) && raw[k] !== undefined) person[k] = raw[k]
  return person as Stakeholder
}

/**
 * `old` (what readPerson read from `m` before) with the new values of the plain `keys`, the
 * same object readPerson would give now; undefined when only a whole read gives it: a key
 * that is new or gone (its place in the key order, a default), `name` or `placeholder` (the
 * placeholder repair), a list, the order key, or a value that is not plain.
 */
export function patchPerson(old: Stakeholder, m: Y.Map<unknown>, keys: Iterable<string>): Stakeholder | undefined {
  const next: Record<string, unknown> = { ...old }
  for (const k of keys) {
    if (k === 'name' || k === 'placeholder' || k === ORDER_KEY || PERSON_LIST_KEYS.has(k) || !Object.hasOwn(next, k)) return undefined
    const v = m.get(k)
    if (v === undefined || v instanceof Y.AbstractType || v instanceof Uint8Array) return undefined
    next[k] = v
  }
  return next as Stakeholder
}

/** True when the key was in the map once and has been deleted (a tombstone), not never there. */
export function wasDeleted(map: Y.Map<unknown>, key: string): boolean {
  return map._map.get(key)?.deleted === true
}

/**
 * The lines, in order, without lines to people deleted concurrently and without a second
 * equal line. A line to an id `people` never had is kept, for the schema to refuse.
 */
export function readLinks(roots: Pick<DealRoots, 'links' | 'people'>, issues: Issues): Link[] {
  const out: Link[] = []
  const seen = new Set<string>()
  for (const [k, v] of sortedEntries(roots.links)) {
    const link = keyedObject(k, v, 'id', `$.links[${JSON.stringify(k)}]`, issues) as Link | undefined
    if (!link) continue
    if (typeof link.from === 'string' && !roots.people.has(link.from) && wasDeleted(roots.people as Y.Map<unknown>, link.from)) continue
    if (typeof link.to === 'string' && !roots.people.has(link.to) && wasDeleted(roots.people as Y.Map<unknown>, link.to)) continue
    const key = sameLineKey(link)
    if (seen.has(key)) continue
    seen.add(key)
    out.push(link)
  }
  return out
}

export function readTeam(team: DealRoots['team'], issues: Issues): TeamSeat[] {
  const out: TeamSeat[] = []
  for (const [k, v] of sortedEntries(team)) {
    const seat = keyedObject(k, v, null, `$.team[${JSON.stringify(k)}]`, issues)
    if (!seat) continue
    if (`${String(seat.sellerId)}:${String(seat.seat)}` !== k) report(issues, `$.team[${JSON.stringify(k)}]`, `The seat does not match its key "${k}"`)
    if (out.length < LIMITS.team) out.push(seat as TeamSeat)
  }
  return out
}

export function readSellers(sellers: DealRoots['sellers'], issues: Issues): Seller[] {
  const out: Seller[] = []
  for (const [k, v] of sortedEntries(sellers)) {
    const seller = keyedObject(k, v, 'id', `$.sellers[${JSON.stringify(k)}]`, issues)
    if (seller) out.push(seller as Seller)
  }
  return out
}

/** The deal's own facts from `meta` (every deal key but the three lists), in the file's key order. */
export function readMeta(meta: DealRoots['meta'], issues: Issues): Omit<Deal, 'stakeholders' | 'links' | 'team'> {
  const raw: Record<string, unknown> = {}
  for (const [k, v] of meta.entries()) {
    if (k === VERSION_KEY || isProtoKey(k, `$.meta.${k}`, issues)) continue
    if (DEAL_LIST_KEYS.has(k)) {
      report(issues, `$.meta.${k}`, `"${k}" is a root of its own, not a meta key`)
      continue
    }
    raw[k] = plain(v, `$.meta.${k}`, issues)
  }
  for (const [k, v] of Object.entries(META_DEFAULTS)) if (raw[k] === undefined && raw.id !== undefined) raw[k] = v
  const out: Record<string, unknown> = {}
  for (const k of DEAL_KEY_ORDER) if (raw[k] !== undefined) out[k] = raw[k]
  for (const k of Object.keys(raw).sort()) if (!(k in out) && raw[k] !== undefined) out[k] = raw[k]
  return out as Omit<Deal, 'stakeholders' | 'links' | 'team'>
}
