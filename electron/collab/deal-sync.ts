import type { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import * as Y from 'yjs'
import { applyCommandsToDoc, createUserUndo, DealProjection, documentName, IncrementalValidator, isSeeded, localOrigin, seedWithHistory, validateDocState, writeDealDiff, type LocalOrigin } from '@shared/collab'
import type { DealCommand } from '@shared/commands'
import type { DealFile } from '@shared/model'
import { openStores, type Stores } from '../main/store'
import { SharedDealFiles, type ShareRecord } from './local-files'
import { LocalWrites } from './local-writes'
import { parsePresence, type PresenceState } from './presence'
import type { RefusalReason, SyncStatus } from './status'
import { connectToServer } from './server-connection'
import { EditsAfterHandshake } from './edits-after-handshake'
import { RemoteUpdates } from './remote-updates'
import { OwnUndo } from './own-undo'
import type { DealSyncOptions } from './deal-sync-options'
import { nodeDurableFs } from '../main/store/durable-fs'
import { fileStemOfId } from '@shared/file-names'

export type { DealSyncOptions } from './deal-sync-options'


/** Loading the log is neither the user's change nor a colleague's. */
const LOAD_ORIGIN = { kind: 'load' } as const

/** Thrown by `apply` when the token is a viewer token: the server would drop the change anyway. */
export class ReadOnlyError extends Error {
  readonly code = 'read-only'
}

/**
 * One shared deal on this machine (docs/collaboration.md, "The client engine"): the live
 * Y.Doc, its durable update log, the socket to the server, presence and per-user undo.
 *
 * Two documents: the provider syncs a WIRE copy; every update the server sends is checked
 * (`checkIncomingUpdate`, a scratch copy validated with the deal schema) before it is applied
 * to the LIVE doc, which is what the log, the JSON projection and the UI read. Local changes
 * go live → wire at once. A remote state that fails the check never reaches the live doc:
 * the sync stops with `invalid-remote-state` and the files stay as they were.
 */
export class DealSync {
  readonly doc = new Y.Doc()
  private readonly wire = new Y.Doc()
  /** Our edits on their way to the wire doc, held during a handshake (edits-after-handshake.ts). */
  private readonly toWire = new EditsAfterHandshake(this.wire, this)
  /** Colleagues' updates on their way from the wire doc to the live doc (remote-updates.ts). */
  private readonly remote: RemoteUpdates

  /** Checks the wire doc's state, re-reading only what changed (shared/collab/incremental-validator.ts). */
  private wireCheck: IncrementalValidator | null = null
  /** The origin of every local change (COLLAB-CONTRACT.md): per-user undo tracks this only. */
  readonly origin: LocalOrigin = localOrigin(String(this.doc.clientID))
  private readonly files: SharedDealFiles
  private readonly stores: Stores
  private projection: DealProjection | null = null
  /** Per-user undo (own-undo.ts); set by start(). */
  private ownUndo: OwnUndo | null = null
  private socket: HocuspocusProviderWebsocket | null = null
  private provider: HocuspocusProvider | null = null
  private share: ShareRecord | null = null
  private localFile: DealFile | null = null
  private current: SyncStatus = { kind: 'syncing' }
  private readOnly = false
  private everOpened = false
  private pendingLocal = 0
  private stopped = false
  private readonly now: () => Date
  /** The update log and the readable copy on this laptop; `stop()` rethrows their first failure. */
  private readonly writes: LocalWrites

  constructor(private readonly options: DealSyncOptions) {
    this.files = new SharedDealFiles(options.dataDir, options.dealId, options.fs)
    this.stores = options.stores ?? openStores(options.dataDir, { fs: options.fs })
    this.now = options.now ?? (() => new Date())
    this.writes = new LocalWrites({
      files: this.files, stores: this.stores, doc: this.doc, projection: () => this.projection, now: this.now,
      logDebounceMs: options.logDebounceMs, projectionDebounceMs: options.projectionDebounceMs, retryMs: options.logRetryMs,
      withLog: () => this.saveWaiting(),
      onHealth: () => this.tellStatus(),
    })
    this.remote = new RemoteUpdates({
      live: this.doc,
      remoteOrigin: () => this.provider,
      ownChanges: this.onLiveUpdate,
      wireIsValid: () => this.wireCheck?.check().ok ?? false,
      changed: () => this.writes.changed(),
      refuse: () => this.refuse('invalid-remote-state'),
      applied: () => this.afterRemoteChange(),
      closed: () => this.stopped || (this.current.kind === 'refused' && this.current.reason === 'invalid-remote-state'),
    })
  }

  get documentName(): string {
    return documentName(this.options.dealId)
  }

  /**
   * What the top bar shows. While this laptop's disk refuses the log, the share record or the
   * JSON copy, that comes first: offline, the edits would otherwise be said to be kept here when
   * they are only in memory (docs/collaboration.md, "Adversarial findings").
   */
  get status(): SyncStatus {
    if (!this.writes.saved && this.current.kind !== 'refused') return { kind: 'refused', reason: 'not-saved-here' }
    return this.current
  }

  /** The deal as the live doc has it (deal + sellers). */
  file(): DealFile {
    if (!this.projection) throw new Error('DealSync.start() has not finished')
    return this.projection.file()
  }

  /**
   * Load the log (or, the first time, remember the deal to seed), then connect. Resolves
   * once loading is done; connecting goes on in the background (see `whenInSync`).
   */
  async start(): Promise<void> {
    this.share = await this.files.readShare()
    // Synced before: a server that cannot be reached now is "offline, n waiting", not a refusal.
    this.everOpened = this.share !== null
    this.pendingLocal = this.share?.waiting ?? 0
    const log = await this.files.readLog()
    if (log) {
      Y.applyUpdate(this.doc, log, LOAD_ORIGIN)
      const valid = validateDocState(this.doc)
      if (!valid.ok) throw new Error(`${this.files.logPath} holds an invalid deal (${valid.message}); it was left as it is`)
    }
    const loaded = await this.stores.deals.load(this.options.dealId, { asBase: true }).catch(() => null)
    if (loaded?.status === 'ok') this.localFile = loaded.value
    Y.applyUpdate(this.wire, Y.encodeStateAsUpdate(this.doc), LOAD_ORIGIN)
    this.wireCheck = new IncrementalValidator(this.wire)
    this.projection = new DealProjection(this.doc)
    this.ownUndo = new OwnUndo(createUserUndo(this.doc, this.origin, { signing: { author: { name: this.options.user.name, email: this.options.user.email }, now: this.now } }))
    this.doc.on('update', this.onLiveUpdate)
    this.wire.on('update', this.onWireUpdate)
    this.connect()
  }

  /**
   * A save of the deal's JSON this sync did not write (the page edits the deal as a private one
   * until main answers after a restart; main's `deal:save` meanwhile): what it changed from the
   * doc's deal is written into the doc as the user's own edit, so the sync resuming over the
   * JSON does not take it back (docs/collaboration.md, "Adversarial findings").
   */
  adoptSaved(file: DealFile): void {
    if (this.readOnly || !this.projection || !isSeeded(this.doc)) return
    const current = this.projection.file()
    // The readable copy is stamped when written (local-writes.ts): its `updatedAt` is no edit,
    // and the copy our own last write left newer than the log must change nothing.
    const saved = { ...file, deal: { ...file.deal, updatedAt: current.deal.updatedAt } }
    writeDealDiff(this.doc, current, saved, { origin: this.origin, author: { name: this.options.user.name, email: this.options.user.email }, at: this.now().toISOString(), command: 'edit-while-starting' })
  }

  /** After start: the JSON saved since the log was last written is such a save (`adoptSaved`); an older one lags the log and is left. */
  async adoptNewerCopy(): Promise<void> {
    const fs = this.options.fs ?? nodeDurableFs
    const stamp = (path: string) => fs.stat(path).then((s) => s.mtimeMs, () => null)
    const [json, log] = await Promise.all([stamp(this.stores.deps.paths.dealAt(fileStemOfId(this.options.dealId))), stamp(this.files.logPath)])
    if (json === null || log === null || json <= log) return
    const saved = await this.stores.deals.load(this.options.dealId, { asBase: true }).catch(() => null)
    if (saved?.status === 'ok') this.adoptSaved(saved.value)
  }

  /**
   * Apply commands as the user's own change (one transaction). It is a new undo step, unless
   * it carries the same `mergeKey` as the edit just before it (the page's key for one visit to
   * a field: a note typed in bursts is one step, as in a private deal). Returns whether it
   * began a new step.
   */
  apply(commands: DealCommand[], mergeKey?: string): boolean {
    if (this.readOnly) throw new ReadOnlyError('This deal is shared with you read-only (a viewer token): changes are not accepted.')
    if (!isSeeded(this.doc)) throw new Error('The deal is not loaded yet')
    const write = () => applyCommandsToDoc(this.doc, commands, {
      origin: this.origin,
      author: { name: this.options.user.name, email: this.options.user.email },
      sellers: this.options.sellers?.() ?? [],
      at: this.now().toISOString(),
      projection: this.projection ?? undefined,
    })
    if (this.ownUndo) return this.ownUndo.record(write, mergeKey)
    write()
    return true
  }

  undo(): boolean {
    return this.ownUndo?.undo() ?? false
  }

  redo(): boolean {
    return this.ownUndo?.redo() ?? false
  }

  setSelection(ids: string[]): void {
    this.provider?.setAwarenessField('selection', ids.slice(0, 1000))
  }

  /** Who else is in the deal now, as their clients say (hostile states are left out). */
  presence(): PresenceState[] {
    const awareness = this.provider?.awareness
    if (!awareness) return []
    return [...awareness.getStates().entries()].filter(([id]) => id !== this.wire.clientID).flatMap(([id, state]) => parsePresence(id, state))
  }

  /** Resolves when the server has everything we have and we have everything it has; rejects on refusal. */
  whenInSync(): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const s = this.current
        if (s.kind === 'connected' && (this.provider?.unsyncedChanges ?? 1) === 0) return done(resolve)
        if (s.kind === 'refused' && s.reason !== 'unreachable') return done(() => reject(new SyncRefused(s.reason)))
      }
      const listeners = this.statusListeners
      const done = (finish: () => void) => {
        listeners.delete(check)
        finish()
      }
      listeners.add(check)
      check()
    })
  }

  /** Work offline: edits keep going to the local log and wait ("offline, n waiting"). */
  disconnect(): void {
    this.reconnectAfterClose = false
    this.toWire.close()
    this.socket?.disconnect()
  }

  /** Back online after `disconnect()`: the waiting edits are sent, colleagues' arrive. */
  reconnect(): void {
    if (this.stopped) return
    // A socket still closing ignores connect() (it thinks it is connected): connect again once it has closed.
    this.reconnectAfterClose = true
    void this.socket?.connect()
  }

  private reconnectAfterClose = false

  /** Disconnect and flush the update log and the JSON projection to disk. */
  async stop(): Promise<void> {
    if (this.stopped) return
    this.stopped = true
    if (this.joinTimer) clearTimeout(this.joinTimer)
    this.closeSocket()
    this.doc.off('update', this.onLiveUpdate)
    this.wire.off('update', this.onWireUpdate)
    this.ownUndo?.destroy()
    this.wireCheck?.destroy()
    this.writes.close()
    await this.flush()
    if (this.writes.error) throw this.writes.error
  }

  /** Write the log and the projection now (the debounced writes, without waiting). */
  flush(): Promise<void> {
    return this.writes.flush()
  }

  // ---- internals ----

  private readonly statusListeners = new Set<() => void>()

  private setStatus(status: SyncStatus): void {
    const shown = JSON.stringify(this.status)
    this.current = status
    if (shown !== JSON.stringify(this.status)) this.options.onStatus?.(this.status)
    for (const listener of [...this.statusListeners]) listener()
  }

  /** The disk began or stopped refusing our writes: the status shown changed. */
  private tellStatus(): void {
    if (this.stopped) return
    this.options.onStatus?.(this.status)
    for (const listener of [...this.statusListeners]) listener()
  }

  /** Re-read after calls that may refuse (TypeScript keeps the narrowing from before them). */
  private isRefused(): boolean {
    return this.current.kind === 'refused'
  }

  private refuse(reason: RefusalReason): void {
    if (this.current.kind === 'refused' && this.current.reason === reason) return
    this.setStatus({ kind: 'refused', reason })
    // A refusal other than "cannot reach" is final for this session: stop talking to the server.
    if (reason !== 'unreachable' && reason !== 'read-only') {
      this.closeSocket()
    }
  }

  /**
   * End the provider and its socket (QuietWebSocket keeps a late 'error' from being uncaught).
   */
  private closeSocket(): void {
    this.provider?.destroy()
    this.socket?.destroy()
  }

  private connect(): void {
    const { socket, provider } = connectToServer({ url: this.options.serverUrl, documentName: this.documentName, token: this.options.token, wire: this.wire, user: this.options.user }, {
      opened: () => {
        if (this.stopped || this.isFinallyRefused()) return
        this.everOpened = true
        this.reconnectAfterClose = false
        this.setStatus({ kind: 'syncing' })
      },
      closing: () => this.toWire.close(),
      closed: () => {
        this.toWire.close()
        if (this.reconnectAfterClose && !this.stopped) {
          this.reconnectAfterClose = false
          setImmediate(() => void this.socket?.connect())
        }
        if (this.stopped || this.isFinallyRefused()) return
        this.setStatus(this.everOpened ? { kind: 'offline', pending: this.pendingLocal } : { kind: 'refused', reason: 'unreachable' })
      },
      refused: (reason) => this.refuse(reason),
      authenticated: (readOnly) => void (this.readOnly = readOnly),
      handshakeAnswered: () => !this.stopped && this.toWire.release(),
      synced: () => this.afterFirstSync(),
      unconfirmed: (count) => {
        if (count === 0) {
          this.pendingLocal = 0
          this.saveWaiting()
        }
        this.updateConnected()
      },
    })
    this.socket = socket
    this.provider = provider
  }

  /** Refused for a reason other than "cannot reach": final for this session. */
  private isFinallyRefused(): boolean {
    return this.current.kind === 'refused' && this.current.reason !== 'unreachable'
  }

  private updateConnected(): void {
    if (this.stopped || this.current.kind === 'refused') return
    this.remote.applyNow()
    if (this.isRefused()) return
    if (!this.provider?.synced || !isSeeded(this.doc)) return
    this.setStatus({ kind: 'connected', readOnly: this.readOnly })
  }

  /**
   * The server's state is in. First time (no share record): seed the doc from the JSON exactly
   * once, only when the server has no state for the document; otherwise join what it has.
   */
  private afterFirstSync(): void {
    if (this.stopped || this.current.kind === 'refused') return
    this.remote.applyNow() // the server's state, batched a moment ago, first
    if (this.isRefused()) return
    if (!isSeeded(this.doc)) {
      if (isSeeded(this.wire)) return this.refuse('invalid-remote-state') // the server has a deal we did not accept
      if (!this.localFile) return this.awaitDeal()
      if (this.readOnly) return this.refuse('read-only')
      const author = { name: this.options.user.name, email: this.options.user.email }
      this.replayedSteps = seedWithHistory(this.doc, this.localFile, this.options.earlier ?? [], { origin: this.origin, author, at: this.now().toISOString() })
    }
    if (!this.share) {
      this.share = { serverUrl: this.options.serverUrl, documentName: this.documentName, sharedAt: this.now().toISOString(), role: this.readOnly ? 'viewer' : 'editor', signedAs: { name: this.options.user.name, email: this.options.user.email } }
      this.writes.writeShare(this.share)
    }
    this.updateConnected()
  }

  /** The count of changes waiting goes to disk with the log, so a restart offline still shows it. */
  private saveWaiting(): void {
    if (!this.share || (this.share.waiting ?? 0) === this.pendingLocal) return
    this.share = { ...this.share, waiting: this.pendingLocal }
    this.writes.writeShare(this.share)
  }

  /** How many of `earlier`'s steps the seed replayed as the user's own undo steps. */
  replayedSteps = 0

  private joinTimer: NodeJS.Timeout | null = null

  /**
   * Joining a deal the server has not got yet. With several nodes, a node that just loaded
   * the document may still be fetching it from the others through Redis: wait a moment for it
   * before saying the deal is not there.
   */
  private awaitDeal(): void {
    if (this.joinTimer) return
    this.joinTimer = setTimeout(() => {
      if (!isSeeded(this.doc) && !this.stopped) this.refuse('not-on-server')
    }, this.options.joinWaitMs ?? 3_000)
  }

  /**
   * Our own changes to the live doc, as the update bytes the wire doc needs. Taken off while a
   * colleague's update is applied (remote-updates.ts, `applyToLive`). A colleague's update still
   * comes here when an edit of ours began during its apply (the listener is back on for that
   * edit): it is on disk's way, not the wire's.
   */
  private readonly onLiveUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== this.provider) {
      // A keystroke that continues the edit before it is the same change waiting (unless that one has reached the server).
      if ((origin === this.origin && (!this.ownUndo?.continuing || this.pendingLocal === 0)) || origin === this.ownUndo?.manager) this.pendingLocal++
      if (origin !== LOAD_ORIGIN) this.toWire.send(update)
      if (this.current.kind === 'offline') this.setStatus({ kind: 'offline', pending: this.pendingLocal })
    }
    this.writes.changed()
  }

  /** A colleague's update, taken by the wire doc: checked and applied to the live doc (remote-updates.ts). */
  private readonly onWireUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === this || origin === LOAD_ORIGIN || this.stopped) return
    this.remote.push(update)
  }

  /** A colleague's checked change reached the live doc. */
  private afterRemoteChange(): void {
    if (this.joinTimer && isSeeded(this.doc)) {
      clearTimeout(this.joinTimer)
      this.joinTimer = null
      this.afterFirstSync()
    }
    if (this.projection && isSeeded(this.doc)) this.options.onRemoteChange?.(this.projection.file())
  }
}

/** `whenInSync` rejects with this: the reason is the status's. */
export class SyncRefused extends Error {
  constructor(readonly reason: RefusalReason) {
    super(reason)
  }
}
