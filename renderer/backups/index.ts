// The backups feature's public face: other features import only what is listed here.
export { RestoreBackupDialog } from './RestoreBackupDialog'
export { backupActions } from './actions'
