import type { Channel } from '@shared/ipc'
import type { MenuActionId } from '@shared/ipc-channels'
import type { CollabEvent } from '@shared/ipc-collab'
import { buildApi } from '../../../electron/preload/build-api'
import { channelMethods } from '../../../electron/preload/channel-methods'
import { wireCodec } from './wire'

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
type WireCodec = ReturnType<typeof wireCodec>

/**
 * Runs in the page before any of its scripts. Defines `window.api` with the preload's own
 * `buildApi` over the preload's channel table, read-only as contextBridge makes it, and
 * removes the raw binding so no generic invoke is left on `window`.
 */
function installBrowserApi(config: BridgeConfig, build: BuildApi, wire: WireCodec): void {
  type Invoke = (channel: string, payload: string) => Promise<string>
  const w = window as unknown as Record<string, unknown>
  const invoke = w[config.invokeBinding] as Invoke | undefined
  if (typeof invoke !== 'function') return // not the top-level app frame
  delete w[config.invokeBinding]

  const listeners = new Set<(action: MenuActionId) => void>()
  window.addEventListener(config.menuEvent, (event) => {
    // The specs also play registry ids (`fit-view`); the page runs any id it knows.
    const action = (event as CustomEvent<MenuActionId>).detail
    for (const listener of listeners) listener(action)
  })

  // Main's collaboration pushes arrive as window events too (main → page, as ipcRenderer.on would).
  const collabListeners = new Set<(event: CollabEvent) => void>()
  window.addEventListener(config.collabEvent, (event) => {
    const detail = wire.decode((event as CustomEvent<string>).detail) as CollabEvent
    for (const listener of collabListeners) listener(detail)
  })

  const api = build(
    config.channelMethods,
    // One JSON string each way (wire.ts): the cost of Electron's structured clone, not of
    // Playwright's value serialiser.
    (channel, ...args) => invoke(channel, wire.encode(args)).then((text) => wire.decode(text)) as never,
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

/** The init script's source: the installer applied to the preload's `buildApi` and the wire codec, no eval needed. */
export function bridgeScript(): string {
  const config: BridgeConfig = { channelMethods: channelMethods(), invokeBinding: INVOKE_BINDING, menuEvent: MENU_EVENT, collabEvent: COLLAB_EVENT }
  return `(${installBrowserApi.toString()})(${JSON.stringify(config)}, ${buildApi.toString()}, (${wireCodec.toString()})());`
}

/**
 * Main's side of the binding: the page's arguments decoded, `call` (main's `invokeChannel`
 * over its handler table), its result encoded. What every Chromium-mode page (e2e and bench)
 * exposes as INVOKE_BINDING.
 */
export function invokeBinding(call: (channel: Channel, args: unknown[]) => Promise<unknown>): (channel: Channel, payload: string) => Promise<string> {
  const wire = wireCodec()
  return async (channel, payload) => wire.encode(await call(channel, wire.decode(payload) as unknown[]))
}
