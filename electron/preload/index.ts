import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { MenuActionId, Result } from '@shared/ipc'
import { buildApi } from './build-api'
import { channelMethods, MENU_CHANNEL } from './channel-methods'

// The only thing the page gets from the preload: a frozen object of named methods.
const api = buildApi(
  channelMethods(),
  (channel, ...args) => ipcRenderer.invoke(channel, ...args) as Promise<Result<unknown>>,
  (listener) => {
    const relay = (_event: IpcRendererEvent, action: unknown) => {
      // Main sends only the menu template's ids here; an id with no action is ignored by the page.
      if (typeof action === 'string') listener(action as MenuActionId)
    }
    ipcRenderer.on(MENU_CHANNEL, relay)
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, relay)
    }
  },
)

contextBridge.exposeInMainWorld('api', api)
