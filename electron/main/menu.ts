import { Menu, type BrowserWindow } from 'electron'
import { MENU_ACTION_CHANNEL } from '@shared/ipc'
import { menuTemplate } from './menu-template'

export function installMenu(window: () => BrowserWindow | null, isDev: boolean): void {
  const send = (action: string) => window()?.webContents.send(MENU_ACTION_CHANNEL, action)
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(send, process.platform, isDev)))
}
