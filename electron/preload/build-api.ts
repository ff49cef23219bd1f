import type { Api, Channel, CollabEvent, MenuActionId, Result } from '@shared/ipc'

export type Invoke = (channel: Channel, ...args: unknown[]) => Promise<Result<unknown>>
export type SubscribeToMenu = (listener: (action: MenuActionId) => void) => () => void
export type SubscribeToCollab = (listener: (event: CollabEvent) => void) => () => void

/**
 * Build the page's `window.api`: one named method per channel (method name → channel from
 * `channelMethods`), plus `onMenuAction` and `onCollabEvent` (main's two pushes). No generic
 * invoke reaches the page. Self-contained (it uses nothing from its module scope) so the
 * browser test bridge can inject it as source.
 */
export function buildApi(channelMethods: Record<string, string>, invoke: Invoke, onMenuAction: SubscribeToMenu, onCollabEvent: SubscribeToCollab): Api {
  const api: Record<string, unknown> = Object.create(null)
  for (const [channel, method] of Object.entries(channelMethods)) {
    api[method] = (...args: unknown[]) => invoke(channel as Channel, ...args)
  }
  api.onMenuAction = (listener: (action: MenuActionId) => void) => {
    if (typeof listener !== 'function') throw new TypeError('onMenuAction needs a function')
    return onMenuAction(listener)
  }
  api.onCollabEvent = (listener: (event: CollabEvent) => void) => {
    if (typeof listener !== 'function') throw new TypeError('onCollabEvent needs a function')
    return onCollabEvent(listener)
  }
  return Object.freeze(api) as unknown as Api
}
