import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, clipboard, ClipboardItem, ipcMain, safeStorage, session, shell } from 'electron'
import { COLLAB_EVENT_CHANNEL } from '@shared/ipc-channels'
import { safeStorageVault } from './collab/token-vault'
import { nodeDurableFs } from './store/durable-fs'
import { electronDialogs } from './dialogs'
import { createHandlers } from './handlers'
import { InFlight } from './in-flight'
import { registerIpc } from './ipc'
import { installMenu } from './menu'
import { hardenSession, hardenWebContents } from './security'
import { isSafeExternalUrl, makeIsAppUrl } from './security-policy'
import { createMainWindow } from './window'

// One app per data folder: a second launch hands over to the first and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  let mainWindow: BrowserWindow | null = null
  const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
  const rendererIndex = join(import.meta.dirname, '../renderer/index.html')
  const isAppUrl = makeIsAppUrl({ rendererIndexUrl: pathToFileURL(rendererIndex).href, devServerUrl })

  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.show()
    mainWindow.focus()
  })

  // Any web contents created later (a devtools window, a stray frame) gets the same rules.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, isAppUrl))

  // Quitting waits (at most a few seconds) for saves still on their way to disk.
  const inFlight = new InFlight()
  let writesSettled = false
  // Shared deals flush their update logs and readable copies before the app goes.
  let stopSyncs: () => Promise<void> = async () => undefined
  app.on('before-quit', (event) => {
    if (writesSettled) return
    event.preventDefault()
    void Promise.allSettled([inFlight.settled(), stopSyncs()]).finally(() => {
      writesSettled = true
      app.quit()
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession)
    const dataDir = process.env.WAR_ROOM_DATA_DIR ?? join(app.getPath('userData'), 'data')
    // Until the page says its language, the menu follows the system's.
    const menu = installMenu(() => mainWindow, !app.isPackaged, /^zh\b/i.test(app.getLocale()) ? 'zh-CN' : 'en')
    const handlers = createHandlers({
      dataDir,
      dialogs: electronDialogs(() => mainWindow),
      clipboard: { writeImage: (png) => clipboard.write([new ClipboardItem({ 'image/png': new Blob([new Uint8Array(png)], { type: 'image/png' }) })]) },
      shell: { openExternal: (url) => (isSafeExternalUrl(url) ? shell.openExternal(url) : Promise.resolve()) },
      info: { version: app.getVersion(), locale: app.getLocale(), platform: process.platform },
      menu,
      collab: {
        // The token is encrypted by the OS keychain; where there is none, sharing is refused.
        vault: safeStorageVault(nodeDurableFs, dataDir, {
          isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
          encryptString: (plain) => safeStorage.encryptString(plain),
          decryptString: (bytes) => safeStorage.decryptString(Buffer.from(bytes)),
        }),
        emit: (event) => mainWindow?.webContents.send(COLLAB_EVENT_CHANNEL, event),
        onStopAll: (stopAll) => (stopSyncs = stopAll),
      },
    })
    registerIpc(ipcMain, handlers, isAppUrl, inFlight)

    const open = async () => {
      mainWindow = await createMainWindow({
        preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
        statePath: join(app.getPath('userData'), 'window-state.json'),
        load: devServerUrl ? { url: devServerUrl } : { file: rendererIndex },
        isAppUrl,
      })
      mainWindow.on('closed', () => (mainWindow = null))
    }
    await open()
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) void open()
    })
  })
}
