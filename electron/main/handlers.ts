import { CONTRACT, channelContract, type HandlerTable, type Notice } from '@shared/ipc'
import { localIsoDate } from '@shared/analysis'
import { openStores } from './store'
import { systemClock } from './store/clock'
import { nodeDurableFs } from './store/durable-fs'
import type { HandlerContext, HandlerOptions } from './handlers/context'
import { accountHandlers } from './handlers/account-handlers'
import { AccountSync } from './accounts/account-sync'
import { dealHandlers, type SnapshotTeam } from './handlers/deal-handlers'
import { exportHandlers } from './handlers/export-handlers'
import { fileHandlers } from './handlers/file-handlers'
import { growthHandlers } from './handlers/growth-handlers'
import { workspaceHandlers } from './handlers/workspace-handlers'
import { bringsNewSellers, indexEntryOf, setUpWorkspace, withSellersOf } from './handlers/workspace-setup'
import { collabHandlers, type CollabPorts } from './handlers/collab-handlers'
import { CollabService } from './collab/collab-service'
import { dealSyncEngine } from './collab/deal-sync-engine'

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
  const collab = options.collab ? collabPorts(options.collab, ctx, accounts) : undefined
  return {
    ...workspaceHandlers(ctx), ...dealHandlers(ctx, accounts, collab && snapshotTeam(collab)), ...accountHandlers(ctx, accounts), ...fileHandlers(ctx), ...exportHandlers(ctx),
    ...growthHandlers(ctx), ...collabHandlers(ctx, collab),
    [CONTRACT]: channelContract(stores.deals.validator),
  }
}

/** What snapshots of a shared deal take from the sync service: who takes one, where the doc stands, the edits between. */
function snapshotTeam({ service }: CollabPorts): SnapshotTeam {
  return {
    markOf: (dealId) => service.snapshotMark(dealId),
    changesBetween: (dealId, from, to) => service.changesBetween(dealId, from, to),
    adoptSaved: (dealId, file) => service.adoptSaved(dealId, file),
  }
}

/** The sync service over this handler table's stores (the engine writes a shared deal's readable copy through them). */
function collabPorts(options: NonNullable<HandlerOptions['collab']>, ctx: HandlerContext, accounts: AccountSync): CollabPorts {
  const { stores } = ctx
  const service = new CollabService({
    startEngine: options.startEngine ?? dealSyncEngine(ctx.options.dataDir, stores),
    emit: options.emit,
    projectionDelayMs: options.projectionDelayMs,
    async noteChanged(dealId, file) {
      if (!stores.workspace.current.deals.some((d) => d.id === dealId)) return // left meanwhile
      const valid = stores.deals.checkFile(file)
      // The team's edits reach this laptop's account, as a save's do, stamped now: opening the
      // deal again then carries nothing older back over them (docs/method.md, "Accounts").
      await accounts.recordSaved({ ...valid.deal, updatedAt: ctx.clock().toISOString() })
      const entry = indexEntryOf(valid.deal)
      const current = stores.workspace.current.deals.find((d) => d.id === dealId)
      // A colleague's seller new to this laptop joins its roster, so the deal names them here too.
      const newSellers = bringsNewSellers(stores.workspace.current.roster, valid.roster)
      if (!newSellers && current && JSON.stringify({ ...current, updatedAt: '' }) === JSON.stringify({ ...entry, updatedAt: '' })) return
      await stores.workspace.update((ws) => ({ ...ws, roster: withSellersOf(ws.roster, valid.roster), deals: ws.deals.map((d) => (d.id === dealId ? entry : d)) }))
    },
  })
  options.onStopAll?.(() => service.stopAll())
  return { service, vault: options.vault }
}
