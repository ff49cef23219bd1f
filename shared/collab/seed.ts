import type * as Y from 'yjs'
import type { DealFile } from '../model'
import { isSeeded, rootsOf, SEED_ORIGIN, type ChangeAuthor } from './schema'
import { changedTargets, uncoveredTargets } from './change-targets'
import { appendLog, logEntries, writeDealDiff, writeFileDiff } from './write-diff'

export class AlreadySeededError extends Error {
  constructor() {
    super('This document already holds a deal: a doc is seeded exactly once, when the deal is first shared')
    this.name = 'AlreadySeededError'
  }
}

/**
 * Put an existing deal into an empty doc, once (contract, "Seeding"): seeding a doc that
 * already holds state would duplicate every person as concurrent history, as Hocuspocus's own
 * docs warn, so it is refused.
 */
export function seedDoc(doc: Y.Doc, file: DealFile, options: { author?: ChangeAuthor; at?: string } = {}): void {
  if (isSeeded(doc)) throw new AlreadySeededError()
  const roots = rootsOf(doc)
  if (roots.people.size > 0 || roots.links.size > 0 || roots.meta.size > 0) throw new AlreadySeededError()
  doc.transact((tr) => {
    const targets = writeFileDiff(roots, null, file)
    targets.push(...uncoveredTargets(changedTargets(tr), [{ targets }]))
    if (options.author) appendLog(roots, logEntries(targets, { author: options.author, at: options.at ?? new Date().toISOString(), command: 'seed' }))
  }, SEED_ORIGIN)
}

/**
 * Seed `doc` with a private deal and the states before its last undo steps (`earlier`, oldest
 * first): the oldest is the seed, each later state one transaction with `origin`, so the user's
 * undo manager holds those edits as steps (docs/collaboration-app.md, "Undo across sharing").
 * Returns how many steps were replayed.
 */
export function seedWithHistory(doc: Y.Doc, file: DealFile, earlier: readonly DealFile['deal'][], options: { origin: unknown; author: ChangeAuthor; at: string }): number {
  const states = [...earlier.map((deal) => ({ ...file, deal: asHistoryOf(file.deal, deal) })), file]
  seedDoc(doc, states[0], { author: options.author, at: options.at })
  let replayed = 0
  for (let i = 1; i < states.length; i++) {
    // One transaction per step (the undo manager's captureTimeout is 0): one Ctrl+Z each.
    if (writeDealDiff(doc, states[i - 1], states[i], { ...options, command: 'edit-before-sharing' }).length > 0) replayed++
  }
  return replayed
}

/**
 * `earlier` as the replay reads it: with the file's save stamp, and each card linked to the
 * account person the file's card names. Neither is an edit of the user's to replay, undo or
 * list in "What changed": a save stamps the deal whenever it writes, and sharing links the
 * cards just before the first state leaves the laptop (docs/method.md, "One person, several
 * ids"), each a step of the page's history of its own.
 */
function asHistoryOf(file: DealFile['deal'], earlier: DealFile['deal']): DealFile['deal'] {
  const personIds = new Map<string, string>()
  for (const s of file.stakeholders) if (s.personId) personIds.set(s.id, s.personId)
  const { updatedAt: _stamp, ...rest } = earlier
  const stamped = file.updatedAt === undefined ? rest : { ...rest, updatedAt: file.updatedAt }
  if (personIds.size === 0) return stamped
  return {
    ...stamped,
    stakeholders: earlier.stakeholders.map((s) => {
      const personId = personIds.get(s.id)
      return personId === undefined || s.personId === personId ? s : { ...s, personId }
    }),
  }
}
