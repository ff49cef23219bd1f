import type { DealCommand } from '@shared/commands'
import type { CollabEvent, CollabState, PresentUser, SyncStatus } from '@shared/ipc-collab'
import type { Deal, DealFile } from '@shared/model'
import { foldBursts, type ChangeEntry } from '@shared/collab'
import { changedPeopleOnly } from '@shared/deal-push'

/**
 * The slice of collab-server's `DealSync` (electron/collab/) the app drives, as the adapter
 * in `deal-sync-engine.ts` presents it. One per shared deal open on this laptop.
 */
export interface SyncEngine {
  /** `mergeKey`: the same key as the previous edit's folds this one into its undo step (a burst of typing). */
  apply(commands: DealCommand[], mergeKey?: string): void
  /** Undo this laptop's last edit only (a Y.UndoManager tracking the local origin). */
  undo(): void
  redo(): void
  setSelection(ids: string[]): void
  status(): SyncStatus
  presence(): PresentUser[]
  /** The deal and the sellers it names, derived from the doc. */
  file(): DealFile
  /** A save of the deal as a private one (the page had not heard it is shared yet): into the doc as the user's edit. */
  adoptSaved(file: DealFile): void
  canUndo(): boolean
  canRedo(): boolean
  /** The doc's change log, oldest first (collab-core `changeLog`). */
  changeLog(): ChangeEntry[]
  /** Where the doc stands now (its state vector), kept with a snapshot. */
  logMark(): Uint8Array
  /** The log entries made after mark `from` and at or before mark `to` (now when null). */
  changeLogBetween(from: Uint8Array | null, to: Uint8Array | null): ChangeEntry[]
  /** The server made this a read-only connection (a viewer token). */
  readOnly(): boolean
  /** Flush the update log and close the socket. */
  stop(): Promise<void>
}

/** Who this laptop is in the team's presence (awareness `user`). */
export interface CollabUser {
  name: string
  email: string
  color: string
}

export interface SyncEngineOptions {
  dealId: string
  serverUrl: string
  token: string
  user: CollabUser
  /** Sharing: the deal before each of the page's last undo steps, oldest first (replayed as the user's own steps when the doc is seeded). */
  earlier?: readonly Deal[]
  onStatus(): void
  onPresence(): void
  onRemoteChange(file: DealFile): void
}

export type StartSyncEngine = (options: SyncEngineOptions) => Promise<SyncEngine>

export interface CollabServiceDeps {
  startEngine: StartSyncEngine
  /** Main → page push (`collab:event`). */
  emit(event: CollabEvent): void
  /**
   * Keep the deals list in step with a shared deal (its name, stage…), on a debounce. The
   * engine writes the deal's readable copy (`deals/<id>.json`) itself, through main's store.
   */
  noteChanged(dealId: string, file: DealFile): Promise<void>
  /** How long the deals list waits after the last change. */
  projectionDelayMs?: number
}

interface Session {
  serverUrl: string
  user: CollabUser
  engine: SyncEngine
  timer: ReturnType<typeof setTimeout> | null
  writing: Promise<void>
  lastPushed: string
  /** The deal last pushed to the page and its number: the next push is the change since (shared/deal-push.ts). */
  pushed: { seq: number; deal: Deal } | null
}

/**
 * Main's shared deals: one sync engine per deal, the projection written on a debounce, and
 * every change of state pushed to the page. The page sends commands here at once (no
 * debounce), so a colleague sees them in a round trip (bench/suites/collab-app.run.ts).
 */
export class CollabService {
  private readonly sessions = new Map<string, Session>()
  constructor(private readonly deps: CollabServiceDeps) {}

  isRunning(dealId: string): boolean {
    return this.sessions.has(dealId)
  }

  async start(dealId: string, serverUrl: string, token: string, user: CollabUser, earlier?: readonly Deal[]): Promise<CollabState> {
    await this.stop(dealId)
    // Engine callbacks before start() returns are ignored: the state is returned, the deal emitted below.
    const live = { on: false }
    const engine = await this.deps.startEngine({
      dealId,
      serverUrl,
      token,
      user,
      earlier,
      onStatus: () => live.on && this.pushState(dealId),
      onPresence: () => live.on && this.pushState(dealId),
      onRemoteChange: (file) => {
        if (!live.on) return
        this.pushDeal(dealId, file.deal, false)
        this.scheduleProjection(dealId)
        this.pushState(dealId) // undo availability may change with a colleague's edit
      },
    })
    const session: Session = { serverUrl, user, engine, timer: null, writing: Promise.resolve(), lastPushed: '', pushed: null }
    this.sessions.set(dealId, session)
    live.on = true
    // The doc may be ahead of the readable copy the page opened (edits merged from the team).
    if (this.pushWholeDeal(dealId)) this.scheduleProjection(dealId)
    return this.stateOf(dealId, session)
  }

  /**
   * Push the whole deal as the doc has it (false while the doc holds none): the page opened the
   * deal again, or missed a push, and patches from here on apply to this one.
   */
  pushWholeDeal(dealId: string): boolean {
    const file = this.fileIfSeeded(dealId)
    if (file) this.pushDeal(dealId, file.deal, true)
    return file !== null
  }

