import type { MenuActionId } from '@shared/ipc-channels'
import { useDealStore, type DealState } from '../state/deal-store'
import { useUiStore, type UiState } from '../state/ui-store'
import { mapController, type MapController } from '../map'
import {
  addPlaceholder, addStakeholder, copySelection, deleteSelection, duplicateSelection, pasteFromClipboard, tidyLayout,
} from '../map'
import { meetingActions } from '../meeting'
import { snapshotActions } from '../snapshots'
import { importActions } from '../import'
import { paletteActions } from '../palette'
import { relationshipActions } from '../relationships'
import { teamActions } from '../team'
import { backupActions } from '../backups'
import { exportActions } from '../export'
import { branchActions } from '../map'
import { dealDetailsActions } from '../deal-details'
import { peopleActions } from '../people'
import { collabActions } from '../collab'
import { accountActions } from '../accounts'

export interface ActionContext {
  deal: DealState
  ui: UiState
  map: MapController | null
}

/**
 * One registry of named actions: the toolbar, keyboard shortcuts, the command palette and
 * the native menu (`api.onMenuAction(id)`) all run the same action by id.
 * `shortcut` uses `mod` for Ctrl (Windows/Linux) or Cmd (macOS), e.g. `mod+shift+z`.
 */
export interface AppAction {
  id: string
  titleKey: string
  shortcut?: string[]
  /** Shortcut keys shown in the sheet when they differ from `shortcut` (e.g. arrows). */
  group?: 'edit' | 'map' | 'view' | 'help'
  /** Runs only with a deal open (default true). */
  needsDeal?: boolean
  isEnabled?(ctx: ActionContext): boolean
  run(ctx: ActionContext): void | Promise<void>
}

const hasSelection = (ctx: ActionContext): boolean => ctx.deal.selection.length > 0 || ctx.deal.linkSelection.length > 0

export const actions: AppAction[] = [
  {
    id: 'deal.new', titleKey: 'common:deals.new', group: 'edit', needsDeal: false,
    run: async (c) => {
      if (await c.deal.close()) c.ui.requestNewDeal()
    },
  },
  { id: 'undo', titleKey: 'common:actions.undo', shortcut: ['mod+z'], group: 'edit', isEnabled: (c) => c.deal.canUndo, run: (c) => c.deal.undo() },
  { id: 'redo', titleKey: 'common:actions.redo', shortcut: ['mod+shift+z', 'ctrl+y'], group: 'edit', isEnabled: (c) => c.deal.canRedo, run: (c) => c.deal.redo() },
  { id: 'add-stakeholder', titleKey: 'map:actions.addStakeholder', shortcut: ['n'], group: 'map', run: () => { addStakeholder() } },
  { id: 'add-placeholder', titleKey: 'map:actions.addPlaceholder', group: 'map', run: () => { addPlaceholder() } },
  { id: 'delete', titleKey: 'map:actions.delete', shortcut: ['delete', 'backspace'], group: 'map', isEnabled: hasSelection, run: () => deleteSelection() },
  { id: 'duplicate', titleKey: 'map:actions.duplicate', shortcut: ['mod+d'], group: 'map', isEnabled: (c) => c.deal.selection.length > 0, run: () => duplicateSelection() },
  { id: 'copy', titleKey: 'map:actions.copy', shortcut: ['mod+c'], group: 'map', isEnabled: (c) => c.deal.selection.length > 0, run: () => copySelection() },
  { id: 'paste', titleKey: 'map:actions.paste', shortcut: ['mod+v'], group: 'map', run: () => pasteFromClipboard() },
  { id: 'select-all', titleKey: 'map:actions.selectAll', shortcut: ['mod+a'], group: 'map', run: (c) => c.deal.select(c.deal.deal?.stakeholders.map((s) => s.id) ?? []) },
  { id: 'tidy-layout', titleKey: 'map:actions.tidy', shortcut: ['mod+shift+l'], group: 'map', run: () => tidyLayout() },
  { id: 'fit-view', titleKey: 'map:actions.fitView', shortcut: ['shift+1'], group: 'view', run: (c) => c.map?.fitView() },
  { id: 'toggle-departments', titleKey: 'map:actions.toggleDepartments', shortcut: ['shift+d'], group: 'view', run: (c) => c.ui.toggleDepartments() },
  { id: 'search', titleKey: 'map:actions.search', shortcut: ['mod+f', '/'], group: 'view', run: (c) => c.ui.requestSearchFocus() },
  { id: 'clear-selection', titleKey: 'map:keys.escape', shortcut: ['escape'], group: 'map', run: (c) => { c.deal.select([]); c.deal.selectLinks([]) } },
  { id: 'shortcuts', titleKey: 'common:actions.shortcuts', shortcut: ['?'], group: 'help', needsDeal: false, run: (c) => c.ui.setShortcutsOpen(true) },
  // Meeting mode, snapshots, sharing and import, the command palette.
  ...meetingActions,
  ...snapshotActions,
  ...importActions,
  ...paletteActions,
  // Log a contact (L).
  ...relationshipActions,
  // The team panel, coverage overlay and roster.
  ...teamActions,
  // Restore a deal from one of its backups.
  ...backupActions,
  // Export slides and map images.
  ...exportActions,
  // Collapse a branch, focus on a branch or a department, and back.
  ...branchActions,
  // The deal's own facts.
  ...dealDetailsActions,
  // Share with the team, join a shared deal.
  ...collabActions,
  // The people table beside the map.
  ...peopleActions,
  // The customer's account across its deals.
  ...accountActions,
]

/**
 * The registry action each native-menu id runs. Keyed by the menu's own union, so a menu
 * item without a renderer action fails to compile (tests/component/menu-actions.test.tsx
 * checks that every target is registered).
 */
export const MENU_ACTION_TARGETS = {
  'deal.new': 'deal.new',
  'deal.import': 'deal.import',
  'deal.export-file': 'deal.export-file',
  'deal.export-slides': 'export.slides',
  'deal.restore-backup': 'deal.restore-backup',
  'deal.details': 'deal.details',
  'deal.account': 'account.view',
  'edit.undo': 'undo',
  'edit.redo': 'redo',
  'view.fit': 'fit-view',
  'view.meeting': 'view.meeting',
  'view.palette': 'view.palette',
  'view.people': 'view.people',
  'help.shortcuts': 'shortcuts',
} as const satisfies Record<MenuActionId, string>

export function actionContext(): ActionContext {
  return { deal: useDealStore.getState(), ui: useUiStore.getState(), map: mapController() }
}

export function findAction(id: string): AppAction | undefined {
  const target = Object.hasOwn(MENU_ACTION_TARGETS, id) ? MENU_ACTION_TARGETS[id as MenuActionId] : undefined
  return actions.find((a) => a.id === id) ?? actions.find((a) => a.id === target)
}

export function isActionEnabled(action: AppAction, ctx: ActionContext = actionContext()): boolean {
  if (action.needsDeal !== false && !ctx.deal.deal) return false
  return action.isEnabled ? action.isEnabled(ctx) : true
}

/** Run an action by id if it exists and applies now; returns whether it ran. */
export function runAction(id: string): boolean {
  const action = findAction(id)
  if (!action) return false
  const ctx = actionContext()
  if (!isActionEnabled(action, ctx)) return false
  void action.run(ctx)
  return true
}
