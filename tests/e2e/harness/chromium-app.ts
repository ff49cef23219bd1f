import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { createHandlers } from '../../../electron/main/handlers'
import { invokeChannel } from '../../../electron/main/ipc'
import type { HandlerTable } from '@shared/ipc'
import type { App, BridgeRecord, OpenAppOptions } from './app'
import { bridgeScript, COLLAB_EVENT, INVOKE_BINDING, invokeBinding, MENU_EVENT } from './bridge'
import { memoryOnlyVault } from '../../../electron/main/collab/token-vault'
import { testDialogs } from './dialogs'
import { CHROMIUM_FLAGS, chromiumPath, VIEWPORT } from './mode'
import { APP_ORIGIN, APP_URL, serveFrom } from './serve'
import { makeTempFolders } from './temp'
import { wireCodec } from './wire'

const wire = wireCodec()

/**
 * Chromium mode: the built renderer in Debian's Chromium, its `window.api` bridged to the
 * handler table main registers, over real files in a temp folder. A restart drops the page
 * and the handler table (as quitting would) and builds both again on the same folder.
 */
export async function openChromiumApp(options: OpenAppOptions): Promise<App> {
  const folders = await makeTempFolders(options.dataDir)
  const pageErrors: string[] = []
  const browser: Browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS })
  let context: BrowserContext
  let page: Page
  let handlers: HandlerTable
  const record: BridgeRecord = { dialogs: testDialogs(folders.saveDir), openedUrls: [], clipboardImages: [] }
  // Calls still running when the app quits are awaited, as main would finish a write it began.
  const inFlight = new Set<Promise<unknown>>()
  const track = <T>(call: Promise<T>): Promise<T> => {
    inFlight.add(call)
    void call.finally(() => inFlight.delete(call)).catch(() => undefined)
    return call
  }
  let stopSyncs: () => Promise<void> = async () => undefined
  // The stand-in keychain lives as long as the laptop, not one run of the app: a restart finds
  // the tokens a shared deal resumes with, as the OS keychain keeps them across a quit.
  const vault = memoryOnlyVault()
  const quit = async () => {
    await context.close()
    await Promise.allSettled([...inFlight, stopSyncs()])
  }

  const start = async (): Promise<Page> => {
    handlers = createHandlers({
      dataDir: folders.dataDir,
      dialogs: record.dialogs,
      shell: { openExternal: async (url) => void record.openedUrls.push(url) },
      clipboard: { writeImage: (png) => void record.clipboardImages.push(png) },
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.fs ? { fs: options.fs } : {}),
      // No OS keychain here: the stand-in keeps tokens in this process's memory only, never on disk.
      collab: {
        vault,
        // One JSON string, decoded by the bridge, as the page's calls to main travel (wire.ts):
        // webContents.send's structured clone, not Playwright's value serialiser.
        emit: (event) => void page?.evaluate(([name, detail]) => window.dispatchEvent(new CustomEvent(name, { detail })), [COLLAB_EVENT, wire.encode(event)] as const).catch(() => undefined),
        onStopAll: (stopAll) => (stopSyncs = stopAll),
      },
    })
    const table = handlers
    context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US', deviceScaleFactor: 1 })
    await context.route(`${APP_ORIGIN}/**`, serveFrom())
    await context.exposeFunction(INVOKE_BINDING, invokeBinding((channel, args) => track(invokeChannel(table, channel, args))))
    await context.addInitScript({ content: bridgeScript() })
    page = await context.newPage()
    page.on('pageerror', (error) => {
      pageErrors.push(error.message)
      console.error(`[page error] ${error.message}`)
    })
    await page.goto(APP_URL)
    return page
  }
  await start()

  return {
    mode: 'chromium',
    get page() {
      return page
    },
    dataDir: folders.dataDir,
    saveDir: folders.saveDir,
    pageErrors,
    get handlers() {
      return handlers
    },
    bridge: record,
    async queueOpenFile(path) {
      record.dialogs.openQueue.push(path)
    },
    async restart() {
      await quit()
      return start()
    },
    async sendMenuAction(action) {
      await page.evaluate(([event, detail]) => window.dispatchEvent(new CustomEvent(event, { detail })), [MENU_EVENT, action] as const)
    },
    async close() {
      await quit()
      await browser.close()
      await folders.remove() // a given data folder lives outside the temp root and is kept
    },
  }
}
