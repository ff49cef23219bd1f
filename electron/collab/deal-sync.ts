import type { HocuspocusProvider } from '@hocuspocus/provider'
import * as Y from 'yjs'
import { applyCommandsToDoc, createUserUndo, DealProjection, documentName, IncrementalValidator, isSeeded, localOrigin, seedWithHistory, type ChangeAuthor, type LocalOrigin } from '@shared/collab'
import type { DealCommand } from '@shared/commands'
import type { DealFile } from '@shared/model'
import { openStores, type Stores } from '../main/store'
import { SharedDealFiles, type ShareRecord } from './local-files'
import { LocalWrites } from './local-writes'
import type { PresenceState } from './presence'
import type { RefusalReason, SyncStatus } from './status'
import { SyncStatusKeeper } from './sync-status-keeper'
import { WaitingChanges } from './waiting-changes'
import { loadSavedCopy, savedSinceLog, writeSavedChanges } from './saved-copy'
import { LOAD_ORIGIN, loadLog } from './load-log'
import { JoinWait } from './join-wait'
import { DealConnection } from './deal-connection'
import { RemoteUpdates } from './remote-updates'
import { OwnUndo } from './own-undo'
import type { DealSyncOptions } from './deal-sync-options'
import { nodeDurableFs } from '../main/store/durable-fs'

export type { DealSyncOptions } from './deal-sync-options'
export { SyncRefused } from './sync-status-keeper'

/** Thrown by `apply` when the token is a viewer token: the server would drop the change anyway. */
export class ReadOnlyError extends Error {
  readonly code = 'read-only'
}

/**
 * One shared deal on this machine (docs/collaboration.md, "The client engine"): the live
 * Y.Doc, its durable update log, the socket to the server, presence and per-user undo.
 *
 * Two documents: the provider syncs a WIRE copy; every update the server sends is checked
 * (the wire doc's state, validated with the deal schema) before it is applied to the LIVE doc,
 * which is what the log, the JSON projection and the UI read. Local changes go live → wire at
 * once. A remote state that fails the check never reaches the live doc: the sync stops with
 * `invalid-remote-state` and the files stay as they were.
 */
export class DealSync {
  readonly doc = new Y.Doc()
  private readonly wire = new Y.Doc()
  /** The socket to the server across disconnects (deal-connection.ts). */
  private readonly connection: DealConnection
  /** Colleagues' updates on their way from the wire doc to the live doc (remote-updates.ts). */
  private readonly remote: RemoteUpdates

  /** Checks the wire doc's state, re-reading only what changed (shared/collab/incremental-validator.ts). */
  private wireCheck: IncrementalValidator | null = null
  /** The origin of every local change (docs/collaboration.md, "Writing"): per-user undo tracks this only. */
  readonly origin: LocalOrigin = localOrigin(String(this.doc.clientID))
  private readonly files: SharedDealFiles
  private readonly stores: Stores
  private projection: DealProjection | null = null
  /** Per-user undo (own-undo.ts); set by start(). */
  private ownUndo: OwnUndo | null = null
  private share: ShareRecord | null = null
  private localFile: DealFile | null = null
  /** The status and who waits for it (sync-status-keeper.ts). */
  private readonly statusKeeper: SyncStatusKeeper
  private readOnly = false
  /** Our changes the server has not confirmed (waiting-changes.ts). */
  private readonly waiting: WaitingChanges
  /** Joining a deal not on the server yet (join-wait.ts). */
  private readonly joinWait: JoinWait
  private stopped = false
  private readonly now: () => Date
  /** The update log and the readable copy on this laptop; `stop()` rethrows their first failure. */
  private readonly writes: LocalWrites

