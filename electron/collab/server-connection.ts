import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import type * as Y from 'yjs'
import { QuietWebSocket } from './quiet-websocket'
import type { PresenceUser } from './presence'
import { refusalOfServerReason, type RefusalReason } from './status'
import { isServerSyncStep1, isSyncRefusal } from './wire-messages'

/** What the connection tells the deal's sync (deal-connection.ts), in the order the server says it. */
export interface ConnectionEvents {
  /** The socket is open (again): the handshake starts. */
  opened(): void
  /** The socket is closing or closed: edits wait. */
  closing(): void
  /** The socket closed (the server went, the network dropped, or we disconnected). */
  closed(): void
  /** The server refused: a token, an access, an update of ours, or a viewer's change. */
  refused(reason: RefusalReason): void
  /** Authenticated; `readOnly` for a viewer token (the server drops a viewer's updates). */
  authenticated(readOnly: boolean): void
  /** The server's sync step 1 has been answered: edits held since a disconnect may go. */
  handshakeAnswered(): void
  /** The first sync of this connection is done. */
  synced(): void
  /** How many of our updates the server has not confirmed yet. */
  unconfirmed(count: number): void
}

export interface ServerConnection {
  socket: HocuspocusProviderWebsocket
  provider: HocuspocusProvider
}

/**
 * The socket and the Hocuspocus provider of one shared deal (docs/collaboration.md, "The client
 * engine"): the provider syncs the WIRE doc; the server's refusals, the handshake and the
 * confirmations are told to `events`.
 */
export function connectToServer(options: { url: string; documentName: string; token: string; wire: Y.Doc; user: PresenceUser }, events: ConnectionEvents): ServerConnection {
  const socket = new HocuspocusProviderWebsocket({
    url: options.url,
    WebSocketPolyfill: QuietWebSocket,
    // Reconnect quickly at first (a server restart), then back off to 10 s.
    delay: 200,
    minDelay: 200,
    maxDelay: 10_000,
    factor: 2,
    messageReconnectTimeout: 30_000,
  })
  socket.on('status', ({ status }: { status: string }) => {
    if (status === 'connected') events.opened()
    else events.closing()
  })
  socket.on('close', () => events.closed())
  // ws hands the provider the MessageEvent itself.
  socket.on('message', (event: { data?: unknown }) => {
    if (isSyncRefusal(event?.data, options.documentName)) events.refused('read-only')
    // Runs before the provider answers it; the held edits go once that answer is sent.
    if (isServerSyncStep1(event?.data, options.documentName)) setImmediate(() => events.handshakeAnswered())
  })
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: options.documentName,
    document: options.wire,
    token: options.token,
    onAuthenticated: ({ scope }) => events.authenticated(scope === 'readonly'),
    onAuthenticationFailed: ({ reason }) => events.refused(refusalOfServerReason(reason)),
    onSynced: () => events.synced(),
    onUnsyncedChanges: ({ number }) => events.unconfirmed(number),
    onClose: ({ event }) => {
      // A close message for this document (not the socket) carries the server's refusal.
      const reason = (event as { reason?: string }).reason ?? ''
      if (['invalid-update', 'too-large', 'no-access', 'bad-token'].includes(reason)) events.refused(refusalOfServerReason(reason))
    },
  })
  provider.attach()
  provider.setAwarenessField('user', options.user)
  provider.setAwarenessField('selection', [])
  return { socket, provider }
}
