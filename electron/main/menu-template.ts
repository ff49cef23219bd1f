import type { MenuItemConstructorOptions } from 'electron'
import type { MenuActionId } from '@shared/ipc-channels'

/**
 * The native menu. Items that act on the app send an action name to the page, which runs
 * the same named action as its shortcuts and palette. Undo/redo are the app's own history.
 */
export function menuTemplate(send: (action: MenuActionId) => void, platform: string, isDev: boolean): MenuItemConstructorOptions[] {
  const item = (label: string, action: MenuActionId, accelerator?: string): MenuItemConstructorOptions => ({ label, click: () => send(action), ...(accelerator ? { accelerator } : {}) })
  const mac = platform === 'darwin'
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        item('New Deal', 'deal.new', 'CmdOrCtrl+N'),
        item('Import Deal File…', 'deal.import', 'CmdOrCtrl+O'),
        { type: 'separator' },
        item('Export Deal File…', 'deal.export-file', 'CmdOrCtrl+Shift+S'),
        item('Export Slides…', 'deal.export-slides', 'CmdOrCtrl+Shift+E'),
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        item('Undo', 'edit.undo', 'CmdOrCtrl+Z'),
        item('Redo', 'edit.redo', mac ? 'Cmd+Shift+Z' : 'Ctrl+Y'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        item('Fit Map to Window', 'view.fit', 'CmdOrCtrl+0'),
        item('Meeting Mode', 'view.meeting', 'F5'),
        item('Command Palette…', 'view.palette', 'CmdOrCtrl+K'),
        item('People Table', 'view.people', 'CmdOrCtrl+Shift+P'),
        { type: 'separator' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'resetZoom' },
        ...(isDev ? [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }] : []),
      ],
    },
    {
      label: 'Deal',
      submenu: [item('Deal Details…', 'deal.details'), { type: 'separator' }, item('New Deal', 'deal.new'), item('Import Deal File…', 'deal.import'), item('Export Deal File…', 'deal.export-file'), item('Export Slides…', 'deal.export-slides'), { type: 'separator' }, item('Restore from Backup…', 'deal.restore-backup')],
    },
    { label: 'Help', submenu: [item('Keyboard Shortcuts', 'help.shortcuts', 'CmdOrCtrl+/')] },
  ]
}
