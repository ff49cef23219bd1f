import { DealSchema, LIMITS, LinkSchema, SellerSchema, StakeholderSchema, TeamSeatSchema, type FileIssue } from '../model'
import { referencedSellerIds, teamReferenceIssues } from '../model/references'
import { sameLineKey } from './line-key'
import { keyedObject, orderOf, readMeta, readPerson, readTeam } from './read'
import type { DealRoots } from './schema'

/**
 * The checks of validate.ts taken apart entry by entry, for IncrementalValidator: each says
 * only whether the entry would pass inside the whole check (read without wrong-type issues,
 * then the zod schema of its place in the deal file), and what it takes part in for the
 * reference checks. Built from the same readers and schemas, so nothing is judged twice in
 * two ways; a refusal's words always come from validateDocState itself.
 */

/** A person: read, then `StakeholderSchema`; the sellers it names (for the roster check). */
export interface PersonEntry {
  ok: boolean
  sellers: readonly string[]
}

const BAD_PERSON: PersonEntry = { ok: false, sellers: [] }

export function checkPersonEntry(id: string, value: unknown): PersonEntry {
  const issues: FileIssue[] = []
  const person = readPerson(id, value, issues)
  if (!person || issues.length > 0) return BAD_PERSON
  const parsed = StakeholderSchema.safeParse(person)
  if (!parsed.success) return BAD_PERSON
  return { ok: true, sellers: [...referencedSellerIds({ stakeholders: [parsed.data] })] }
}

/** A line as `readLinks` reads it, with what its place among the lines depends on. */
export interface LinkEntry {
  /** The stored value this was read from (an entry set again is read again). */
  raw: unknown
  /** Read without issues (a plain object whose id is its key). */
  readOk: boolean
  /** `LinkSchema` accepts it. */
  schemaOk: boolean
  from: unknown
  to: unknown
  kind: unknown
  order: number
  /** Lines with the same key are one line: the first by order, then id, is kept (read.ts). */
  lineKey: string
}

export function checkLinkEntry(key: string, value: unknown): LinkEntry {
  const issues: FileIssue[] = []
  const link = keyedObject(key, value, 'id', '', issues)
  const readOk = link !== undefined && issues.length === 0
  const l = link ?? {}
  return {
    raw: value,
    readOk,
    schemaOk: readOk && LinkSchema.safeParse(link).success,
    from: l.from,
    to: l.to,
    kind: l.kind,
    order: orderOf(value),
    lineKey: sameLineKey(l as { from: string; to: string; kind: 'ally' }),
  }
}

/**
 * The lines as a whole (validate.ts reads them with `readLinks`, the deal schema checks them):
 * every entry read without issues; of the lines not dropped (an end deleted concurrently),
 * one per line key; each kept line valid, joining two different people the doc has, no two
 * of the same kind between the same two; at most `LIMITS.links`.
 */
export function linksPass(entries: ReadonlyMap<string, LinkEntry>, people: DealRoots['people']): boolean {
  const dropped = (end: unknown) => typeof end === 'string' && !people.has(end) && people._map.get(end)?.deleted === true
  const kept = new Map<string, [string, LinkEntry]>()
  for (const [key, entry] of entries) {
    if (!entry.readOk) return false
    if (dropped(entry.from) || dropped(entry.to)) continue
    const first = kept.get(entry.lineKey)
    if (!first || entry.order < first[1].order || (entry.order === first[1].order && key < first[0])) kept.set(entry.lineKey, [key, entry])
  }
  if (kept.size > LIMITS.links) return false
  const pairs = new Set<string>()
  for (const [, entry] of kept.values()) {
    if (!entry.schemaOk) return false
    const { from, to } = entry as { from: string; to: string }
    if (!people.has(from) || !people.has(to) || from === to) return false
    const pair = `${String(entry.kind)}:${from}>${to}`
    if (pairs.has(pair)) return false
    pairs.add(pair)
  }
  return true
}

/** A seller entry: read without issues; `SellerSchema` (checked only when the deal names it). */
export interface SellerEntry {
  readOk: boolean
  schemaOk: boolean
}

export function checkSellerEntry(key: string, value: unknown): SellerEntry {
  const issues: FileIssue[] = []
  const seller = keyedObject(key, value, 'id', '', issues)
  const readOk = seller !== undefined && issues.length === 0
  return { readOk, schemaOk: readOk && SellerSchema.safeParse(seller).success }
}

/** The team (at most 100 seats, read whole): its seats valid, none twice; the sellers it names. */
export function checkTeam(team: DealRoots['team']): { ok: boolean; sellers: readonly string[] } {
  const issues: FileIssue[] = []
  const seats = readTeam(team, issues)
  const ok = issues.length === 0 && seats.length <= LIMITS.team && seats.every((s) => TeamSeatSchema.safeParse(s).success) && teamReferenceIssues(seats).length === 0
  return { ok, sellers: ok ? [...referencedSellerIds({ team: seats })] : [] }
}

/** The deal's own facts (`meta`), as the deal schema checks them (the lists apart). */
export function checkMeta(meta: DealRoots['meta']): boolean {
  const issues: FileIssue[] = []
  const facts = readMeta(meta, issues)
  return issues.length === 0 && DealSchema.safeParse({ ...facts, stakeholders: [], links: [], team: [] }).success
}
