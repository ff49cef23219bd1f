import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { DEAL_ID } from './harness'

/** A bare Hocuspocus client with no checks of ours: what a hostile or buggy peer can send; optionally with a chosen Yjs client id. */
export function rawClient(url: string, token: string, clientID?: number) {
  const doc = new Y.Doc()
  if (clientID !== undefined) doc.clientID = clientID
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket })
  let failed: string | null = null
  let closedWith: string | null = null
  let synced = false
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: `deal/${DEAL_ID}`,
    document: doc,
    token,
    onAuthenticationFailed: ({ reason }) => void (failed = reason),
    onSynced: () => void (synced = true),
    onClose: ({ event }) => void (closedWith = (event as { reason?: string }).reason ?? null),
  })
  provider.attach()
  return {
    doc, provider, socket,
    get failed() { return failed },
    get closedWith() { return closedWith },
    get synced() { return synced },
    /** Set this client's awareness state to anything, as a hostile peer can. */
    announce(state: Record<string, unknown>) { provider.awareness?.setLocalState(state) },
    /** Send any update bytes, as a hostile peer can. */
    send(update: Uint8Array) { provider.documentUpdateHandler(update, null) },
    /** Send an awareness update (y-protocols encoding) as it is, for any client ids, as a hostile peer can. */
    sendAwareness(update: Uint8Array) {
      const encoder = encoding.createEncoder()
      encoding.writeVarString(encoder, `deal/${DEAL_ID}`)
      encoding.writeVarUint(encoder, 1) // Hocuspocus MessageType.Awareness
      encoding.writeVarUint8Array(encoder, update)
      socket.send(encoding.toUint8Array(encoder))
    },
    close() { provider.destroy(); socket.destroy() },
  }
}

export const entry = (name: string, email: string, id = `forged-${Math.random()}`) => ({ id, at: '2026-12-02T09:00:00.000Z', author: { name, email }, command: 'set-field', targets: ['p1'] })

/** Append `content` to the doc's log as one raw Yjs item: any content type a peer may encode. */
export function appendRaw(doc: Y.Doc, content: Y.ContentJSON | Y.ContentEmbed) {
  doc.transact((tr) => {
    const log = doc.getArray('log')
    let left = log._start
    while (left?.right) left = left.right
    const item = new Y.Item(Y.createID(doc.clientID, Y.getState(doc.store, doc.clientID)), left, left?.lastId ?? null, null, null, log, null, content)
    item.integrate(tr, 0)
  })
}


/** The client id under which `name`'s first log entry was written: anyone reading the log sees it. */
export function clientIdOf(doc: Y.Doc, name: string): number {
  for (let item = doc.getArray('log')._start; item; item = item.right) {
    if ((item.content.getContent()[0] as { author?: { name: string } } | undefined)?.author?.name === name) return item.id.client
  }
  throw new Error(`no entry by ${name}`)
}

/** An update writing `write` under client id `client` on top of `doc`'s state: what a peer borrowing that id sends. */
export function updateAs(doc: Y.Doc, client: number, write: (scratch: Y.Doc) => void): Uint8Array {
  const scratch = new Y.Doc()
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc))
  // After the apply: Yjs picks a new id when a remote update brings this one's structs.
  scratch.clientID = client
  const before = Y.encodeStateVector(scratch)
  scratch.transact(() => write(scratch))
  return Y.encodeStateAsUpdate(scratch, before)
}

/** An awareness update of raw entries: each state is written as given (a string is sent as the JSON text itself). */
export function awarenessEntries(entries: Array<{ clientId: number; clock: number; state: unknown }>): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, typeof state === 'string' ? state : JSON.stringify(state))
  }
  return encoding.toUint8Array(encoder)
}
