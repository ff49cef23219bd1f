import { CONTRACT, channelContract, type HandlerTable, type Notice } from '@shared/ipc'
import { localIsoDate } from '@shared/analysis'
import { openStores } from './store'
import { systemClock } from './store/clock'
import { nodeDurableFs } from './store/durable-fs'
import type { HandlerContext, HandlerOptions } from './handlers/context'
import { accountHandlers } from './handlers/account-handlers'
import { AccountSync } from './accounts/account-sync'
import { dealHandlers } from './handlers/deal-handlers'
import { exportHandlers } from './handlers/export-handlers'
import { fileHandlers } from './handlers/file-handlers'
import { workspaceHandlers } from './handlers/workspace-handlers'
import { setUpWorkspace } from './handlers/workspace-setup'

export type { Dialogs, HandlerOptions, SaveKind, PickKind } from './handlers/context'

/**
 * Every channel of the IPC contract, over the data folder `dataDir`. Plain async functions:
 * main registers them with ipcMain; tests and the browser bridge call them directly.
 */
export function createHandlers(options: HandlerOptions): HandlerTable {
  const clock = options.clock ?? systemClock
  const fs = options.fs ?? nodeDurableFs
  const stores = openStores(options.dataDir, { fs, clock, sleep: options.sleep })
  let pending: Notice[] = []
  let setUp: Promise<void> | null = null

  const ctx: HandlerContext = {
    stores,
    options,
    clock,
    fs,
    // The user's calendar day, as the page and the CLI count it (not the UTC date).
    today: () => localIsoDate(clock()),
    ready() {
      setUp ??= setUpWorkspace(stores, ctx.today()).then(
        (notices) => {
          pending.push(...notices)
        },
        (error) => {
          setUp = null // a failed start (disk full, read-only) is retried on the next call
          throw error
        },
      )
      return setUp
    },
    takeNotices() {
      const taken = pending
      pending = []
      return taken
    },
  }

  // Calls are validated with the deal store's own validator (it remembers what it checked).
  const accounts = new AccountSync(ctx)
  return { ...workspaceHandlers(ctx), ...dealHandlers(ctx, accounts), ...accountHandlers(ctx, accounts), ...fileHandlers(ctx), ...exportHandlers(ctx), [CONTRACT]: channelContract(stores.deals.validator) }
}
