import { rawText } from '../raw-text'
/**
 * Cross-reference checks (unique ids, lines and seats that point at something real).
 * They read the data tolerantly, so the same checks run inside the zod schemas on parsed
 * data AND on raw input whose fields are broken: `war-room validate` then reports every
 * problem of a file at once instead of hiding the dangling references until the field
 * errors are fixed. Each takes a limit: on raw, hostile input (60,000 lines to nowhere) they
 * stop after that many problems, as the schema check does (bounded-issues.ts).
 */
export interface ReferenceIssue {
  path: (string | number)[]
  message: string
}

type Loose = Record<string, unknown>
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])
const asObject = (v: unknown): Loose => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Loose) : {})
const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

/** Collects at most `limit` issues; `full` once one more was offered. */
class Found {
  readonly issues: ReferenceIssue[] = []
  full = false
  constructor(private readonly limit: number) {}
  add(path: (string | number)[], message: string): void {
    if (this.issues.length >= this.limit) this.full = true
    else this.issues.push({ path, message })
  }
}

/** Checks inside one deal: unique ids, lines join two different existing people, no duplicate line or seat. */
export function dealReferenceIssues(dealValue: unknown, limit = Infinity): ReferenceIssue[] {
  const deal = asObject(dealValue)
  const found = new Found(limit)
  const ids = new Set<string>()
  const people = asArray(deal.stakeholders)
  for (let i = 0; i < people.length && !found.full; i++) {
    const id = asString(asObject(people[i]).id)
    if (id === undefined) continue
    if (ids.has(id)) found.add(['stakeholders', i, 'id'], `Duplicate stakeholder id "${id}"`)
    ids.add(id)
  }
  const linkIds = new Set<string>()
  const pairs = new Set<string>()
  const links = asArray(deal.links)
  for (let i = 0; i < links.length && !found.full; i++) {
    const link = asObject(links[i])
    const [id, from, to] = [asString(link.id), asString(link.from), asString(link.to)]
    if (id !== undefined) {
      if (linkIds.has(id)) found.add(['links', i, 'id'], `Duplicate line id "${id}"`)
      linkIds.add(id)
    }
    if (from !== undefined && !ids.has(from)) found.add(['links', i, 'from'], `Line points at unknown stakeholder "${from}"`)
    if (to !== undefined && !ids.has(to)) found.add(['links', i, 'to'], `Line points at unknown stakeholder "${to}"`)
    if (from !== undefined && from === to) found.add(['links', i, 'to'], 'A line cannot join a stakeholder to itself')
    const key = `${rawText(link.kind)}:${from}>${to}`
    if (pairs.has(key)) found.add(['links', i], 'Duplicate line: the same kind of line already joins these two people')
    pairs.add(key)
  }
  if (!found.full) for (const issue of teamReferenceIssues(deal.team, limit - found.issues.length + 1)) found.add(issue.path, issue.message)
  return found.issues
}

/** No seller sits the same seat twice (the part of `dealReferenceIssues` that reads only the team). */
export function teamReferenceIssues(team: unknown, limit = Infinity): ReferenceIssue[] {
  const found = new Found(limit)
  const seats = new Set<string>()
  const list = asArray(team)
  for (let i = 0; i < list.length && !found.full; i++) {
    const seat = asObject(list[i])
    const key = `${rawText(seat.seat)}:${rawText(seat.sellerId)}`
    if (seats.has(key)) found.add(['team', i], `Seller "${rawText(seat.sellerId)}" already sits the ${rawText(seat.seat)} seat`)
    seats.add(key)
  }
  return found.issues
}

export type ReferencePath = (string | number)[]

/** Where in a deal seller ids sit, per stakeholder: one id in each item of these lists (`null` key: the item is the id). */
const STAKEHOLDER_SELLER_SLOTS: ReadonlyArray<readonly [list: string, key: string | null]> = [
  ['ownerIds', null],
  ['relationships', 'sellerId'],
  ['contacts', 'sellerId'],
  ['actions', 'ownerId'],
]

