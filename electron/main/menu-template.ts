import type { MenuItemConstructorOptions } from 'electron'
import type { MenuActionId } from '@shared/ipc-channels'
import type { Translator } from '@shared/i18n'

/**
 * The native menu, worded by `t` in the page's language. Items that act on the app send an
 * action name to the page, which runs the same named action as its shortcuts and palette.
 * Undo/redo are the app's own history. Roles get a label too, so the whole menu follows the
 * app's language rather than the system's.
 */
export function menuTemplate(send: (action: MenuActionId) => void, platform: string, isDev: boolean, t: Translator): MenuItemConstructorOptions[] {
  const item = (key: string, action: MenuActionId, accelerator?: string): MenuItemConstructorOptions => ({ label: t(`menu:${key}`), click: () => send(action), ...(accelerator ? { accelerator } : {}) })
  const role = (r: NonNullable<MenuItemConstructorOptions['role']>, key: string): MenuItemConstructorOptions => ({ role: r, label: t(`menu:${key}`) })
  const mac = platform === 'darwin'
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: t('menu:file'),
      submenu: [
        item('newDeal', 'deal.new', 'CmdOrCtrl+N'),
        item('importDeal', 'deal.import', 'CmdOrCtrl+O'),
        { type: 'separator' },
        item('exportDeal', 'deal.export-file', 'CmdOrCtrl+Shift+S'),
        item('exportSlides', 'deal.export-slides', 'CmdOrCtrl+Shift+E'),
        { type: 'separator' },
        mac ? role('close', 'close') : role('quit', 'quit'),
      ],
    },
    {
      label: t('menu:edit'),
      submenu: [
        item('undo', 'edit.undo', 'CmdOrCtrl+Z'),
        item('redo', 'edit.redo', mac ? 'Cmd+Shift+Z' : 'Ctrl+Y'),
        { type: 'separator' },
        role('cut', 'cut'),
        role('copy', 'copy'),
        role('paste', 'paste'),
        role('selectAll', 'selectAll'),
      ],
    },
    {
      label: t('menu:view'),
      submenu: [
        item('fit', 'view.fit', 'CmdOrCtrl+0'),
        item('meeting', 'view.meeting', 'F5'),
        item('palette', 'view.palette', 'CmdOrCtrl+K'),
        item('peopleTable', 'view.people', 'CmdOrCtrl+Shift+P'),
        { type: 'separator' },
        role('zoomIn', 'zoomIn'),
        role('zoomOut', 'zoomOut'),
        role('resetZoom', 'resetZoom'),
        ...(isDev ? [{ type: 'separator' as const }, role('reload', 'reload'), role('toggleDevTools', 'devTools')] : []),
      ],
    },
    {
      label: t('menu:deal'),
      submenu: [item('dealDetails', 'deal.details'), item('accountView', 'deal.account'), { type: 'separator' }, item('newDeal', 'deal.new'), item('importDeal', 'deal.import'), item('exportDeal', 'deal.export-file'), item('exportSlides', 'deal.export-slides'), { type: 'separator' }, item('restoreBackup', 'deal.restore-backup')],
    },
    { label: t('menu:help'), submenu: [item('shortcuts', 'help.shortcuts', 'CmdOrCtrl+/')] },
  ]
}
