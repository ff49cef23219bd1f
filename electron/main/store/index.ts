import { AccountStore } from './account-store'
import { BackupStore } from './backups'
import { systemClock, type Clock } from './clock'
import { DealFileStore, type StoreDeps } from './deal-file-store'
import { DealFileNames } from './deal-names'
import { nodeDurableFs, type DurableFs } from './durable-fs'
import { storePaths } from './paths'
import { realSleep, type Sleep } from './read-retry'
import { SnapshotStore } from './snapshot-store'
import { WorkspaceStore } from './workspace-store'
import { GrowthStore } from './growth-store'
import { DEFAULT_SETTINGS } from '@shared/model'

export { BackupStore } from './backups'
export { DealFileStore } from './deal-file-store'
export { WorkspaceStore } from './workspace-store'
export { SnapshotStore } from './snapshot-store'
export { AccountStore } from './account-store'
export { DurableJSONFile } from './durable-json-file'
export { writeFileDurably } from './durable-write'
export { nodeDurableFs, type DurableFs } from './durable-fs'
export type { Clock } from './clock'
export type { Sleep } from './read-retry'

export interface Stores {
  deps: StoreDeps
  workspace: WorkspaceStore
  deals: DealFileStore
  snapshots: SnapshotStore
  /** Personal growth data, never part of a deal (docs/growth.md). */
  growth: GrowthStore
  accounts: AccountStore
}

/** All stores over one data folder, sharing the fs, the clock and the backups. */
export function openStores(dataDir: string, options: { fs?: DurableFs; clock?: Clock; sleep?: Sleep } = {}): Stores {
  const fs = options.fs ?? nodeDurableFs
  const clock = options.clock ?? systemClock
  const sleep = options.sleep ?? realSleep
  const paths = storePaths(dataDir)
  const holder: { workspace?: WorkspaceStore } = {}
  const keep = () => (holder.workspace?.loaded ? holder.workspace.current.settings.backupCount : DEFAULT_SETTINGS.backupCount)
  const deps: StoreDeps = { fs, clock, paths, sleep, backups: new BackupStore(fs, paths.backups, clock, keep, sleep), names: new DealFileNames(fs, paths) }
  const workspace = (holder.workspace = new WorkspaceStore(deps))
  return { deps, workspace, deals: new DealFileStore(deps), snapshots: new SnapshotStore(deps), growth: new GrowthStore(deps), accounts: new AccountStore(deps) }
}
