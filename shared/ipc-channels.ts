/**
 * The IPC channel names and the native menu's action ids, as plain data. No zod here: the
 * sandboxed preload bundles this module and may only require('electron'). `shared/ipc.ts`
 * checks its zod contract against these names.
 */

/** channel → the name of its method on the page's `window.api`. */
export const CHANNEL_METHODS = {
  'workspace:load': 'loadWorkspace',
  'settings:update': 'updateSettings',
  'roster:save': 'saveSeller',
  'roster:archive': 'archiveSeller',
  'deal:open': 'openDeal',
  'deal:create': 'createDeal',
  'deal:save': 'saveDeal',
  'deal:save-changes': 'saveDealChanges',
  'deal:duplicate': 'duplicateDeal',
  'deal:delete': 'deleteDeal',
  'deal:backups': 'listBackups',
  'deal:restore-backup': 'restoreBackup',
  'deal:resolve-conflict': 'resolveConflict',
  'deal:export-file': 'exportDealFile',
  'deal:export-raw': 'exportRawDealFile',
  'deal:import-preview': 'previewImport',
  'deal:import': 'importDeal',
  'conflict:open-as-deal': 'openConflictCopyAsDeal',
  'conflict:dismiss': 'dismissConflictCopy',
  'snapshot:list': 'listSnapshots',
  'snapshot:save': 'saveSnapshot',
  'snapshot:get': 'getSnapshot',
  'snapshot:authors': 'snapshotAuthors',
  'file:save': 'saveFile',
  'file:pick-text': 'pickTextFile',
  'clipboard:write-image': 'copyImage',
  'app:open-external': 'openExternal',
  'app:info': 'appInfo',
  'app:set-language': 'setMenuLanguage',
  'template:pick': 'pickDeckTemplate',
  'template:clear': 'clearDeckTemplate',
  'template:apply': 'applyDeckTemplate',
  'image:save': 'saveMapImage',
  'growth:load': 'loadGrowth',
  'growth:save': 'saveSellerGrowth',
  // Collaboration (#16, shared/ipc-collab.ts).
  'collab:share': 'shareDeal',
  'collab:join': 'joinSharedDeal',
  'collab:leave': 'leaveSharedDeal',
  'collab:unshare': 'unshareDeal',
  'collab:state': 'collabState',
  'collab:apply': 'applySharedCommands',
  'collab:undo': 'undoShared',
  'collab:redo': 'redoShared',
  'collab:select': 'setSharedSelection',
  'collab:log': 'sharedChangeLog',
  'account:for-deal': 'accountForDeal',
  'account:overview': 'accountOverview',
  'account:decide': 'decideAccountCandidate',
} as const

export type Channel = keyof typeof CHANNEL_METHODS

/** The channel main uses to send menu actions to the page. */
export const MENU_ACTION_CHANNEL = 'menu:action'

/** The channel main pushes collaboration events on (sync state, presence, a remote change). */
export const COLLAB_EVENT_CHANNEL = 'collab:event'

/** Every action id the native menu can send to the page. */
export const MENU_ACTION_IDS = [
  'deal.new', 'deal.import', 'deal.account', 'deal.export-file', 'deal.export-slides', 'deal.restore-backup', 'deal.details',
  'edit.undo', 'edit.redo', 'view.fit', 'view.meeting', 'view.palette', 'view.people', 'help.shortcuts',
] as const
export type MenuActionId = (typeof MENU_ACTION_IDS)[number]
