import type { CHANNELS, Channel, MENU_ACTION_CHANNEL } from '@shared/ipc'

// The sandboxed preload may only require('electron'), so it must not pull in the zod
// schemas of shared/ipc. This plain table is checked against the contract by the compiler
// (every channel, exact method names) and by tests/unit/ipc/preload.test.ts.
type MethodTable = { [K in Channel]: (typeof CHANNELS)[K]['method'] }

const METHODS: MethodTable = {
  'workspace:load': 'loadWorkspace',
  'settings:update': 'updateSettings',
  'roster:save': 'saveSeller',
  'roster:archive': 'archiveSeller',
  'deal:open': 'openDeal',
  'deal:create': 'createDeal',
  'deal:save': 'saveDeal',
  'deal:duplicate': 'duplicateDeal',
  'deal:delete': 'deleteDeal',
  'deal:backups': 'listBackups',
  'deal:restore-backup': 'restoreBackup',
  'deal:resolve-conflict': 'resolveConflict',
  'deal:export-file': 'exportDealFile',
  'deal:export-raw': 'exportRawDealFile',
  'deal:pick-import': 'pickImportFile',
  'deal:import-preview': 'previewImport',
  'deal:import': 'importDeal',
  'conflict:open-as-deal': 'openConflictCopyAsDeal',
  'conflict:dismiss': 'dismissConflictCopy',
  'snapshot:list': 'listSnapshots',
  'snapshot:save': 'saveSnapshot',
  'snapshot:get': 'getSnapshot',
  'file:save': 'saveFile',
  'file:pick-text': 'pickTextFile',
  'clipboard:write-image': 'copyImage',
  'app:open-external': 'openExternal',
  'app:info': 'appInfo',
}

/** channel → method name, as plain data for the preload and the browser test bridge. */
export function channelMethods(): Record<Channel, string> {
  return { ...METHODS }
}

export const MENU_CHANNEL: typeof MENU_ACTION_CHANNEL = 'menu:action'
