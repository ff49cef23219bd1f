import type { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import type * as Y from 'yjs'
import { EditsAfterHandshake } from './edits-after-handshake'
import { parsePresence, type PresenceState, type PresenceUser } from './presence'
import { connectToServer, type ConnectionEvents } from './server-connection'
import type { SyncStatus } from './status'

export interface DealConnectionOptions {
  url: string
  documentName: string
  token: string
  /** The doc the provider syncs (the WIRE copy). */
  wire: Y.Doc
  user: PresenceUser
  /** The origin our edits carry on the wire doc, so that they are not taken for a colleague's. */
  origin: unknown
}

/** What the connection asks of the deal's sync and tells it; the rest as `connectToServer` says. */
export interface DealConnectionEvents extends Pick<ConnectionEvents, 'refused' | 'authenticated' | 'synced' | 'unconfirmed'> {
  stopped(): boolean
  /** Refused for a reason other than "cannot reach": the socket's opening and closing change nothing shown. */
  finallyRefused(): boolean
  /** The socket opened or closed: the status to show. */
  status(status: SyncStatus): void
  /** How many of our changes the server has not confirmed (waiting-changes.ts). */
  waiting(): number
}

/**
 * One shared deal's connection across disconnects (docs/collaboration.md, "The client
 * engine"); server-connection.ts builds the socket and the provider. A socket that closes
 * makes a deal synced before "offline, n waiting" and one that never reached its server
 * "unreachable"; our edits wait during each handshake (edits-after-handshake.ts); presence
 * goes over the provider's awareness.
 */
export class DealConnection {
  private socket: HocuspocusProviderWebsocket | null = null
  private socketProvider: HocuspocusProvider | null = null
  /** Our edits on their way to the wire doc, held during a handshake (edits-after-handshake.ts). */
  private readonly toWire: EditsAfterHandshake
  private everOpened = false
  private reconnectAfterClose = false

  constructor(private readonly options: DealConnectionOptions, private readonly events: DealConnectionEvents) {
    this.toWire = new EditsAfterHandshake(options.wire, options.origin)
  }

  /** The provider, once connecting began; colleagues' changes carry it as their origin. */
  get provider(): HocuspocusProvider | null {
    return this.socketProvider
  }

  /** Connect; `syncedBefore` (a share record): a server that cannot be reached now is "offline, n waiting", not a refusal. */
  connect(syncedBefore: boolean): void {
    this.everOpened = syncedBefore
    const { url, documentName, token, wire, user } = this.options
    const { socket, provider } = connectToServer({ url, documentName, token, wire, user }, {
      opened: () => {
        if (this.events.stopped() || this.events.finallyRefused()) return
        this.everOpened = true
        this.reconnectAfterClose = false
        this.events.status({ kind: 'syncing' })
      },
      closing: () => this.toWire.close(),
      closed: () => {
        this.toWire.close()
        if (this.reconnectAfterClose && !this.events.stopped()) {
          this.reconnectAfterClose = false
          setImmediate(() => void this.socket?.connect())
        }
        if (this.events.stopped() || this.events.finallyRefused()) return
        this.events.status(this.everOpened ? { kind: 'offline', pending: this.events.waiting() } : { kind: 'refused', reason: 'unreachable' })
      },
      refused: (reason) => this.events.refused(reason),
      authenticated: (readOnly) => this.events.authenticated(readOnly),
      handshakeAnswered: () => !this.events.stopped() && this.toWire.release(),
      synced: () => this.events.synced(),
      unconfirmed: (count) => this.events.unconfirmed(count),
    })
    this.socket = socket
    this.socketProvider = provider
  }

  /** An edit of ours for the server (held while a handshake is under way). */
  send(update: Uint8Array): void {
    this.toWire.send(update)
  }

  /** Work offline. */
  disconnect(): void {
    this.reconnectAfterClose = false
    this.toWire.close()
    this.socket?.disconnect()
  }

  /** Back online after `disconnect()`. */
  reconnect(): void {
    // A socket still closing ignores connect() (it thinks it is connected): connect again once it has closed.
    this.reconnectAfterClose = true
    void this.socket?.connect()
  }

  /** End the provider and its socket (QuietWebSocket keeps a late 'error' from being uncaught). */
  close(): void {
    this.socketProvider?.destroy()
    this.socket?.destroy()
  }

  setSelection(ids: string[]): void {
    this.socketProvider?.setAwarenessField('selection', ids.slice(0, 1000))
  }

  /** Who else is in the deal now, as their clients say (hostile states are left out). */
  presence(): PresenceState[] {
    const awareness = this.socketProvider?.awareness
    if (!awareness) return []
    return [...awareness.getStates().entries()].filter(([id]) => id !== this.options.wire.clientID).flatMap(([id, state]) => parsePresence(id, state))
  }
}
