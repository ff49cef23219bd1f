import type { Api, Channel, MenuActionId, Result } from '@shared/ipc'

export type Invoke = (channel: Channel, ...args: unknown[]) => Promise<Result<unknown>>
export type SubscribeToMenu = (listener: (action: MenuActionId) => void) => () => void

/**
 * Build the page's `window.api`: one named method per channel (method name → channel from
 * `channelMethods`), plus `onMenuAction`. No generic invoke reaches the page. Self-contained
 * (it uses nothing from its module scope) so the browser test bridge can inject it as source.
 */
export function buildApi(channelMethods: Record<string, string>, invoke: Invoke, onMenuAction: SubscribeToMenu): Api {
  const api: Record<string, unknown> = Object.create(null)
  for (const [channel, method] of Object.entries(channelMethods)) {
    api[method] = (...args: unknown[]) => invoke(channel as Channel, ...args)
  }
  api.onMenuAction = (listener: (action: MenuActionId) => void) => {
    if (typeof listener !== 'function') throw new TypeError('onMenuAction needs a function')
    return onMenuAction(listener)
  }
  return Object.freeze(api) as unknown as Api
}
