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
    const key = `${String(link.kind)}:${from}>${to}`
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
    const key = `${String(seat.seat)}:${String(seat.sellerId)}`
    if (seats.has(key)) found.add(['team', i], `Seller "${String(seat.sellerId)}" already sits the ${String(seat.seat)} seat`)
    seats.add(key)
  }
  return found.issues
}

/**
 * Every seller id a deal mentions, with the JSON path (inside the deal) of each mention, one
 * at a time: a caller that stops early never walks (or holds) the rest.
 */
export function* sellerMentions(dealValue: unknown): Generator<{ sellerId: string; path: (string | number)[] }> {
  const deal = asObject(dealValue)
  function* one(v: unknown, path: () => (string | number)[]) {
    const id = asString(v)
    if (id !== undefined) yield { sellerId: id, path: path() }
  }
  const team = asArray(deal.team)
  for (let i = 0; i < team.length; i++) yield* one(asObject(team[i]).sellerId, () => ['team', i, 'sellerId'])
  const people = asArray(deal.stakeholders)
  for (let i = 0; i < people.length; i++) {
    const s = asObject(people[i])
    const owners = asArray(s.ownerIds)
    for (let j = 0; j < owners.length; j++) yield* one(owners[j], () => ['stakeholders', i, 'ownerIds', j])
    const relationships = asArray(s.relationships)
    for (let j = 0; j < relationships.length; j++) yield* one(asObject(relationships[j]).sellerId, () => ['stakeholders', i, 'relationships', j, 'sellerId'])
    const contacts = asArray(s.contacts)
    for (let j = 0; j < contacts.length; j++) yield* one(asObject(contacts[j]).sellerId, () => ['stakeholders', i, 'contacts', j, 'sellerId'])
    const actions = asArray(s.actions)
    for (let j = 0; j < actions.length; j++) yield* one(asObject(actions[j]).ownerId, () => ['stakeholders', i, 'actions', j, 'ownerId'])
  }
}

/** Every seller id a deal mentions, with the JSON path (inside the deal) of each mention. */
export function sellerReferences(dealValue: unknown): Array<{ sellerId: string; path: (string | number)[] }> {
  return [...sellerMentions(dealValue)]
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
  for (const ref of sellerMentions(file.deal)) {
    if (found.full) break
    if (!known.has(ref.sellerId)) found.add(['deal', ...ref.path], `Seller "${ref.sellerId}" is not in the file's roster`)
  }
  return found.issues
}
