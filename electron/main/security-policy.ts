// The window's security decisions as plain functions, so Node tests can check them without
// an Electron binary. electron/main/security.ts wires them into Electron.

/** The page may open only https links, and only in the user's browser. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === ''
  } catch {
    return false
  }
}

export type IsAppUrl = (url: string | undefined | null) => boolean

/**
 * Which URLs are the app's own page: the built index.html as a file: URL in production,
 * or the dev server's origin in development. Everything else is a stranger.
 */
export function makeIsAppUrl(options: { rendererIndexUrl?: string; devServerUrl?: string }): IsAppUrl {
  const fileUrl = options.rendererIndexUrl ? stripHashAndQuery(options.rendererIndexUrl) : undefined
  const devOrigin = options.devServerUrl ? safeOrigin(options.devServerUrl) : undefined
  return (url) => {
    if (!url) return false
    if (fileUrl && stripHashAndQuery(url) === fileUrl) return true
    return devOrigin !== undefined && devOrigin !== 'null' && safeOrigin(url) === devOrigin
  }
}

/** Navigation away from the app is never allowed; a reload of the app's own page is. */
export function shouldAllowNavigation(url: string, isAppUrl: IsAppUrl): boolean {
  return isAppUrl(url)
}

/** window.open: never a new Electron window; https links go to the browser. */
export function windowOpenDecision(url: string): { action: 'deny'; openExternally: boolean } {
  return { action: 'deny', openExternally: isSafeExternalUrl(url) }
}

/** The page asks for no permission (camera, notifications, geolocation, …): all denied. */
export function shouldGrantPermission(_permission: string): boolean {
  return false
}

/** The same policy the renderer's meta tag carries, also sent as a response header. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** Add the CSP to a response's headers (replacing any the response brought). */
export function withCspHeader(headers: Record<string, string[] | string> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue
    out[name] = Array.isArray(value) ? value : [value]
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY]
  return out
}

function stripHashAndQuery(url: string): string {
  try {
    const u = new URL(url)
    u.hash = ''
    u.search = ''
    return u.href
  } catch {
    return url
  }
}

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin
  } catch {
    return undefined
  }
}
