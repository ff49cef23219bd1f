import { BrowserWindow, screen } from 'electron'
import type { IsAppUrl } from './security-policy'
import { hardenWebContents } from './security'
import { windowOptions } from './window-options'
import { readWindowState, writeWindowState, type WindowState } from './window-state'

export interface MainWindowOptions {
  preloadPath: string
  statePath: string
  /** The dev server URL, or the built index.html file to load. */
  load: { url: string } | { file: string }
  isAppUrl: IsAppUrl
}

export async function createMainWindow(options: MainWindowOptions): Promise<BrowserWindow> {
  const state = await readWindowState(options.statePath, screen.getAllDisplays().map((d) => d.workArea))
  const win = new BrowserWindow(windowOptions(options.preloadPath, state))
  hardenWebContents(win.webContents, options.isAppUrl)
  if (state.maximized) win.maximize()
  win.once('ready-to-show', () => win.show())

  const remember = () => {
    if (win.isDestroyed()) return
    const bounds = win.getNormalBounds()
    const next: WindowState = { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height, maximized: win.isMaximized() }
    void writeWindowState(options.statePath, next)
  }
  win.on('close', remember)

  if ('url' in options.load) await win.loadURL(options.load.url)
  else await win.loadFile(options.load.file)
  return win
}
