import type { MenuActionId } from '@shared/ipc-channels'
import type { CollabEvent } from '@shared/ipc-collab'
import { buildApi } from '../../../electron/preload/build-api'
import { channelMethods } from '../../../electron/preload/channel-methods'

/** The page-side binding the harness exposes; the init script hides it from the page. */
export const INVOKE_BINDING = '__invoke'
/** A window event the harness dispatches to play a native-menu action into the page. */
export const MENU_EVENT = '__e2e_menu_action'
/** A window event the harness dispatches to play main's collaboration push (`collab:event`) into the page. */
export const COLLAB_EVENT = '__e2e_collab_event'

interface BridgeConfig {
  channelMethods: Record<string, string>
  invokeBinding: string
  menuEvent: string
  collabEvent: string
}

type BuildApi = typeof buildApi

/**
 * Runs in the page before any of its scripts. Defines `window.api` with the preload's own
 * `buildApi` over the preload's channel table, read-only as contextBridge makes it, and
 * removes the raw binding so no generic invoke is left on `window`.
 */
function installBrowserApi(config: BridgeConfig, build: BuildApi): void {
  type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>
  const w = window as unknown as Record<string, unknown>
  const invoke = w[config.invokeBinding] as Invoke | undefined
  if (typeof invoke !== 'function') return // not the top-level app frame
  delete w[config.invokeBinding]

  // An ArrayBuffer crosses Playwright's binding as `{}`; the contract carries Uint8Array.
  const toWire = (value: unknown, depth: number): unknown => {
    if (value instanceof ArrayBuffer) return new Uint8Array(value)
    if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
    if (depth > 3 || value === null || typeof value !== 'object') return value
    if (Array.isArray(value)) return value.map((v) => toWire(v, depth + 1))
    if (Object.getPrototypeOf(value) !== Object.prototype) return value
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toWire(v, depth + 1)]))
  }

  const listeners = new Set<(action: MenuActionId) => void>()
  window.addEventListener(config.menuEvent, (event) => {
    // The specs also play registry ids (`fit-view`); the page runs any id it knows.
    const action = (event as CustomEvent<MenuActionId>).detail
    for (const listener of listeners) listener(action)
  })

  // Main's collaboration pushes arrive as window events too (main → page, as ipcRenderer.on would).
  const collabListeners = new Set<(event: CollabEvent) => void>()
  window.addEventListener(config.collabEvent, (event) => {
    const detail = (event as CustomEvent<CollabEvent>).detail
    for (const listener of collabListeners) listener(detail)
  })

  const api = build(
    config.channelMethods,
    (channel, ...args) => invoke(channel, ...args.map((a) => toWire(a, 0))) as never,
    (listener) => {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    (listener) => {
      collabListeners.add(listener)
      return () => void collabListeners.delete(listener)
    },
  )
  Object.defineProperty(window, 'api', { value: api, writable: false, configurable: false, enumerable: true })
}

/** The init script's source: the installer applied to the preload's `buildApi`, no eval needed. */
export function bridgeScript(): string {
  const config: BridgeConfig = { channelMethods: channelMethods(), invokeBinding: INVOKE_BINDING, menuEvent: MENU_EVENT, collabEvent: COLLAB_EVENT }
  return `(${installBrowserApi.toString()})(${JSON.stringify(config)}, ${buildApi.toString()});`
}
