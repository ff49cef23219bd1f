import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'

/** Hocuspocus message types (`@hocuspocus/server` MessageType) and Yjs sync steps (y-protocols/sync). */
const MESSAGE_SYNC = 0
const MESSAGE_SYNC_REPLY = 4
const SYNC_STEP_2 = 1
const SYNC_UPDATE = 2

/**
 * The document update a Hocuspocus message carries, if any: a sync step 2 or an update, the
 * only messages that change a document. Anything else (awareness, auth, step 1) is null.
 * Bytes that do not decode throw: Hocuspocus would throw on them too.
 */
export function documentUpdateOf(message: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(message)
  decoding.readVarString(decoder)
  const type = decoding.readVarUint(decoder)
  if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return null
  const step = decoding.readVarUint(decoder)
  if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return null
  return decoding.readVarUint8Array(decoder)
}

/** True when applying `update` to `doc` would change nothing (the client re-sent what the server has). */
export function isAlreadyIn(doc: Y.Doc, update: Uint8Array): boolean {
  return Y.snapshotContainsUpdate(Y.snapshot(doc), update)
}
