import { Menu, type BrowserWindow } from 'electron'
import { makeTranslator } from '@shared/i18n'
import { MENU_ACTION_CHANNEL, type MenuActionId } from '@shared/ipc-channels'
import type { Language } from '@shared/model'
import { menuTemplate } from './menu-template'

/** Installs the native menu in `language`; the page calls `setLanguage` when the user switches. */
export function installMenu(window: () => BrowserWindow | null, isDev: boolean, language: Language): { setLanguage(language: Language): void } {
  const send = (action: MenuActionId) => window()?.webContents.send(MENU_ACTION_CHANNEL, action)
  let current: Language | null = null
  const build = (lang: Language) => {
    if (lang === current) return
    current = lang
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(send, process.platform, isDev, makeTranslator(lang))))
  }
  build(language)
  return { setLanguage: build }
}
