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

/**
 * True when applying `update` to `doc` would change nothing (the client re-sent what the
 * server has): `Y.snapshotContainsUpdate(Y.snapshot(doc), update)`, at the cost of the update
 * instead of the doc (a snapshot walks every struct of the doc: milliseconds per message on a
 * 1,000-person deal, docs/collaboration-app.md "Measured"). Every struct of the update is
 * below the doc's clock for its client, and every range it deletes is deleted in the doc.
 */
export function isAlreadyIn(doc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update)
  for (const s of structs) if (Y.getState(doc.store, s.id.client) < s.id.clock + s.length) return false
  for (const [client, ranges] of ds.clients) {
    const state = Y.getState(doc.store, client)
    const stored = doc.store.clients.get(client)
    for (const { clock, len } of ranges) {
      if (len === 0) continue
      if (!stored || state < clock + len) return false
      for (let i = Y.findIndexSS(stored, clock); i < stored.length && stored[i].id.clock < clock + len; i++) if (!stored[i].deleted) return false
    }
  }
  return true
}