  /**
   * Push a change of the deal: the people it changed when only people changed (a `people`
   * push, the common colleague's edit), else the whole deal. Nothing when nothing the page
   * shows changed (a change of the sellers alone).
   */
  private pushDeal(dealId: string, deal: Deal, whole: boolean): void {
    const session = this.sessions.get(dealId)
    if (!session) return
    const last = session.pushed
    const people = !whole && last ? changedPeopleOnly(last.deal, deal) : null
    if (people && people.length === 0) return
    const seq = (last?.seq ?? 0) + 1
    session.pushed = { seq, deal }
    this.deps.emit(people ? { kind: 'people', dealId, seq, people } : { kind: 'deal', dealId, seq, deal })
  }

  state(dealId: string): CollabState | null {
    const session = this.sessions.get(dealId)
    return session ? this.stateOf(dealId, session) : null
  }

  /** The deal as the doc has it now, or null while the doc holds no deal yet (a join the server refused). */
  fileIfSeeded(dealId: string): DealFile | null {
    try {
      const file = this.sessions.get(dealId)?.engine.file()
      return file && file.deal.id === dealId ? file : null
    } catch {
      return null
    }
  }

  /**
   * The deal was saved as a private one while it is synced here (the page had not heard yet
   * that it is shared, after a restart): the save goes into the doc, and the page gets the doc's deal.
   */
  adoptSaved(dealId: string, file: DealFile): void {
    const session = this.sessions.get(dealId)
    if (!session) return
    session.engine.adoptSaved(file)
    this.pushWholeDeal(dealId)
    this.scheduleProjection(dealId)
    this.pushState(dealId)
  }

  apply(dealId: string, commands: DealCommand[], mergeKey?: string): void {
    const session = this.session(dealId)
    session.engine.apply(commands, mergeKey)
    this.scheduleProjection(dealId)
    this.pushState(dealId)
  }

  travel(dealId: string, direction: 'undo' | 'redo'): DealFile {
    const session = this.session(dealId)
    if (direction === 'undo') session.engine.undo()
    else session.engine.redo()
    this.scheduleProjection(dealId)
    this.pushState(dealId)
    return session.engine.file()
  }

  /** The latest `count` changes, newest first, each naming its author; a burst of typing is one (foldBursts). */
  changes(dealId: string, count: number): ChangeEntry[] {
    return foldBursts(this.session(dealId).engine.changeLog()).slice(-count).reverse()
  }

  /**
   * For a snapshot of a deal synced here: who takes it and where the doc stands, so the
   * comparison can name the author of each change (docs/collaboration.md, "Snapshots and
   * authors"). Null for a deal not synced here.
   */
  snapshotMark(dealId: string): { author: { name: string; email: string }; mark: Uint8Array } | null {
    const session = this.sessions.get(dealId)
    if (!session) return null
    return { author: { name: session.user.name, email: session.user.email }, mark: session.engine.logMark() }
  }

  /** The changes made between two marks (`to` null: until now), oldest first; null for a deal not synced here. */
  changesBetween(dealId: string, from: Uint8Array | null, to: Uint8Array | null): ChangeEntry[] | null {
    return this.sessions.get(dealId)?.engine.changeLogBetween(from, to) ?? null
  }

  select(dealId: string, ids: string[]): void {
    this.sessions.get(dealId)?.engine.setSelection(ids)
  }

  /** Stop syncing a deal: its projection is written and its update log flushed first. */
  async stop(dealId: string): Promise<void> {
    const session = this.sessions.get(dealId)
    if (!session) return
    this.sessions.delete(dealId)
    await this.flushProjection(dealId, session)
    await session.engine.stop()
    this.deps.emit({ kind: 'ended', dealId })
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.sessions.keys()].map((id) => this.stop(id)))
  }

  private session(dealId: string): Session {
    const session = this.sessions.get(dealId)
    if (!session) throw new Error(`Deal ${dealId} is not being synced`)
    return session
  }

  private stateOf(dealId: string, { serverUrl, engine }: Session): CollabState {
    return {
      dealId,
      serverUrl,
      documentName: `deal/${dealId}`,
      role: engine.readOnly() ? 'viewer' : 'editor',
      status: engine.status(),
      presence: engine.presence(),
      canUndo: engine.canUndo(),
      canRedo: engine.canRedo(),
    }
  }

  /** Push the state when it differs from the last one pushed (presence ticks arrive often). */
  private pushState(dealId: string): void {
    const session = this.sessions.get(dealId)
    if (!session) return
    const state = this.stateOf(dealId, session)
    const key = JSON.stringify(state)
    if (key === session.lastPushed) return
    session.lastPushed = key
    this.deps.emit({ kind: 'state', state })
  }

  private scheduleProjection(dealId: string): void {
    const session = this.sessions.get(dealId)
    if (!session) return
    if (session.timer) clearTimeout(session.timer)
    session.timer = setTimeout(() => {
      session.timer = null
      void this.flushProjection(dealId, session)
    }, this.deps.projectionDelayMs ?? 400)
  }

  private flushProjection(dealId: string, session: Session): Promise<void> {
    if (session.timer) {
      clearTimeout(session.timer)
      session.timer = null
    }
    // One write at a time; each writes the doc as it is when its turn comes.
    const file = this.fileIfSeeded(dealId) ?? (this.sessions.get(dealId) ? null : safeFile(session.engine))
    if (!file) return session.writing
    session.writing = session.writing
      .then(() => this.deps.noteChanged(dealId, file))
      .catch((error: unknown) => console.error(`The deals list could not be updated for shared deal ${dealId}:`, (error as Error)?.message))
    return session.writing
  }
}

function safeFile(engine: SyncEngine): DealFile | null {
  try {
    return engine.file()
  } catch {
    return null
  }
}
