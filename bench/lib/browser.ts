/**
 * Chromium for the benchmark: the built renderer with `window.api` bridged to main's
 * handlers over real files (the e2e harness's pieces), and the baseline pages built from
 * bench/baseline. One browser; a fresh context per measured page load.
 */
import { resolve } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { createHandlers } from '../../electron/main/handlers'
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security-policy'
import { invokeChannel } from '../../electron/main/ipc'
import { bridgeScript, INVOKE_BINDING, invokeBinding } from '../../tests/e2e/harness/bridge'
import { testDialogs } from '../../tests/e2e/harness/dialogs'
import { CHROMIUM_FLAGS, chromiumPath, VIEWPORT } from '../../tests/e2e/harness/mode'
import { APP_ORIGIN, APP_URL, serveFrom } from '../../tests/e2e/harness/serve'
import { GRAPH_GLOBAL, type BenchGraph } from '../baseline/graph'

export const BASELINE_DIR = resolve(import.meta.dirname, '../baseline/dist')
const BASELINE_ORIGIN = 'http://bench.test'

/** The same flags for the app and the baselines (software rendering: --disable-gpu), plus `extra`. */
export function launchBrowser(extra: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_FLAGS, ...extra] })
}

export interface OpenedPage {
  context: BrowserContext
  page: Page
  close(): Promise<void>
}

/** The app as Chromium mode runs it: a new handler table (as a new main process would) over `dataDir`. */
export async function openApp(browser: Browser, dataDir: string, initScript?: string): Promise<OpenedPage> {
  const handlers = createHandlers({
    dataDir,
    dialogs: testDialogs(dataDir),
    shell: { openExternal: async () => undefined },
    clipboard: { writeImage: () => undefined },
  })
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US', deviceScaleFactor: 1 })
  await context.route(`${APP_ORIGIN}/**`, serveFrom())
  await context.exposeFunction(INVOKE_BINDING, invokeBinding((channel, args) => invokeChannel(handlers, channel, args)))
  await context.addInitScript({ content: bridgeScript() })
  if (initScript) await context.addInitScript({ content: initScript })
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`))
  await page.goto(APP_URL)
  return { context, page, close: () => context.close() }
}

/** A baseline page (flow.html, blank.html, provider.html), with `graph` handed over before its scripts run. */
export async function openBaseline(browser: Browser, name: 'flow' | 'blank' | 'provider', graph?: BenchGraph, initScript?: string, search = ''): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US', deviceScaleFactor: 1 })
  // The provider page talks to a bare server on 127.0.0.1: the app's policy with that socket allowed.
  const csp = name === 'provider' ? CONTENT_SECURITY_POLICY.replace("connect-src 'self'", "connect-src 'self' ws://127.0.0.1:*") : CONTENT_SECURITY_POLICY
  await context.route(`${BASELINE_ORIGIN}/**`, serveFrom(BASELINE_DIR, csp))
  if (graph) await context.addInitScript({ content: `window[${JSON.stringify(GRAPH_GLOBAL)}] = ${JSON.stringify(graph)};` })
  if (initScript) await context.addInitScript({ content: initScript })
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error(`[baseline page error] ${error.message}`))
  await page.goto(`${BASELINE_ORIGIN}/${name}.html${search}`)
  return { context, page, close: () => context.close() }
}

/** JS heap in use after a full garbage collection, in MB (CDP Runtime.getHeapUsage). */
export async function heapUsedMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  try {
    await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('HeapProfiler.collectGarbage')
    const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number }
    return usage.usedSize / 1024 / 1024
  } finally {
    await cdp.detach()
  }
}
