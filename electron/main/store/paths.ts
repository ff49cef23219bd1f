import { join } from 'node:path'

/** Where everything lives inside the data folder. */
export function storePaths(dataDir: string) {
  return {
    dataDir,
    workspace: join(dataDir, 'workspace.json'),
    deals: join(dataDir, 'deals'),
    deal: (id: string) => join(dataDir, 'deals', `${id}.json`),
    backups: join(dataDir, 'backups'),
    snapshots: join(dataDir, 'snapshots'),
    snapshot: (dealId: string) => join(dataDir, 'snapshots', `${dealId}.json`),
  }
}
export type StorePaths = ReturnType<typeof storePaths>

/** Deal ids are letters, digits, "-" and "_" (the schema's Id), so they are safe file names. */
export const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/

export const dealBackupKey = (id: string) => `deal-${id}`
export const WORKSPACE_BACKUP_KEY = 'workspace'
export const snapshotBackupKey = (dealId: string) => `snapshots-${dealId}`
