import { CHANNEL_METHODS, COLLAB_EVENT_CHANNEL, MENU_ACTION_CHANNEL, type Channel } from '@shared/ipc-channels'

// The sandboxed preload may only require('electron'), so it reads the channel names from the
// zod-free shared/ipc-channels, never from shared/ipc (checked by tests/unit/ipc/preload.test.ts).

/** channel → method name, as plain data for the preload and the browser test bridge. */
export function channelMethods(): Record<Channel, string> {
  return { ...CHANNEL_METHODS }
}

export const MENU_CHANNEL = MENU_ACTION_CHANNEL
export const COLLAB_CHANNEL = COLLAB_EVENT_CHANNEL
