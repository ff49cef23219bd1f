import type { Deal, DealFile, Seller } from '@shared/model'
import type { Stores } from '../main/store'
import type { DurableFs } from '../main/store/durable-fs'
import type { PresenceUser } from './presence'
import type { SyncStatus } from './status'

/** What one shared deal's sync is given (docs/collaboration.md, "The client engine"). */
export interface DealSyncOptions {
  dataDir: string
  dealId: string
  serverUrl: string
  token: string
  user: PresenceUser
  onStatus?: (status: SyncStatus) => void
  /** A colleague's change reached the live doc; `file` is the new projection. */
  onRemoteChange?: (file: DealFile) => void
  /** The app's stores over `dataDir` (main passes its own, so one store writes the JSON). */
  stores?: Stores
  /** How long after a change the JSON projection is rewritten (ms). */
  projectionDebounceMs?: number
  /** How long after a change the update log is rewritten (ms); stop() flushes it at once. */
  logDebounceMs?: number
  /** The workspace's sellers, for commands that seat one the deal does not carry yet (main passes its roster). */
  sellers?: () => readonly Seller[]
  /** Joining: how long to wait for the deal to reach the server before `not-on-server` (ms). */
  joinWaitMs?: number
  /** How long after a failed write of the log, the share record or the JSON it is tried again (ms). */
  logRetryMs?: number
  /** The files' writer (tests pass a faulty one); main passes its own. */
  fs?: DurableFs
  /** Clock for log entries (tests pass a fixed one). */
  now?: () => Date
  /**
   * Sharing a private deal: the deal before each of the user's last undo steps, oldest first.
   * When this laptop seeds the doc, it seeds the oldest and replays each later state as one
   * transaction with the local origin, so the user's Y.UndoManager holds those edits as steps
   * (docs/collaboration-app.md, "Undo across sharing"). Ignored when joining what the server has.
   */
  earlier?: readonly Deal[]
}
