import { METHOD_TO_CHANNEL } from '@shared/ipc'

/** The page-side binding the harness exposes; the init script hides it from the page. */
export const INVOKE_BINDING = '__invoke'
/** A window event the harness dispatches to play a native-menu action into the page. */
export const MENU_EVENT = '__e2e_menu_action'

export interface BridgeConfig {
  methods: Record<string, string>
  invokeBinding: string
  menuEvent: string
}

export function bridgeConfig(): BridgeConfig {
  return { methods: { ...METHOD_TO_CHANNEL }, invokeBinding: INVOKE_BINDING, menuEvent: MENU_EVENT }
}

/**
 * Runs in the page before any of its scripts (serialized by Playwright, so it must be
 * self-contained). Defines `window.api` the way the preload does: one named method per
 * channel plus `onMenuAction`, frozen and read-only, and no generic invoke left on `window`.
 */
export function installBrowserApi(config: BridgeConfig): void {
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

  const listeners = new Set<(action: string) => void>()
  window.addEventListener(config.menuEvent, (event) => {
    const action = (event as CustomEvent<string>).detail
    for (const listener of listeners) listener(action)
  })

  const api: Record<string, unknown> = {}
  for (const [method, channel] of Object.entries(config.methods)) {
    api[method] = (...args: unknown[]) => invoke(channel, ...args.map((a) => toWire(a, 0)))
  }
  api.onMenuAction = (listener: (action: string) => void) => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }
  Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false, configurable: false, enumerable: true })
}
