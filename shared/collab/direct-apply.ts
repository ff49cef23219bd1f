import * as Y from 'yjs'
import { applyCommand, type CommandContext, type DealCommand } from '../commands'
import { DEAL_VERSION, type Deal, type DealFile, type Seller, type Stakeholder } from '../model'
import { changesOnlyItsParts, isDealLevelCommand, writeDealCommand } from './direct-deal-ops'
import { directFields, isPersonCommand, peopleOf, writePersonCommand } from './direct-person-ops'
import type { DealProjection } from './projection'
import { maxOrder } from './read'
import { fieldTarget, ORDER_KEY, PERSON_LIST_KEYS, VERSION_KEY, type DealRoots } from './schema'
import { personSellerIds, teamSellerIds } from './seller-refs'

/**
 * The direct path of a local edit (docs/collaboration.md, "The direct path"): each command is
 * checked and computed by `applyCommand` itself, but on what it touches only, and written as
 * the Y operations its kind means (direct-person-ops.ts, direct-deal-ops.ts), with no diff of
 * the deal. A command of one person runs on a deal holding that person alone (every such
 * command reads nothing else: shared/commands/edit-stakeholder.ts), found through the
 * projection's index; so an edit of a 1,000-person deal costs one person, not a walk of the
 * list (bench row collab-edit-local-cost).
 *
 * `planDirect` returns null when the batch has a command with no direct mapping, or one whose
 * result changed more than its mapping writes: apply.ts then takes the general way (the diff,
 * write-diff.ts), which is right for any command. A command `applyCommand` refuses throws its
 * CommandError here, before anything is written.
 */

/** One command's writes, run inside the batch's transaction; returns the log targets. */
export interface DirectStep {
  command: string
  write(roots: DealRoots): string[]
}

interface PlanInput {
  roots: DealRoots
  projection: DealProjection
  start: DealFile
  commands: readonly DealCommand[]
  context: CommandContext
  /** The workspace's sellers with the doc's own: where a seller a command names first comes from. */
  workspace: ReadonlyMap<string, Seller>
  /** The ids of the sellers the doc's deal references now. */
  rosterIds: ReadonlySet<string>
}

export function planDirect(input: PlanInput): DirectStep[] | null {
  const { roots, commands } = input
  if (roots.meta.get(VERSION_KEY) !== DEAL_VERSION) return null // the general writer upgrades the doc
  const allPersonal = commands.every(isPersonCommand)
  // A deal-level command reads the whole deal: alone in its batch, that is the projection's.
  if (!allPersonal && !(commands.length === 1 && isDealLevelCommand(commands[0]))) return null
  const sellers = new NewSellers(input.rosterIds, input.workspace)
  if (!allPersonal) {
    const command = commands[0]
    if (!isDealLevelCommand(command)) return null
    const before = input.start.deal
    const after = applyCommand(before, command, input.context)
    if (after === before) return []
    if (!changesOnlyItsParts(before, after, command)) return null
    const added = sellers.namedBy(after.team !== before.team ? teamSellerIds(after.team) : [], after.stakeholders.slice(before.stakeholders.length))
    return [{ command: command.type, write: (r) => [...writeDealCommand(r, before, after, command), ...writeSellers(r, added)] }]
  }
  /** People changed by earlier commands of the batch: a later one sees their new state. */
  const changedBefore = new Map<string, Stakeholder>()
  const steps: DirectStep[] = []
  for (const command of commands) {
    if (!isPersonCommand(command)) return null
    const people: Stakeholder[] = []
    for (const id of peopleOf(command)) {
      const p = changedBefore.get(id) ?? input.projection.person(id)
      if (p) people.push(p)
    }
    const alone: Deal = { ...input.start.deal, stakeholders: people }
    const result = applyCommand(alone, command, input.context)
    if (result === alone) continue
    if (result.links !== alone.links || result.team !== alone.team || result.stakeholders.length !== people.length) return null
    const writes: Array<{ m: Y.Map<unknown>; before: Stakeholder; after: Stakeholder; fields: string[] }> = []
    for (let i = 0; i < people.length; i++) {
      const before = people[i]
      const after = result.stakeholders[i]
      if (after === before) continue
      const m = roots.people.get(before.id)
      if (after.id !== before.id || !(m instanceof Y.Map)) return null
      const fields = directFields(m, before, after, command)
      if (fields === null) return null
      changedBefore.set(after.id, after)
      if (fields.length > 0) writes.push({ m, before, after, fields })
    }
    if (writes.length === 0) continue
    // Only a list (owners, relationships, contacts, actions) names a seller.
    const added = writes.some((w) => w.fields.some((f) => PERSON_LIST_KEYS.has(f))) ? sellers.namedBy([], writes.map((w) => w.after)) : []
    steps.push({
      command: command.type,
      write: (r) => {
        const targets: string[] = []
        for (const w of writes) {
          writePersonCommand(w.m, w.before, w.after, command, w.fields)
          targets.push(w.after.id, ...w.fields.map((f) => fieldTarget(w.after.id, f)))
        }
        return [...targets, ...writeSellers(r, added)]
      },
    })
  }
  return steps
}

/**
 * Sellers a step names that the doc's roster does not have yet (apply.ts `withNewSellers`, for
 * what the step changed only): they go into `sellers` with the step.
 */
class NewSellers {
  /** Added by earlier steps of the batch. */
  private readonly added = new Set<string>()
  constructor(private readonly roster: ReadonlySet<string>, private readonly workspace: ReadonlyMap<string, Seller>) {}
  namedBy(seatIds: readonly string[], people: readonly Stakeholder[]): Seller[] {
    const added: Seller[] = []
    const take = (id: string) => {
      const s = this.workspace.get(id)
      if (this.roster.has(id) || this.added.has(id) || !s) return
      this.added.add(id)
      added.push(s)
    }
    for (const id of seatIds) take(id)
    for (const p of people) for (const id of personSellerIds(p)) take(id)
    return added
  }
}

/** `set` of each new seller in `sellers`, keeping an order number the doc gave it before. */
function writeSellers(roots: DealRoots, sellers: readonly Seller[]): string[] {
  let top: number | undefined
  return sellers.map((s) => {
    const stored = roots.sellers.get(s.id)
    const order = stored ? stored[ORDER_KEY] : (top = (top ?? maxOrder(roots.sellers as Y.Map<unknown>)) + 1)
    roots.sellers.set(s.id, { ...s, [ORDER_KEY]: order })
    return `seller:${s.id}`
  })
}
