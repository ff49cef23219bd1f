import { z } from 'zod'
import { LIMITS } from './limits'
import { Id } from './primitives'
import type { Deal, Link } from './deal'
import type { Stakeholder } from './stakeholder'

/**
 * An autosave as the page sends it (`deal:save-changes`): the deal's own fields, the order of
 * its people by id, and only the people (and the lines, when they changed) that differ from
 * the version main last accepted, named by `base`. Main rebuilds the whole deal from what it
 * remembers and validates it as any deal, so a save parses what changed, not 1 MB of people
 * it already holds (docs/performance.md, "Save"). A `base` main does not hold (it restarted,
 * another window saved, a save failed after validation) is answered `stale`, and the page
 * sends the whole deal instead: a patch is never applied to another version than its own.
 */
export interface DealChanges {
  /** The revision main answered the last open or save with. */
  base: string
  /** Every field of the deal but `stakeholders` and `links`. */
  deal: Omit<Deal, 'stakeholders' | 'links'>
  /**
   * The ids of all the deal's people, in order; absent when they are `base`'s, in its order
   * (an autosave after a drag or a typed field), and `changedAt` then says where each changed
   * person sits, so 807 ids do not cross IPC on every autosave.
   */
  stakeholderIds?: string[]
  /** The people added or changed since `base`, whole. */
  changed: Stakeholder[]
  /** With no `stakeholderIds`: the position of each `changed` person, in the same order. */
  changedAt?: number[]
  /** The whole list of lines, only when it changed since `base`. */
  links?: Link[]
}

/**
 * What `deal` changes of `base` (the version main accepted as `revision`), as
 * `deal:save-changes` takes it: its people are compared with the base's object by object,
 * position by position (edits are immutable updates, so an unchanged person keeps its object).
 */
export function changesBetween(base: Deal, revision: string, deal: Deal): DealChanges {
  const { stakeholders, links, ...fields } = deal
  const before = base.stakeholders
  const lines = links !== base.links ? { links } : {}
  let sameOrder = stakeholders.length === before.length
  const changed: Stakeholder[] = []
  const changedAt: number[] = []
  for (let i = 0; i < stakeholders.length && sameOrder; i++) {
    if (stakeholders[i] === before[i]) continue
    if (stakeholders[i].id !== before[i].id) sameOrder = false
    changed.push(stakeholders[i])
    changedAt.push(i)
  }
  if (sameOrder) return { base: revision, deal: fields, changed, changedAt, ...lines }
  const held = new Set<Stakeholder>(before)
  return { base: revision, deal: fields, stakeholderIds: stakeholders.map((s) => s.id), changed: stakeholders.filter((s) => !held.has(s)), ...lines }
}

/** The envelope; the deal's fields and the people in it are checked as the deal's own (deal-validator.ts). */
export const DealChangesEnvelope = z.strictObject({
  base: z.string().min(1).max(100),
  deal: z.looseObject({ id: Id }),
  // Not checked one by one here (807 id checks were most of a 1 MB autosave's validation):
  // each names a person main holds, whose id was validated, or one sent, validated with it.
  stakeholderIds: z.custom<string[]>((value) => Array.isArray(value) && value.length <= LIMITS.stakeholders, { message: `Expected at most ${LIMITS.stakeholders} ids` }).optional(),
  changed: z.array(z.unknown()).max(LIMITS.stakeholders),
  changedAt: z.array(z.number().int().nonnegative()).max(LIMITS.stakeholders).optional(),
  links: z.array(z.unknown()).max(LIMITS.links).optional(),
})

/** What main remembers of the version it last accepted (deal-validator.ts). */
export interface AcceptedVersion {
  revision: string
  people: AcceptedPeople
  links: readonly Link[]
}

/**
 * The people of an accepted version, in order. A person is looked for first where it was in
 * that version: an autosave's ids are almost always the same ones in the same order, and
 * comparing one id is cheaper than hashing every id (fresh strings from IPC) into a map per
 * save. The map by id is built only when an id is not where it was.
 */
