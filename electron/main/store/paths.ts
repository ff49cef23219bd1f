import { join } from 'node:path'
import { fileNameOfId } from '@shared/file-names'

/**
 * Where everything lives inside the data folder. Per-deal names come from a file stem
 * (see shared/file-names.ts and deal-names.ts), never from the raw id.
 */
export function storePaths(dataDir: string) {
  return {
    dataDir,
    workspace: join(dataDir, 'workspace.json'),
    deals: join(dataDir, 'deals'),
    /** Where a deal's file belongs under the current naming rule (for messages; the store resolves old names). */
    deal: (id: string) => join(dataDir, 'deals', fileNameOfId(id)),
    dealAt: (stem: string) => join(dataDir, 'deals', `${stem}.json`),
    backups: join(dataDir, 'backups'),
    /** One file per customer account (docs/method.md, "Accounts"); the id is a safe file name by construction. */
    accounts: join(dataDir, 'accounts'),
    account: (accountId: string) => join(dataDir, 'accounts', `${accountId.toLowerCase()}.json`),
    snapshots: join(dataDir, 'snapshots'),
    /** The folder of a deal's snapshots, one file each. */
    snapshotDir: (stem: string) => join(dataDir, 'snapshots', stem),
    /** The single snapshot file per deal written by earlier versions, named by the raw id. */
    legacySnapshot: (dealId: string) => join(dataDir, 'snapshots', `${dealId}.json`),
  }
}
export type StorePaths = ReturnType<typeof storePaths>

/** Deal ids are letters, digits, "-" and "_" (the schema's Id), so they are safe file names. */
export { SAFE_ID } from '@shared/file-names'

export const dealBackupKey = (stem: string) => `deal-${stem}`
export const WORKSPACE_BACKUP_KEY = 'workspace'
export const accountBackupKey = (accountId: string) => `account-${accountId.toLowerCase()}`
/** Backups of the single snapshot file of earlier versions, named by the raw id. */
export const legacySnapshotBackupKey = (dealId: string) => `snapshots-${dealId}`
