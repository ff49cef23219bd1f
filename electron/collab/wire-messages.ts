import * as decoding from 'lib0/decoding'

/** Hocuspocus's SyncStatus message (`@hocuspocus/server` MessageType.SyncStatus). */
const MESSAGE_SYNC_STATUS = 8

/**
 * True for the server's "not applied" answer to one of our updates on `documentName`: what a
 * read-only (viewer) connection gets for a change (Hocuspocus MessageReceiver, readOnly).
 */
export function isSyncRefusal(data: unknown, documentName: string): boolean {
  const bytes = data instanceof Uint8Array ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : null
  if (!bytes) return false
  try {
    const decoder = decoding.createDecoder(bytes)
    if (decoding.readVarString(decoder) !== documentName) return false
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC_STATUS) return false
    return decoding.readVarInt(decoder) !== 1
  } catch {
    return false
  }
}

/** Hocuspocus's Sync message and y-protocols' first step in it. */
const MESSAGE_SYNC = 0
const SYNC_STEP_1 = 0

/**
 * True for the server's sync step 1 on `documentName`: the provider answers it with
 * everything of ours the server lacks. Edits held until that answer is sent reach the server
 * after it, in clock order (deal-connection.ts, `toWire`).
 */
export function isServerSyncStep1(data: unknown, documentName: string): boolean {
  const bytes = data instanceof Uint8Array ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : null
  if (!bytes) return false
  try {
    const decoder = decoding.createDecoder(bytes)
    if (decoding.readVarString(decoder) !== documentName) return false
    return decoding.readVarUint(decoder) === MESSAGE_SYNC && decoding.readVarUint(decoder) === SYNC_STEP_1
  } catch {
    return false
  }
}