  constructor(private readonly options: DealSyncOptions) {
    this.files = new SharedDealFiles(options.dataDir, options.dealId, options.fs)
    this.stores = options.stores ?? openStores(options.dataDir, { fs: options.fs })
    this.now = options.now ?? (() => new Date())
    const serverHasAll = () => (this.provider?.unsyncedChanges ?? 1) === 0
    this.statusKeeper = new SyncStatusKeeper({ saved: () => this.writes.saved, serverHasAll, onStatus: options.onStatus })
    this.waiting = new WaitingChanges({
      origin: this.origin,
      ownUndo: () => this.ownUndo,
      share: () => this.share,
      writeShare: (share) => this.writeShare(share),
    })
    this.joinWait = new JoinWait(options.joinWaitMs ?? 3_000, () => {
      if (!isSeeded(this.doc) && !this.stopped) this.refuse('not-on-server')
    })
    this.connection = new DealConnection({ url: options.serverUrl, documentName: this.documentName, token: options.token, wire: this.wire, user: options.user, origin: this }, {
      stopped: () => this.stopped,
      finallyRefused: () => this.statusKeeper.isFinallyRefused(),
      status: (status) => this.statusKeeper.set(status),
      waiting: () => this.waiting.count,
      refused: (reason) => this.refuse(reason),
      authenticated: (readOnly) => void (this.readOnly = readOnly),
      synced: () => this.afterFirstSync(),
      unconfirmed: (count) => {
        if (count === 0) this.waiting.confirmed()
        this.updateConnected()
      },
    })
    this.writes = new LocalWrites({
      files: this.files, stores: this.stores, doc: this.doc, projection: () => this.projection, now: this.now,
      logDebounceMs: options.logDebounceMs, projectionDebounceMs: options.projectionDebounceMs, retryMs: options.logRetryMs,
      withLog: () => this.waiting.save(),
      // The disk began or stopped refusing our writes: the status shown changed.
      onHealth: () => {
        if (!this.stopped) this.statusKeeper.tell()
      },
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

  /** What the top bar shows (sync-status-keeper.ts: the disk's refusal first). */
  get status(): SyncStatus {
    return this.statusKeeper.shown
  }

  private get current(): SyncStatus {
    return this.statusKeeper.current
  }

  private get provider(): HocuspocusProvider | null {
    return this.connection.provider
  }

  private get author(): ChangeAuthor {
    return { name: this.options.user.name, email: this.options.user.email }
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
    // A restart offline still shows what was waiting before it (waiting-changes.ts).
    this.waiting.count = this.share?.waiting ?? 0
    await loadLog(this.files, this.doc)
    this.localFile = await loadSavedCopy(this.stores, this.options.dealId)
    Y.applyUpdate(this.wire, Y.encodeStateAsUpdate(this.doc), LOAD_ORIGIN)
    this.wireCheck = new IncrementalValidator(this.wire)
    this.projection = new DealProjection(this.doc)
    this.ownUndo = new OwnUndo(createUserUndo(this.doc, this.origin, { signing: { author: this.author, now: this.now } }))
    this.doc.on('update', this.onLiveUpdate)
    this.wire.on('update', this.onWireUpdate)
    this.connection.connect(this.share !== null)
  }

  /**
   * A save of the deal's JSON this sync did not write (the page edits the deal as a private one
   * until main answers after a restart; main's `deal:save` meanwhile): what it changed from the
   * doc's deal is written into the doc as the user's own edit, so the sync resuming over the
   * JSON does not take it back (docs/collaboration.md, "Adversarial findings"; saved-copy.ts).
   */
  adoptSaved(file: DealFile): void {
    if (this.readOnly || !this.projection || !isSeeded(this.doc)) return
    writeSavedChanges(this.doc, this.projection.file(), file, { origin: this.origin, author: this.author, at: this.now().toISOString() })
  }

  /** After start: the JSON saved since the log was last written is such a save (`adoptSaved`); an older one lags the log and is left. */
  async adoptNewerCopy(): Promise<void> {
    const saved = await savedSinceLog(this.options.fs ?? nodeDurableFs, this.stores, this.options.dealId, this.files.logPath)
    if (saved) this.adoptSaved(saved)
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
      author: this.author,
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
    this.connection.setSelection(ids)
  }

  /** Who else is in the deal now, as their clients say (hostile states are left out). */
  presence(): PresenceState[] {
    return this.connection.presence()
  }

  /** Resolves when the server has everything we have and we have everything it has; rejects on refusal. */
  whenInSync(): Promise<void> {
    return this.statusKeeper.whenInSync()
  }

  /** Work offline: edits keep going to the local log and wait ("offline, n waiting"). */
  disconnect(): void {
    this.connection.disconnect()
  }

  /** Back online after `disconnect()`: the waiting edits are sent, colleagues' arrive. */
  reconnect(): void {
    if (!this.stopped) this.connection.reconnect()
  }

  /** Disconnect and flush the update log and the JSON projection to disk. */
  async stop(): Promise<void> {
    if (this.stopped) return
    this.stopped = true
    this.joinWait.stop()
    this.connection.close()
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

  private refuse(reason: RefusalReason): void {
    if (this.current.kind === 'refused' && this.current.reason === reason) return
    this.statusKeeper.set({ kind: 'refused', reason })
    // A refusal other than "cannot reach" is final for this session: stop talking to the server.
    if (reason !== 'unreachable' && reason !== 'read-only') this.connection.close()
  }

  private updateConnected(): void {
    if (this.stopped || this.current.kind === 'refused') return
    this.remote.applyNow()
    if (this.statusKeeper.isRefused()) return
    if (!this.provider?.synced || !isSeeded(this.doc)) return
    this.statusKeeper.set({ kind: 'connected', readOnly: this.readOnly })
  }

  /**
   * The server's state is in. First time (no share record): seed the doc from the JSON exactly
   * once, only when the server has no state for the document; otherwise join what it has.
   */
  private afterFirstSync(): void {
    if (this.stopped || this.current.kind === 'refused') return
    this.remote.applyNow() // the server's state, batched a moment ago, first
    if (this.statusKeeper.isRefused()) return
    if (!isSeeded(this.doc)) {
      if (isSeeded(this.wire)) return this.refuse('invalid-remote-state') // the server has a deal we did not accept
      if (!this.localFile) return this.joinWait.begin()
      if (this.readOnly) return this.refuse('read-only')
      this.replayedSteps = seedWithHistory(this.doc, this.localFile, this.options.earlier ?? [], { origin: this.origin, author: this.author, at: this.now().toISOString() })
    }
    if (!this.share) {
      this.writeShare({ serverUrl: this.options.serverUrl, documentName: this.documentName, sharedAt: this.now().toISOString(), role: this.readOnly ? 'viewer' : 'editor', signedAs: this.author })
    }
    this.updateConnected()
  }

  /** `deals/<stem>.share.json` (local-files.ts), written with the log. */
  private writeShare(share: ShareRecord): void {
    this.share = share
    this.writes.writeShare(share)
  }

  /** How many of `earlier`'s steps the seed replayed as the user's own undo steps. */
  replayedSteps = 0

  /**
   * Our own changes to the live doc, as the update bytes the wire doc needs. Taken off while a
   * colleague's update is applied (remote-updates.ts, `applyToLive`). A colleague's update still
   * comes here when an edit of ours began during its apply (the listener is back on for that
   * edit): it is on disk's way, not the wire's.
   */
  private readonly onLiveUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== this.provider) {
      this.waiting.noteLocal(origin)
      if (origin !== LOAD_ORIGIN) this.connection.send(update)
      if (this.current.kind === 'offline') this.statusKeeper.set({ kind: 'offline', pending: this.waiting.count })
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
    if (isSeeded(this.doc) && this.joinWait.arrived()) this.afterFirstSync() // the deal we were waiting for
    if (this.projection && isSeeded(this.doc)) this.options.onRemoteChange?.(this.projection.file())
  }
}

