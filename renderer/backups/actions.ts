import type { AppAction } from '../app'
import { openRestoreDialog } from './restore-store'

export const backupActions: AppAction[] = [
  { id: 'deal.restore-backup', titleKey: 'backups:action', group: 'edit', run: () => openRestoreDialog() },
]
