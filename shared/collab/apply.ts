import type * as Y from 'yjs'
import { applyCommand, CommandError, type CommandContext, type DealCommand } from '../commands'
import { newId, type Deal, type DealFile, type Seller } from '../model'
import { personSellerIds, teamSellerIds } from './seller-refs'
import { DealProjection } from './projection'
import { isSeeded, MAX_TARGETS, rootsOf, type ChangeAuthor } from './schema'
import { changedTargets, uncoveredTargets } from './change-targets'
import { appendLog, changedInPlace, logEntries, writeFileDiff, type InPlacePairs } from './write-diff'
import { planDirect, type DirectStep } from './direct-apply'

/**
 * The roster after an edit: the one before plus any seller the changed people or seats name
 * for the first time (the doc never drops a seller, schema.ts). Reads only what changed.
 */
function withNewSellers(roster: readonly Seller[], before: Deal, after: Deal, pairs: InPlacePairs, workspace: ReadonlyMap<string, Seller>): Seller[] {
  const known = new Set(roster.map((s) => s.id))
  const added: Seller[] = []
  const take = (ids: readonly string[]) => {
    for (const id of ids) {
      const s = workspace.get(id)
      if (!known.has(id) && s) {
        known.add(id)
        added.push(s)
      }
    }
  }
  if (after.team !== before.team) take(teamSellerIds(after.team))
  if (after.stakeholders !== before.stakeholders) {
    if (pairs) for (const [, s] of pairs) take(personSellerIds(s))
    else {
      const old = new Map(before.stakeholders.map((s) => [s.id, s]))
      for (const s of after.stakeholders) if (old.get(s.id) !== s) take(personSellerIds(s))
    }
  }
  return added.length === 0 ? (roster as Seller[]) : [...roster, ...added]
}

interface SellerLookup {
  /** The workspace's sellers, then the doc's own: where a seller a command names comes from. */
  workspace: ReadonlyMap<string, Seller>
  context: CommandContext
  /** The ids of the doc's roster (the sellers the deal references). */
  rosterIds: ReadonlySet<string>
}
let lastLookup: { sellers: readonly Seller[]; roster: readonly Seller[]; lookup: SellerLookup } | null = null

/**
 * The sellers' indexes, kept while the caller passes the same workspace list and the doc's
 * roster is unchanged (the projection keeps its array): an edit does not re-index every seller.
 */
function sellerLookup(sellers: readonly Seller[], roster: readonly Seller[]): SellerLookup {
  if (lastLookup && lastLookup.sellers === sellers && lastLookup.roster === roster) return lastLookup.lookup
  const workspace = new Map(sellers.map((s) => [s.id, s]))
  for (const s of roster) if (!workspace.has(s.id)) workspace.set(s.id, s)
  const lookup = { workspace, context: { sellers: new Set(workspace.keys()) }, rosterIds: new Set(roster.map((s) => s.id)) }
  lastLookup = { sellers, roster, lookup }
  return lookup
}

export interface ApplyOptions {
  /** The client's local origin (schema.ts `localOrigin`): what its undo manager tracks. */
  origin: unknown
  author: ChangeAuthor
  /** The workspace's sellers: a command may seat or name one the doc does not carry yet. */
  sellers: readonly Seller[]
  /** ISO timestamp for the log entries. */
  at: string
  /** The doc's projection, when the caller keeps one (saves deriving the deal again). */
  projection?: DealProjection
  /** false: always the general way (apply, then diff), even for commands with a direct mapping. */
  direct?: boolean
}

/**
 * Run the commands as `applyCommand` does (same checks, same CommandError) on the doc's
 * current deal, and write the result as field-level Y operations in ONE transaction with
 * `origin`, one `log` entry per command. A refused command writes nothing of the batch.
 * Returns the new deal file.
 *
 * Two ways to the same doc (docs/collaboration.md, "The direct path"): a batch whose every
 * command has a direct mapping is written as the ops each command means (direct-apply.ts);
 * any other batch is applied to the plain deal and its difference written (write-diff.ts).
 * `direct: false` forces the general way (the property test compares the two).
 */
export function applyCommandsToDoc(doc: Y.Doc, commands: readonly DealCommand[], options: ApplyOptions): DealFile {
  if (!isSeeded(doc)) throw new CommandError('wrong-deal', 'This document holds no deal yet')
  const projection = options.projection ?? new DealProjection(doc)
  try {
    const start = projection.file()
    const { workspace, context, rosterIds } = sellerLookup(options.sellers, start.roster)
    const roots = rootsOf(doc)
    const direct = options.direct === false ? null : planDirect({ roots, projection, start, commands, context, workspace, rosterIds })
    if (direct) {
      writeDirect(doc, roots, direct, options)
      return projection.file()
    }
    // Compute every step first: a command that throws leaves the doc untouched.
    const steps: Array<{ before: DealFile; after: DealFile; command: string; pairs: InPlacePairs }> = []
    let file = start
    for (const command of commands) {
      const deal = applyCommand(file.deal, command, context)
      if (deal === file.deal) continue
      // Walked once per step, shared by the roster check and the writer (one 1,000-person walk, not two).
      const pairs = deal.stakeholders === file.deal.stakeholders ? null : changedInPlace(file.deal.stakeholders, deal.stakeholders)
      const next = { ...file, deal, roster: withNewSellers(file.roster, file.deal, deal, pairs, workspace) }
      steps.push({ before: file, after: next, command: command.type, pairs })
      file = next
    }
    if (steps.length === 0) return start
    doc.transact((tr) => {
      const written = steps.map((step) => ({ command: step.command, targets: writeFileDiff(roots, step.before, step.after, step.pairs) }))
      // The server refuses a change no entry of ours names (docs/collaboration.md, "Authors are
      // checked"): what the diff did not name (tests/unit/collab/logged-targets.test.ts says
      // nothing) goes to the last entry, read off the transaction as the server reads it.
      written[written.length - 1].targets.push(...uncoveredTargets(changedTargets(tr), written))
      for (const { command, targets } of written) appendLog(roots, logEntries(targets, { author: options.author, at: options.at, command }))
    }, options.origin)
    return projection.file()
  } finally {
    if (!options.projection) projection.destroy()
  }
}

/**
 * The direct steps in one transaction with the caller's origin, each command's log entry with
 * them. Each mapping names what it writes (each person before their fields, each once: the
 * shape splitTargets gives), so the entries cover the change as the server checks it
 * ("Authors are checked"); tests/unit/collab/direct-path.property.test.ts proves it for random
 * commands, so the read-back of the transaction the general way needs is not paid here.
 */
function writeDirect(doc: Y.Doc, roots: ReturnType<typeof rootsOf>, steps: readonly DirectStep[], options: ApplyOptions): void {
  if (steps.length === 0) return
  doc.transact(() => {
    for (const step of steps) {
      const targets = step.write(roots)
      if (targets.length === 0) continue
      const at = options.at
      const author = { name: options.author.name, email: options.author.email }
      if (targets.length <= MAX_TARGETS) appendLog(roots, { id: newId(), at, author, command: step.command, targets })
      else appendLog(roots, logEntries(targets, { author, at, command: step.command }))
    }
  }, options.origin)
}