export class AcceptedPeople {
  private byId: Map<string, Stakeholder> | undefined

  constructor(readonly list: readonly Stakeholder[]) {}

  find(id: string, at: number): Stakeholder | undefined {
    const there = this.list[at]
    if (there !== undefined && there.id === id) return there
    this.byId ??= new Map(this.list.map((p) => [p.id, p]))
    return this.byId.get(id)
  }
}

/** Up to this many changed people are found by comparing ids, not through a map. */
const FEW = 8

export type Rebuilt = { kind: 'deal'; value: Record<string, unknown> } | { kind: 'stale' } | { kind: 'malformed'; message: string }

/**
 * The whole deal the changes describe, built on `accepted` (the version they were made from),
 * unvalidated: the caller validates it as any deal. The people not in `changed` are the very
 * objects main validated, so validating them again costs an identity lookup.
 */
export function rebuildDeal(changes: z.output<typeof DealChangesEnvelope>, accepted: AcceptedVersion | undefined): Rebuilt {
  if (!accepted || accepted.revision !== changes.base) return { kind: 'stale' }
  const changed = new Map<string, unknown>()
  for (const person of changes.changed) {
    const id = typeof person === 'object' && person !== null ? (person as { id?: unknown }).id : undefined
    if (typeof id !== 'string') return { kind: 'malformed', message: 'A changed person has no id.' }
    if (changed.has(id)) return { kind: 'malformed', message: `The person ${id} is sent twice.` }
    changed.set(id, person)
  }
  if (changes.stakeholderIds === undefined) return inPlace(changes, changed, accepted)
  if (changes.changedAt !== undefined) return { kind: 'malformed', message: 'Positions are sent only without the list of ids.' }
  const stakeholders: unknown[] = new Array(changes.stakeholderIds.length)
  // Which sent people the ids name: a set as small as what changed, not one of every id. A
  // few sent ids are compared one by one rather than each id hashed into `changed`.
  const listed = new Set<string>()
  const sentIds = changed.size <= FEW ? [...changed.keys()] : null
  for (let i = 0; i < stakeholders.length; i++) {
    const id = changes.stakeholderIds[i]
    if (typeof id !== 'string') return { kind: 'malformed', message: 'A person id is not text.' }
    const sent = sentIds === null || sentIds.includes(id) ? changed.get(id) : undefined
    if (sent !== undefined) listed.add(id)
    const person = sent ?? accepted.people.find(id, i)
    // Neither sent nor held: the page's base is not the version main holds.
    if (person === undefined) return { kind: 'stale' }
    stakeholders[i] = person
  }
  if (listed.size < changed.size) for (const id of changed.keys()) if (!listed.has(id)) return { kind: 'malformed', message: `The changed person ${id} is not among the deal's people.` }
  return { kind: 'deal', value: withPeople(changes, stakeholders, accepted) }
}

/** The accepted version's people with each changed person put at its position (`changedAt`), which held the same id. */
function inPlace(changes: z.output<typeof DealChangesEnvelope>, changed: Map<string, unknown>, accepted: AcceptedVersion): Rebuilt {
  const at = changes.changedAt
  if (at === undefined || at.length !== changes.changed.length) return { kind: 'malformed', message: 'Each changed person needs its position.' }
  const stakeholders: unknown[] = accepted.people.list.slice()
  let j = 0
  for (const [id, person] of changed) {
    const i = at[j++]
    // Not the id the accepted version has there: the page's base is not the version main holds.
    if (i >= stakeholders.length || accepted.people.list[i].id !== id) return { kind: 'stale' }
    stakeholders[i] = person
  }
  return { kind: 'deal', value: withPeople(changes, stakeholders, accepted) }
}

function withPeople(changes: z.output<typeof DealChangesEnvelope>, stakeholders: unknown[], accepted: AcceptedVersion): Record<string, unknown> {
  const { stakeholders: _s, links: _l, ...fields } = changes.deal as Record<string, unknown>
  return { ...fields, stakeholders, links: changes.links ?? accepted.links }
}
