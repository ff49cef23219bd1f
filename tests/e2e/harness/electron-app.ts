import { join, resolve } from 'node:path'
import { _electron, type ElectronApplication, type Page } from 'playwright-core'
import type { App, OpenAppOptions } from './app'
import { VIEWPORT } from './mode'
import { makeTempFolders } from './temp'

const MAIN_ENTRY = resolve(import.meta.dirname, '../../../out/main/index.js')

/**
 * Electron mode: the real app (out/main/index.js) through Playwright's `_electron`, on a temp
 * user-data folder. run.mjs chose this mode after checking the binary runs and a display
 * (real or Xvfb) exists. Save dialogs are replaced in main so "save as" writes to `saveDir`.
 */
export async function openElectronApp(options: OpenAppOptions): Promise<App> {
  const folders = await makeTempFolders(options.dataDir)
  const pageErrors: string[] = []
  const executablePath = process.env.E2E_ELECTRON_PATH
  if (!executablePath) throw new Error('Electron mode needs E2E_ELECTRON_PATH (set by tests/e2e/run.mjs)')
  let app: ElectronApplication
  let page: Page

  const start = async (): Promise<Page> => {
    app = await _electron.launch({
      executablePath,
      args: [MAIN_ENTRY, `--user-data-dir=${join(folders.root, 'profile')}`],
      env: { ...process.env, WAR_ROOM_DATA_DIR: folders.dataDir, NODE_ENV: 'production' } as Record<string, string>,
    })
    await app.evaluate(({ dialog }, saveDir) => {
      const target = (suggested: string | undefined) => `${saveDir}/${(suggested ?? 'file').split(/[\\/]/).pop()}`
      dialog.showSaveDialog = (async (...args: unknown[]) => {
        const opts = args[args.length - 1] as { defaultPath?: string }
        return { canceled: false, filePath: target(opts?.defaultPath) }
      }) as typeof dialog.showSaveDialog
      const queue: Array<string | null> = []
      ;(globalThis as Record<string, unknown>).__e2eOpenQueue = queue
      dialog.showOpenDialog = (async () => {
        const next = queue.length ? queue.shift() : null
        return next ? { canceled: false, filePaths: [next] } : { canceled: true, filePaths: [] }
      }) as typeof dialog.showOpenDialog
      dialog.showMessageBox = (async () => ({ response: 0, checkboxChecked: false })) as typeof dialog.showMessageBox
    }, folders.saveDir)
    page = await app.firstWindow()
    await app.evaluate(({ BrowserWindow }, size) => BrowserWindow.getAllWindows()[0]?.setContentSize(size.width, size.height), VIEWPORT)
    page.on('pageerror', (error) => {
      pageErrors.push(error.message)
      console.error(`[page error] ${error.message}`)
    })
    await page.waitForLoadState('domcontentloaded')
    return page
  }
  await start()

  return {
    mode: 'electron',
    get page() {
      return page
    },
    dataDir: folders.dataDir,
    saveDir: folders.saveDir,
    pageErrors,
    handlers: null,
    bridge: null,
    async queueOpenFile(path) {
      await app.evaluate((_electron, next) => ((globalThis as Record<string, unknown>).__e2eOpenQueue as Array<string | null>).push(next), path)
    },
    async restart() {
      await app.close()
      return start()
    },
    async sendMenuAction(action) {
      await app.evaluate(({ BrowserWindow }, a) => BrowserWindow.getAllWindows()[0]?.webContents.send('menu:action', a), action)
    },
    async close() {
      await app.close()
      await folders.remove()
    },
  }
}
