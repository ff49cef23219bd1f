/**
 * The shared deal (#16): the Y.Doc layout, its projection to a plain DealFile, the
 * field-level writer, per-user undo and the checks on remote state. Pure (yjs only): runs in
 * main, the CLI, the server and the page. The only entry other code imports;
 * docs/collaboration.md describes the document for clients in any language.
 */
export {
  ROOT, ORDER_KEY, VERSION_KEY, SEED_ORIGIN, documentName, isSeeded, localOrigin,
  type ChangeAuthor, type ChangeEntry, type LocalOrigin,
} from './schema'
export { seedDoc, seedWithHistory, AlreadySeededError } from './seed'
export { DealProjection } from './projection'
export { applyCommandsToDoc, type ApplyOptions } from './apply'
export { writeDealDiff, type WriteOptions } from './write-diff'
export { createUserUndo } from './undo'
export { checkIncomingUpdate, validateDocState, applyIncomingUpdate, MAX_UPDATE_BYTES, type RefusalReason, type StateCheck } from './validate'
export { changeLog, changeLogBetween, foldBursts, logMark } from './log'
export { authorsOfChange } from './authors'
export { changedTargets, changesWhile, uncoveredTargets, type UpdateChanges } from './change-targets'
export { IncrementalValidator, type IncrementalCheck } from './incremental-validator'
