import type { Api } from '@shared/ipc'

declare global {
  interface Window {
    /** The narrow API the preload exposes (see shared/ipc.ts). */
    api: Api
  }
}

export {}
