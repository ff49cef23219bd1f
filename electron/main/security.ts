import { shell, type Session, type WebContents } from 'electron'
import { shouldAllowNavigation, shouldGrantPermission, windowOpenDecision, withCspHeader, type IsAppUrl } from './security-policy'

/** Session-wide: CSP on every response, every permission request and check denied. */
export function hardenSession(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCspHeader(details.responseHeaders) })
  })
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(shouldGrantPermission(permission)))
  session.setPermissionCheckHandler((_contents, permission) => shouldGrantPermission(permission))
}

/** Per page: no new windows (https links go to the browser), no navigation away, no webviews. */
export function hardenWebContents(contents: WebContents, isAppUrl: IsAppUrl): void {
  contents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url)
    if (decision.openExternally) void shell.openExternal(url)
    return { action: decision.action }
  })
  contents.on('will-navigate', (event, url) => {
    if (!shouldAllowNavigation(url, isAppUrl)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!shouldAllowNavigation(url, isAppUrl)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}
