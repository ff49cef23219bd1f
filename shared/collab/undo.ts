import * as Y from 'yjs'
import { rootsOf } from './schema'

/**
 * Per-user undo (contract, "Origins"): only transactions with this client's local origin are
 * tracked, so undo and redo never touch a colleague's edit. The log is not tracked: an undone
 * edit stays in "What changed". Each transaction is its own step (captureTimeout 0); the app's
 * own merge policy (a drag, a burst of typing) decides what one step is.
 */
export function createUserUndo(doc: Y.Doc, origin: unknown, options: { captureTimeout?: number } = {}): Y.UndoManager {
  const { meta, people, links, team, sellers } = rootsOf(doc)
  return new Y.UndoManager([meta, people, links, team, sellers], {
    trackedOrigins: new Set([origin]),
    captureTimeout: options.captureTimeout ?? 0,
  })
}
