import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { CollabEvent, MenuActionId, Result } from '@shared/ipc'
import { buildApi } from './build-api'
import { channelMethods, COLLAB_CHANNEL, MENU_CHANNEL } from './channel-methods'

/** Relay one push channel of main's to a page listener; returns the unsubscribe function. */
function relayFrom<T>(channel: string, accept: (value: unknown) => value is T, listener: (value: T) => void): () => void {
  const relay = (_event: IpcRendererEvent, value: unknown) => {
    if (accept(value)) listener(value)
  }
  ipcRenderer.on(channel, relay)
  return () => {
    ipcRenderer.removeListener(channel, relay)
  }
}

// Main sends only the menu template's ids here; an id with no action is ignored by the page.
const isMenuAction = (value: unknown): value is MenuActionId => typeof value === 'string'
// Main sends CollabEvent objects (shared/ipc-collab.ts); the page reads them by `kind`.
const isCollabEvent = (value: unknown): value is CollabEvent => typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string'

// The only thing the page gets from the preload: a frozen object of named methods.
const api = buildApi(
  channelMethods(),
  (channel, ...args) => ipcRenderer.invoke(channel, ...args) as Promise<Result<unknown>>,
  (listener) => relayFrom(MENU_CHANNEL, isMenuAction, listener),
  (listener) => relayFrom(COLLAB_CHANNEL, isCollabEvent, listener),
)

contextBridge.exposeInMainWorld('api', api)
