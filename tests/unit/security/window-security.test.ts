import { describe, expect, it } from 'vitest'
import {
  CONTENT_SECURITY_POLICY, isSafeExternalUrl, makeIsAppUrl, shouldAllowNavigation, shouldGrantPermission, windowOpenDecision, withCspHeader,
} from '../../../electron/main/security-policy'
import { windowOptions } from '../../../electron/main/window-options'
import { DEFAULT_WINDOW_STATE, restoreWindowState } from '../../../electron/main/window-state'
import { MENU_ACTION_IDS } from '@shared/ipc-channels'
import { menuTemplate } from '../../../electron/main/menu-template'
import { makeTranslator } from '@shared/i18n'
import { CHANNELS } from '@shared/ipc'
import { createHandlers } from '../../../electron/main/handlers'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { MenuItemConstructorOptions } from 'electron'

const APP = 'file:///Applications/Deal%20War%20Room.app/Contents/Resources/app.asar/out/renderer/index.html'

describe('external links', () => {
  it('opens only https URLs', () => {
    expect(isSafeExternalUrl('https://example.com/docs')).toBe(true)
    for (const url of ['http://example.com', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'ms-msdt:/id', 'data:text/html,hi', 'HTTPS//nope', '', 'https://user:pw@example.com/', 'vbscript:x']) {
      expect(isSafeExternalUrl(url), url).toBe(false)
    }
  })

  it('window.open is always denied; https targets go to the browser instead', () => {
    expect(windowOpenDecision('https://example.com')).toEqual({ action: 'deny', openExternally: true })
    expect(windowOpenDecision('file:///etc/passwd')).toEqual({ action: 'deny', openExternally: false })
    expect(windowOpenDecision('javascript:alert(1)')).toEqual({ action: 'deny', openExternally: false })
  })
})

describe('navigation and sender URLs', () => {
  const isApp = makeIsAppUrl({ rendererIndexUrl: APP })
  it('navigation away from the app page is denied; reloading the app page is not', () => {
    expect(shouldAllowNavigation('https://evil.example/', isApp)).toBe(false)
    expect(shouldAllowNavigation('file:///etc/passwd', isApp)).toBe(false)
    expect(shouldAllowNavigation('file:///Applications/Deal%20War%20Room.app/Contents/Resources/app.asar/out/renderer/other.html', isApp)).toBe(false)
    expect(shouldAllowNavigation(`${APP}#/deal/1`, isApp)).toBe(true)
  })

  it('the dev server origin counts as the app only when one is configured', () => {
    const dev = makeIsAppUrl({ rendererIndexUrl: APP, devServerUrl: 'http://localhost:5173/' })
    expect(dev('http://localhost:5173/index.html')).toBe(true)
    expect(dev('http://localhost:5174/')).toBe(false)
    expect(isApp('http://localhost:5173/')).toBe(false)
    expect(isApp(undefined)).toBe(false)
    expect(isApp('not a url')).toBe(false)
  })

  it('every permission request is denied', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) expect(shouldGrantPermission(p)).toBe(false)
  })
})

describe('content security policy header', () => {
  it('forbids inline and remote scripts, objects, framing and form posts', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/)
    for (const d of ["object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'", "default-src 'self'"]) expect(CONTENT_SECURITY_POLICY).toContain(d)
  })

  it('replaces any CSP a response brought and keeps its other headers', () => {
    const out = withCspHeader({ 'content-security-policy': ["script-src *"], 'Content-Type': 'text/html' })
    expect(out).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] })
  })
})

describe('window options', () => {
  it('isolate and sandbox the page, with every unsafe feature off', () => {
    const web = windowOptions('/app/out/preload/index.cjs', DEFAULT_WINDOW_STATE).webPreferences!
    expect(web).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    })
  })

  it('remembered bounds are used when on a screen, dropped when the screen is gone or the file is junk', () => {
    const screenArea = [{ x: 0, y: 0, width: 1920, height: 1080 }]
    const saved = { x: 100, y: 80, width: 1400, height: 900, maximized: false }
    expect(windowOptions('p', restoreWindowState(saved, screenArea))).toMatchObject({ x: 100, y: 80, width: 1400, height: 900 })
    const offScreen = restoreWindowState({ ...saved, x: 4000 }, screenArea)
    expect(offScreen.x).toBeUndefined()
    expect(offScreen.width).toBe(1400)
    expect(restoreWindowState({ width: 'huge' }, screenArea)).toEqual(DEFAULT_WINDOW_STATE)
    expect(restoreWindowState(null, screenArea)).toEqual(DEFAULT_WINDOW_STATE)
  })
})

describe('native menu', () => {
  it('has File, Edit, View, Deal and Help, and sends every app action by name', () => {
    const sent: string[] = []
    const template = menuTemplate((a) => sent.push(a), 'linux', false, makeTranslator('en'))
    expect(template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Deal', 'Help'])
    const items = template.flatMap((m) => (m.submenu as MenuItemConstructorOptions[]) ?? [])
    for (const item of items) item.click?.({} as never, undefined, {} as never)
    expect(new Set(sent)).toEqual(new Set(MENU_ACTION_IDS))
    expect(items.some((i) => i.role === 'toggleDevTools')).toBe(false) // no devtools in production
    expect(menuTemplate(() => undefined, 'darwin', false, makeTranslator('en'))[0].role).toBe('appMenu')
  })

  it('is worded in Chinese when the page speaks Chinese, every item and role included', () => {
    const template = menuTemplate(() => undefined, 'linux', true, makeTranslator('zh-CN'))
    expect(template.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '商机', '帮助'])
    const items = template.flatMap((m) => (m.submenu as MenuItemConstructorOptions[]) ?? []).filter((i) => i.type !== 'separator')
    expect(items.find((i) => i.role === 'paste')?.label).toBe('粘贴')
    for (const item of items) expect(item.label, JSON.stringify(item)).toMatch(/[\u4e00-\u9fff]/)
  })
})

describe('app:set-language', () => {
  it('validates the language and rebuilds the menu in it', async () => {
    const set: string[] = []
    const handlers = createHandlers({ dataDir: await mkdtemp(join(tmpdir(), 'menu-lang-')), dialogs: { saveFile: async () => null, openFile: async () => null }, menu: { setLanguage: (l) => set.push(l) } })
    await handlers['app:set-language']('zh-CN')
    expect(set).toEqual(['zh-CN'])
    expect(CHANNELS['app:set-language'].args.safeParse(['fr']).success).toBe(false) // main refuses anything else
  })
})
