import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHANNELS } from '@shared/ipc'
import { openApp, type App } from '../harness/app'
import { currentMode } from '../harness/mode'

// What the page can reach: the allow-listed api methods only, no Node or generic IPC. In Electron mode this checks the real preload.
describe('the page cannot reach the machine', () => {
  let app: App
  beforeAll(async () => {
    app = await openApp()
    await app.page.waitForFunction(() => document.getElementById('root')?.childElementCount)
  })
  afterAll(() => app?.close())

  it('window.api holds exactly the allow-listed methods and nothing else', async () => {
    const allowed = [...Object.values(CHANNELS).map((c) => c.method), 'onMenuAction', 'onCollabEvent'].sort()
    const exposed = await app.page.evaluate(() => ({
      keys: Object.getOwnPropertyNames(window.api).sort(),
      allFunctions: Object.values(window.api).every((v) => typeof v === 'function'),
      frozen: Object.isFrozen(window.api),
    }))
    expect(exposed.keys).toEqual(allowed)
    expect(exposed.allFunctions).toBe(true)
    expect(exposed.keys).not.toContain('invoke')
    expect(exposed.frozen).toBe(true)
  })

  it('the page cannot replace window.api', async () => {
    const replaced = await app.page.evaluate(() => {
      try {
        ;(window as unknown as { api: unknown }).api = { loadWorkspace: () => 'hijacked' }
      } catch {
        /* a read-only property throws in strict code */
      }
      return typeof window.api.loadWorkspace === 'function' && window.api.loadWorkspace.toString() !== "() => 'hijacked'"
    })
    expect(replaced).toBe(true)
  })

  it('has no require, process, module or generic IPC on window', async () => {
    const globals = await app.page.evaluate(() => ({
      require: typeof (globalThis as Record<string, unknown>).require,
      process: typeof (globalThis as Record<string, unknown>).process,
      module: typeof (globalThis as Record<string, unknown>).module,
      Buffer: typeof (globalThis as Record<string, unknown>).Buffer,
      ipcRenderer: typeof (globalThis as Record<string, unknown>).ipcRenderer,
      electron: typeof (globalThis as Record<string, unknown>).electron,
      invoke: typeof (globalThis as Record<string, unknown>).__invoke,
    }))
    expect(globals).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      Buffer: 'undefined',
      ipcRenderer: 'undefined',
      electron: 'undefined',
      invoke: 'undefined',
    })
  })

  it('an injected inline script does not run under the CSP, and the block is reported', async () => {
    const outcome = await app.page.evaluate(async () => {
      const blocked = new Promise<string>((resolve) =>
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true }),
      )
      const script = document.createElement('script')
      script.textContent = 'window.__injectedRan = true'
      document.body.appendChild(script)
      const ran = (window as unknown as { __injectedRan?: boolean }).__injectedRan === true
      const directive = ran ? 'none: the script ran' : await blocked
      return { directive, ran }
    })
    expect(outcome.ran).toBe(false)
    expect(outcome.directive).toMatch(/^script-src/)
  })

  it('string eval and inline event handlers are refused too', async () => {
    // Code typed into DevTools (and so page.evaluate) is exempt from CSP; a timer given a string
    // is compiled by the page itself, as any injected code would be.
    const evalViolation = await app.page.evaluate(async () => {
      const reported = new Promise<string>((resolve) =>
        document.addEventListener('securitypolicyviolation', (e) => resolve(`${e.effectiveDirective} ${e.blockedURI}`), { once: true }),
      )
      const ran = new Promise<string>((resolve) => {
        ;(window as unknown as { __ranHook: () => void }).__ranHook = () => resolve('none: the string ran')
      })
      ;(setTimeout as unknown as (code: string, ms: number) => number)('window.__stringTimerRan = true; window.__ranHook()', 0)
      return Promise.race([reported, ran])
    })
    expect(evalViolation).toMatch(/^script-src.* eval$/)

    const handlerViolation = await app.page.evaluate(async () => {
      const reported = new Promise<string>((resolve) =>
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true }),
      )
      const img = document.createElement('img')
      const ran = new Promise<string>((resolve) => {
        ;(window as unknown as { __ranHook: () => void }).__ranHook = () => resolve('none: the handler ran')
      })
      img.setAttribute('onerror', 'window.__handlerRan = true; window.__ranHook()')
      img.src = 'data:,not-an-image'
      document.body.appendChild(img)
      return Promise.race([reported, ran])
    })
    expect(handlerViolation).toMatch(/^script-src/)
    const ran = await app.page.evaluate(() => {
      const w = window as unknown as { __stringTimerRan?: boolean; __handlerRan?: boolean }
      return { timer: w.__stringTimerRan === true, handler: w.__handlerRan === true }
    })
    expect(ran).toEqual({ timer: false, handler: false })
  })

  it('runs in a secure context, as the packaged app does', async () => {
    expect(await app.page.evaluate(() => window.isSecureContext)).toBe(true)
  })

  it('a call with wrong arguments gets a typed error, not a crash', async () => {
    const result = await app.page.evaluate(() => (window.api.openDeal as unknown as (x: unknown) => Promise<unknown>)({ not: 'an id' }))
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
  })
})

// The window rules main sets up (no Node, no popups, no navigating away, no permissions), seen from inside the real Electron window.
// Chromium mode has no main process to enforce them (its unit tests are in
// tests/unit/security/window-security.test.ts), so this block runs only in Electron mode.
describe.runIf(currentMode() === 'electron')('the Electron window enforces main\'s rules', () => {
  let app: App
  beforeAll(async () => {
    app = await openApp()
    await app.page.waitForFunction(() => document.getElementById('root')?.childElementCount)
  })
  afterAll(() => app?.close())

  it('runs in Electron with Node out of reach', async () => {
    const seen = await app.page.evaluate(() => ({ electron: /Electron\//.test(navigator.userAgent), process: typeof (globalThis as Record<string, unknown>).process }))
    expect(seen).toEqual({ electron: true, process: 'undefined' })
  })

  it('window.open is denied (URLs that are not https never open anything)', async () => {
    const opened = await app.page.evaluate(() => ['file:///etc/passwd', 'http://127.0.0.1:9/', 'javascript:alert(1)'].map((url) => window.open(url) === null))
    expect(opened).toEqual([true, true, true])
  })

  it('navigating away from the app page is refused', async () => {
    const appUrl = app.page.url()
    for (const target of ['file:///etc/passwd', 'http://127.0.0.1:9/']) {
      await app.page.evaluate((url) => void (location.href = url), target)
      await app.page.waitForTimeout(500) // give a navigation the chance to commit, then check it did not
      expect(app.page.url()).toBe(appUrl)
    }
    expect(await app.page.evaluate(() => typeof window.api.loadWorkspace)).toBe('function')
  })

  it('permission requests are denied', async () => {
    expect(await app.page.evaluate(() => Notification.requestPermission())).toBe('denied')
  })
})
