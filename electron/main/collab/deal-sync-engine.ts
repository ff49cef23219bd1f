import type { PresentUser, SyncStatus } from '@shared/ipc-collab'
import { changeLog, changeLogBetween, logMark } from '@shared/collab'
import { DealSync, ReadOnlyError } from '../../collab/deal-sync'
import type { SyncStatus as EngineStatus } from '../../collab/status'
import { AppFailure } from '../errors'
import type { Stores } from '../store'
import type { StartSyncEngine, SyncEngine } from './collab-service'

/** How long Share and Join wait for the server's first answer before showing the state as it is. */
const FIRST_ANSWER_MS = 8_000

/** collab-server's status as the page's (`shared/ipc-collab.ts`): read-only is the role, not a state. */
export function pageStatus(status: EngineStatus): SyncStatus {
  return status.kind === 'connected' ? { kind: 'connected' } : status
}

/**
 * The app's sync engine: collab-server's `DealSync` over main's own stores (so one store
 * writes the deal's readable copy), with the page's view of its state. Undo availability is
 * counted here: `DealSync` says whether an undo did something, not whether one is left.
 */
export function dealSyncEngine(dataDir: string, stores: Stores): StartSyncEngine {
  return async ({ dealId, serverUrl, token, user, earlier, onStatus, onPresence, onRemoteChange }) => {
    const statusWaiters = new Set<() => void>()
    const sync = new DealSync({
      // Main's writer for the log and the share record too, as for the deal's JSON.
      dataDir, dealId, serverUrl, token, user, stores, fs: stores.deps.fs, onRemoteChange, earlier,
      // A command may name a seller of this laptop's roster the doc does not carry yet (a seat,
      // a relationship, the account's update on open): the doc takes them from here, as a
      // private deal's save does (docs/collaboration.md, "The deal derived from the document").
      sellers: () => stores.workspace.current.roster,
      onStatus: () => {
        for (const waiter of [...statusWaiters]) waiter()
        onStatus()
      },
    })
    await sync.start()
    await firstAnswer(sync, statusWaiters)
    // The page edits the deal as a private one until main answers: a save made meanwhile goes into the doc.
    await sync.adoptNewerCopy()
    // DealSync has no awareness callback: presence is read four times a second, pushed only when it changed.
    const presenceTimer = setInterval(onPresence, 250)
    presenceTimer.unref?.()
    let undoable = 0
    let redoable = 0
    // The private deal's last edits, replayed when this laptop seeded the doc (at the first
    // sync, which may come after start when offline), are undo steps too.
    let replayed = 0
    const catchUp = () => {
      undoable += sync.replayedSteps - replayed
      replayed = sync.replayedSteps
    }
    const engine: SyncEngine = {
      apply(commands, mergeKey) {
        catchUp()
        let newStep: boolean
        try {
          newStep = sync.apply(commands, mergeKey)
        } catch (error) {
          if (error instanceof ReadOnlyError) throw new AppFailure('forbidden', error.message, undefined, 'read-only')
          throw error
        }
        if (newStep) undoable++
        redoable = 0
      },
      undo() {
        catchUp()
        if (!sync.undo()) return void (undoable = 0)
        undoable = Math.max(0, undoable - 1)
        redoable++
      },
      redo() {
        if (!sync.redo()) return void (redoable = 0)
        redoable = Math.max(0, redoable - 1)
        undoable++
      },
      setSelection: (ids) => sync.setSelection(ids),
      status: () => pageStatus(sync.status),
      presence(): PresentUser[] {
        const self: PresentUser = { clientId: 0, name: user.name, email: user.email, color: user.color, selection: [], self: true }
        return [self, ...sync.presence().map((p) => ({ clientId: p.clientId, name: p.user.name, email: p.user.email, color: p.user.color, selection: p.selection, self: false }))]
      },
      file: () => sync.file(),
      adoptSaved: (file) => sync.adoptSaved(file),
      changeLog: () => changeLog(sync.doc),
      logMark: () => logMark(sync.doc),
      changeLogBetween: (from, to) => changeLogBetween(sync.doc, from, to),
      canUndo: () => {
        catchUp()
        return undoable > 0
      },
      canRedo: () => redoable > 0,
      readOnly: () => sync.status.kind === 'connected' && sync.status.readOnly,
      async stop() {
        clearInterval(presenceTimer)
        await sync.stop()
      },
    }
    return engine
  }
}

/** Wait for the server's first answer (in sync, offline, or refused: a wrong token, no server at the address), at most FIRST_ANSWER_MS. */
function firstAnswer(sync: DealSync, statusWaiters: Set<() => void>): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      statusWaiters.delete(check)
      resolve()
    }
    // Offline is an answer too (a deal synced before, its server away): the page must not edit
    // it as a private deal for seconds meanwhile (docs/collaboration-app.md, "Offline").
    const check = () => {
      if (sync.status.kind === 'refused' || sync.status.kind === 'offline') done()
    }
    const timer = setTimeout(done, FIRST_ANSWER_MS)
    statusWaiters.add(check)
    sync.whenInSync().then(done, done)
  })
}

