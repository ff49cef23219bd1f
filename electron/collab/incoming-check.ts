import * as Y from 'yjs'
import { checkIncomingUpdate, validateDocState, type StateCheck } from '@shared/collab'

/**
 * `checkIncomingUpdate`, tolerant of updates that arrive before what they build on.
 *
 * After a server restart that lost its last unsaved second, or when a client's queued
 * offline updates reach the server before the sync handshake, an update can reference
 * changes the doc has not got yet. Yjs keeps such structs pending (invisible) and integrates
 * them when the missing part arrives. Refusing them would cut off an honest client; accepting
 * them unchecked would let a hostile one smuggle state in behind a later update. So: the
 * scratch copy keeps the doc's pending structs and the new update, and what is INTEGRATED in
 * it is validated. Pending structs are re-checked every time, with whatever completes them,
 * so the live doc's visible state is always one that passed the deal schema.
 */
export function checkUpdateAllowingPending(doc: Y.Doc, update: Uint8Array): StateCheck {
  const checked = checkIncomingUpdate(doc, update)
  if (checked.ok || checked.reason !== 'missing-dependencies') return checked
  const scratch = new Y.Doc({ gc: doc.gc })
  try {
    // encodeStateAsUpdate carries the doc's pending structs and deletions too.
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc))
    Y.applyUpdate(scratch, update)
    // Validate the integrated state: what a reader of the doc (projection, server store) sees.
    scratch.store.pendingStructs = null
    scratch.store.pendingDs = null
    return validateDocState(scratch)
  } catch (error) {
    return { ok: false, reason: 'malformed', message: `The update cannot be read: ${(error as Error).message}`, issues: [] }
  } finally {
    scratch.destroy()
  }
}
