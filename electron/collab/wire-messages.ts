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
