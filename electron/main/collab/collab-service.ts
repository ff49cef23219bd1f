import type { DealCommand } from '@shared/commands'
import type { CollabEvent, CollabState, PresentUser, SyncStatus } from '@shared/ipc-collab'
import type { DealFile } from '@shared/model'
import type { ShareRecord } from './share-record'

/**
 * The slice of collab-server's `DealSync` (electron/collab/) the app drives, as the adapter
 * in `deal-sync-engine.ts` presents it. One per shared deal open on this laptop.
 */
export interface SyncEngine {
  apply(commands: DealCommand[]): void
  /** Undo this laptop's last edit only (a Y.UndoManager tracking the local origin). */
  undo(): void
  redo(): void
  setSelection(ids: string[]): void
  status(): SyncStatus
  presence(): PresentUser[]
  /** The deal and the sellers it names, derived from the doc. */
  file(): DealFile
  canUndo(): boolean
  canRedo(): boolean
  /** Flush the update log and close the socket. */
  stop(): Promise<void>
}

export interface SyncEngineOptions {
  dealId: string
  record: ShareRecord
  token: string
  /** The deal as this laptop has it: seeds the doc when the server has none (first share only). */
  seed: DealFile | null
  onStatus(): void
  onPresence(): void
  onRemoteChange(file: DealFile): void
}

export type StartSyncEngine = (options: SyncEngineOptions) => Promise<SyncEngine>

export interface CollabServiceDeps {
  startEngine: StartSyncEngine
  /** Main → page push (`collab:event`). */
  emit(event: CollabEvent): void
  /** Write the readable projection (`deals/<id>.json`) of a shared deal; called on a debounce. */
  writeProjection(dealId: string, file: DealFile): Promise<void>
  /** How long the projection waits after the last change (docs/collaboration-app.md). */
  projectionDelayMs?: number
}

interface Session {
  record: ShareRecord
  engine: SyncEngine
  timer: ReturnType<typeof setTimeout> | null
  writing: Promise<void>
  lastPushed: string
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

  async start(dealId: string, record: ShareRecord, token: string, seed: DealFile | null): Promise<CollabState> {
    await this.stop(dealId)
    // Engine callbacks before start() returns are ignored: the state is returned, the deal emitted below.
    const live = { on: false }
    const engine = await this.deps.startEngine({
      dealId,
      record,
      token,
      seed,
      onStatus: () => live.on && this.pushState(dealId),
      onPresence: () => live.on && this.pushState(dealId),
      onRemoteChange: (file) => {
        if (!live.on) return
        this.deps.emit({ kind: 'deal', dealId, deal: file.deal })
        this.scheduleProjection(dealId)
        this.pushState(dealId) // undo availability may change with a colleague's edit
      },
    })
    const session: Session = { record, engine, timer: null, writing: Promise.resolve(), lastPushed: '' }
    this.sessions.set(dealId, session)
    live.on = true
    // The doc may be ahead of the readable copy the page opened (edits merged from the team).
    this.deps.emit({ kind: 'deal', dealId, deal: engine.file().deal })
    this.scheduleProjection(dealId)
    return this.stateOf(dealId, session)
  }

  state(dealId: string): CollabState | null {
    const session = this.sessions.get(dealId)
    return session ? this.stateOf(dealId, session) : null
  }

  /** The deal as the doc has it now (after a share, a join or an undo). */
  file(dealId: string): DealFile | null {
    return this.sessions.get(dealId)?.engine.file() ?? null
  }

  apply(dealId: string, commands: DealCommand[]): void {
    const session = this.session(dealId)
    session.engine.apply(commands)
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

  private stateOf(dealId: string, { record, engine }: Session): CollabState {
    return {
      dealId,
      serverUrl: record.serverUrl,
      documentName: record.documentName,
      role: record.role,
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
    session.writing = session.writing
      .then(() => this.deps.writeProjection(dealId, session.engine.file()))
      .catch((error: unknown) => console.error(`The readable copy of shared deal ${dealId} could not be written:`, (error as Error)?.message))
    return session.writing
  }
}
