import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { Result } from '@shared/ipc'
import { buildApi } from './build-api'
import { channelMethods, MENU_CHANNEL } from './channel-methods'

// The only thing the page gets from the preload: a frozen object of named methods.
const api = buildApi(
  channelMethods(),
  (channel, ...args) => ipcRenderer.invoke(channel, ...args) as Promise<Result<unknown>>,
  (listener) => {
    const relay = (_event: IpcRendererEvent, action: unknown) => {
      if (typeof action === 'string') listener(action)
    }
    ipcRenderer.on(MENU_CHANNEL, relay)
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, relay)
    }
  },
)

contextBridge.exposeInMainWorld('api', api)
