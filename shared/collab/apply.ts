import type * as Y from 'yjs'
import { applyCommand, CommandError, type DealCommand } from '../commands'
import type { Deal, DealFile, Seller } from '../model'
import { personSellerIds, teamSellerIds } from './seller-refs'
import { DealProjection } from './projection'
import { isSeeded, rootsOf, type ChangeAuthor } from './schema'
import { changedTargets, uncoveredTargets } from './change-targets'
import { appendLog, changedInPlace, logEntries, writeFileDiff, type InPlacePairs } from './write-diff'

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
}

/**
 * Run the commands as `applyCommand` does (same checks, same CommandError) on the doc's
 * current deal, and write the result as field-level Y operations in ONE transaction with
 * `origin`, one `log` entry per command. A refused command writes nothing of the batch.
 * Returns the new deal file.
 */
export function applyCommandsToDoc(doc: Y.Doc, commands: readonly DealCommand[], options: ApplyOptions): DealFile {
  if (!isSeeded(doc)) throw new CommandError('wrong-deal', 'This document holds no deal yet')
  const projection = options.projection ?? new DealProjection(doc)
  try {
    const start = projection.file()
    const workspace = new Map(options.sellers.map((s) => [s.id, s]))
    for (const s of start.roster) if (!workspace.has(s.id)) workspace.set(s.id, s)
    const context = { sellers: new Set(workspace.keys()) }
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
    const roots = rootsOf(doc)
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
