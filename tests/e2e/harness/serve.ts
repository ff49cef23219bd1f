import { readFile } from 'node:fs/promises'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { Route } from 'playwright-core'
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/security-policy'

/**
 * The origin the built renderer is served from in Chromium mode (routed, no HTTP server). It
 * is https so the page is a secure context (crypto.randomUUID etc.), as Electron's file: page is.
 */
export const APP_ORIGIN = 'https://app.test'
export const APP_URL = `${APP_ORIGIN}/index.html`

export const RENDERER_DIR = process.env.E2E_RENDERER_DIR ?? resolve(import.meta.dirname, '../../../out/renderer')

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
}

/**
 * Serve files of `root` for requests to APP_ORIGIN with main's CSP as a response header, as
 * main adds it in Electron (the page's own <meta> policy applies as well).
 */
export function serveFrom(root: string = RENDERER_DIR, csp: string = CONTENT_SECURITY_POLICY): (route: Route) => Promise<void> {
  return async (route) => {
    const url = new URL(route.request().url())
    const relative = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '') || 'index.html'
    const file = join(root, relative)
    if (!file.startsWith(root + sep)) {
      await route.fulfill({ status: 403, body: 'outside the renderer folder' })
      return
    }
    try {
      const body = await readFile(file)
      await route.fulfill({
        status: 200,
        body,
        headers: {
          'content-type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
          'content-security-policy': csp,
          'x-content-type-options': 'nosniff',
        },
      })
    } catch {
      // Say so: a missing asset (e.g. out/renderer rebuilt mid-run) otherwise shows as a blank page.
      console.error(`[e2e serve] 404 ${relative} (not in ${root})`)
      await route.fulfill({ status: 404, body: `not found: ${relative}` })
    }
  }
}
