/**
 * Cross-reference checks (unique ids, lines and seats that point at something real).
 * They read the data tolerantly, so the same checks run inside the zod schemas on parsed
 * data AND on raw input whose fields are broken: `war-room validate` then reports every
 * problem of a file at once instead of hiding the dangling references until the field
 * errors are fixed.
 */
export interface ReferenceIssue {
  path: (string | number)[]
  message: string
}

type Loose = Record<string, unknown>
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])
const asObject = (v: unknown): Loose => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Loose) : {})
const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

/** Checks inside one deal: unique ids, lines join two different existing people, no duplicate line or seat. */
export function dealReferenceIssues(dealValue: unknown): ReferenceIssue[] {
  const deal = asObject(dealValue)
  const issues: ReferenceIssue[] = []
  const ids = new Set<string>()
  asArray(deal.stakeholders).forEach((s, i) => {
    const id = asString(asObject(s).id)
    if (id === undefined) return
    if (ids.has(id)) issues.push({ path: ['stakeholders', i, 'id'], message: `Duplicate stakeholder id "${id}"` })
    ids.add(id)
  })
  const linkIds = new Set<string>()
  const pairs = new Set<string>()
  asArray(deal.links).forEach((linkValue, i) => {
    const link = asObject(linkValue)
    const [id, from, to] = [asString(link.id), asString(link.from), asString(link.to)]
    if (id !== undefined) {
      if (linkIds.has(id)) issues.push({ path: ['links', i, 'id'], message: `Duplicate line id "${id}"` })
      linkIds.add(id)
    }
    if (from !== undefined && !ids.has(from)) issues.push({ path: ['links', i, 'from'], message: `Line points at unknown stakeholder "${from}"` })
    if (to !== undefined && !ids.has(to)) issues.push({ path: ['links', i, 'to'], message: `Line points at unknown stakeholder "${to}"` })
    if (from !== undefined && from === to) issues.push({ path: ['links', i, 'to'], message: 'A line cannot join a stakeholder to itself' })
    const key = `${String(link.kind)}:${from}>${to}`
    if (pairs.has(key)) issues.push({ path: ['links', i], message: 'Duplicate line: the same kind of line already joins these two people' })
    pairs.add(key)
  })
  issues.push(...teamReferenceIssues(deal.team))
  return issues
}

/** No seller sits the same seat twice (the part of `dealReferenceIssues` that reads only the team). */
export function teamReferenceIssues(team: unknown): ReferenceIssue[] {
  const issues: ReferenceIssue[] = []
  const seats = new Set<string>()
  asArray(team).forEach((seatValue, i) => {
    const seat = asObject(seatValue)
    const key = `${String(seat.seat)}:${String(seat.sellerId)}`
    if (seats.has(key)) issues.push({ path: ['team', i], message: `Seller "${String(seat.sellerId)}" already sits the ${String(seat.seat)} seat` })
    seats.add(key)
  })
  return issues
}

/** Every seller id a deal mentions, with the JSON path (inside the deal) of each mention. */
export function sellerReferences(dealValue: unknown): Array<{ sellerId: string; path: (string | number)[] }> {
  const deal = asObject(dealValue)
  const refs: Array<{ sellerId: string; path: (string | number)[] }> = []
  const add = (v: unknown, path: (string | number)[]) => {
    const id = asString(v)
    if (id !== undefined) refs.push({ sellerId: id, path })
  }
  asArray(deal.team).forEach((t, i) => add(asObject(t).sellerId, ['team', i, 'sellerId']))
  asArray(deal.stakeholders).forEach((sValue, i) => {
    const s = asObject(sValue)
    asArray(s.ownerIds).forEach((id, j) => add(id, ['stakeholders', i, 'ownerIds', j]))
    asArray(s.relationships).forEach((r, j) => add(asObject(r).sellerId, ['stakeholders', i, 'relationships', j, 'sellerId']))
    asArray(s.contacts).forEach((c, j) => add(asObject(c).sellerId, ['stakeholders', i, 'contacts', j, 'sellerId']))
    asArray(s.actions).forEach((a, j) => add(asObject(a).ownerId, ['stakeholders', i, 'actions', j, 'ownerId']))
  })
  return refs
}

/** Checks across a deal file: unique roster ids and every seller mention resolves in the roster. */
export function fileReferenceIssues(fileValue: unknown): ReferenceIssue[] {
  const file = asObject(fileValue)
  const issues: ReferenceIssue[] = []
  const known = new Set<string>()
  asArray(file.roster).forEach((s, i) => {
    const id = asString(asObject(s).id)
    if (id === undefined) return
    if (known.has(id)) issues.push({ path: ['roster', i, 'id'], message: `Duplicate seller id "${id}"` })
    known.add(id)
  })
  for (const ref of sellerReferences(file.deal)) {
    if (!known.has(ref.sellerId)) issues.push({ path: ['deal', ...ref.path], message: `Seller "${ref.sellerId}" is not in the file's roster` })
  }
  return issues
}