/** `list` with `map` applied to the seller id each item holds; the same array when no id changed. */
function mapList(list: unknown[], key: string | null, map: (id: string, path: () => ReferencePath) => string, path: (j: number) => ReferencePath): unknown[] {
  let out: unknown[] | undefined
  for (let j = 0; j < list.length; j++) {
    const item = list[j]
    const id = asString(key === null ? item : asObject(item)[key])
    if (id === undefined) continue
    const next = map(id, () => path(j))
    if (next === id) continue
    out ??= list.slice()
    out[j] = key === null ? next : { ...asObject(item), [key]: next }
  }
  return out ?? list
}

/**
 * The one walker of seller references: every place a deal names a seller (a seat, an owner,
 * a relationship, a contact, an action's owner) is passed to `map` with its JSON path inside
 * the deal, and the deal comes back with the ids `map` returns. Untouched parts are the same
 * objects, so a walk that only reads (returns each id as given) copies nothing. It reads
 * tolerantly, like the checks above, so `war-room validate` can list the references of a
 * broken file too. The path is built only when asked for.
 */
export function mapSellerReferences<T>(dealValue: T, map: (sellerId: string, path: () => ReferencePath) => string): T {
  const deal = asObject(dealValue)
  const team = asArray(deal.team)
  const nextTeam = mapList(team, 'sellerId', map, (i) => ['team', i, 'sellerId'])
  const people = asArray(deal.stakeholders)
  let nextPeople: unknown[] | undefined
  for (let i = 0; i < people.length; i++) {
    const person = asObject(people[i])
    let changed: Loose | undefined
    for (const [list, key] of STAKEHOLDER_SELLER_SLOTS) {
      const items = asArray(person[list])
      const next = mapList(items, key, map, (j) => ['stakeholders', i, list, j, ...(key === null ? [] : [key])])
      if (next !== items) (changed ??= { ...person })[list] = next
    }
    if (changed) (nextPeople ??= people.slice())[i] = changed
  }
  if (nextTeam === team && !nextPeople) return dealValue
  return { ...deal, ...(nextTeam !== team ? { team: nextTeam } : {}), ...(nextPeople ? { stakeholders: nextPeople } : {}) } as T
}

/** Every seller id a deal mentions, with the JSON path (inside the deal) of each mention. */
export function sellerReferences(dealValue: unknown): Array<{ sellerId: string; path: ReferencePath }> {
  const found: Array<{ sellerId: string; path: ReferencePath }> = []
  mapSellerReferences(dealValue, (sellerId, path) => {
    found.push({ sellerId, path: path() })
    return sellerId
  })
  return found
}

/**
 * Every seller id a deal mentions, each once: what a deal file's roster keeps. No paths are
 * built (`sellerReferences` makes one per mention: a millisecond per 1 MB autosave,
 * docs/performance.md, "Save").
 */
export function referencedSellerIds(dealValue: unknown): Set<string> {
  const ids = new Set<string>()
  mapSellerReferences(dealValue, (sellerId) => {
    ids.add(sellerId)
    return sellerId
  })
  return ids
}

/** Checks across a deal file: unique roster ids and every seller mention resolves in the roster. */
export function fileReferenceIssues(fileValue: unknown, limit = Infinity): ReferenceIssue[] {
  const file = asObject(fileValue)
  const found = new Found(limit)
  const known = new Set<string>()
  const roster = asArray(file.roster)
  for (let i = 0; i < roster.length && !found.full; i++) {
    const id = asString(asObject(roster[i]).id)
    if (id === undefined) continue
    if (known.has(id)) found.add(['roster', i, 'id'], `Duplicate seller id "${id}"`)
    known.add(id)
  }
  mapSellerReferences(file.deal, (sellerId, path) => {
    if (!found.full && !known.has(sellerId)) found.add(['deal', ...path()], `Seller "${sellerId}" is not in the file's roster`)
    return sellerId
  })
  return found.issues
}
