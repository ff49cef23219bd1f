import { Menu, type BrowserWindow } from 'electron'
import { MENU_ACTION_CHANNEL, type MenuActionId } from '@shared/ipc-channels'
import { menuTemplate } from './menu-template'

export function installMenu(window: () => BrowserWindow | null, isDev: boolean): void {
  const send = (action: MenuActionId) => window()?.webContents.send(MENU_ACTION_CHANNEL, action)
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(send, process.platform, isDev)))
}
