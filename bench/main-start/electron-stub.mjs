// A stand-in for the 'electron' module, so main's bundle runs under plain Node. Every API
// main touches at start is a no-op; constructing the BrowserWindow records the time and ends
// the process (what follows in Electron, loading the page, is measured by the "open" row).
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const userData = mkdtempSync(join(tmpdir(), 'war-room-bench-main-'))
const noop = () => undefined
const defaultSession = { webRequest: { onHeadersReceived: noop }, setPermissionRequestHandler: noop, setPermissionCheckHandler: noop }

export const app = {
  isPackaged: true,
  requestSingleInstanceLock: () => {
    globalThis.__benchModulesLoaded = performance.now()
    return true
  },
  quit: noop,
  on: noop,
  whenReady: () => Promise.resolve(),
  getPath: () => userData,
  getVersion: () => '0.0.0',
  getLocale: () => 'en-US',
}
export class BrowserWindow {
  constructor() {
    const loaded = globalThis.__benchModulesLoaded ?? performance.now()
    process.stdout.write(JSON.stringify({ modulesLoadedMs: loaded, windowCreatedMs: performance.now() }) + '\n')
    process.exit(0)
  }
  static getAllWindows() {
    return []
  }
}
export const ipcMain = { handle: noop, removeHandler: noop }
export const Menu = { setApplicationMenu: noop, buildFromTemplate: () => ({}) }
export const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] }
export const dialog = { showOpenDialog: noop, showSaveDialog: noop }
export const shell = { openExternal: () => Promise.resolve() }
export const clipboard = { write: noop }
export class ClipboardItem {}
export const session = { defaultSession }
// The token vault asks it at first use, not at start (electron/main/collab/token-vault.ts).
export const safeStorage = { isEncryptionAvailable: () => false, encryptString: () => Buffer.alloc(0), decryptString: () => '' }
export default { app, BrowserWindow, ipcMain, Menu, screen, dialog, shell, clipboard, ClipboardItem, session, safeStorage }
