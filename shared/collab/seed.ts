import type * as Y from 'yjs'
import type { DealFile } from '../model'
import { isSeeded, rootsOf, SEED_ORIGIN, type ChangeAuthor } from './schema'
import { changedTargets, uncoveredTargets } from './change-targets'
import { appendLog, logEntries, writeFileDiff } from './write-diff'

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
