import type { HandlerTable } from '@shared/ipc'
import type { CollabState } from '@shared/ipc-collab'
import { CommandError } from '@shared/commands'
import type { DealFile, ValidDealFile } from '@shared/model'
import { AppFailure } from '../errors'
import type { CollabService } from '../collab/collab-service'
import { readShareRecord, removeShareRecord, writeShareRecord, type ShareRecord } from '../collab/share-record'
import type { TokenVault } from '../collab/token-vault'
import { removeUpdateLog } from '../collab/update-log'
import type { HandlerContext } from './context'
import { indexEntryOf, withSellersOf } from './workspace-setup'

type CollabHandlers = Pick<HandlerTable, 'collab:share' | 'collab:join' | 'collab:leave' | 'collab:unshare' | 'collab:state' | 'collab:apply' | 'collab:undo' | 'collab:redo' | 'collab:select'>

/** What main needs to share deals: the sync service and where tokens are kept. */
export interface CollabPorts {
  service: CollabService
  vault: TokenVault
}

export const documentNameOf = (dealId: string): string => `deal/${dealId}`

/**
 * The collaboration channels (docs/collaboration-app.md). Main holds the socket, the doc and
 * the token; the page gets the state, the presence and the derived deal, never the token.
 */
export function collabHandlers(ctx: HandlerContext, ports: CollabPorts | undefined): CollabHandlers {
  const { stores } = ctx
  const dataDir = ctx.options.dataDir
  const need = (): CollabPorts => {
    if (!ports) throw new AppFailure('internal', 'Sharing is not available in this build.')
    return ports
  }
  const listed = (id: string) => stores.workspace.current.deals.some((d) => d.id === id)

  async function loadFile(id: string): Promise<ValidDealFile> {
    await ctx.ready()
    if (!listed(id)) throw new AppFailure('not-found', 'That deal is not in the workspace.')
    const loaded = await stores.deals.load(id)
    if (loaded.status !== 'ok') throw new AppFailure('not-found', 'The file of that deal could not be read, so it was not shared.')
    return loaded.value
  }

  async function start(dealId: string, record: ShareRecord, token: string, seed: DealFile | null): Promise<CollabState> {
    const { service } = need()
    try {
      return await service.start(dealId, record, token, seed)
    } catch (error) {
      if (error instanceof AppFailure) throw error
      throw new AppFailure('io', 'The team server could not be reached, so nothing was shared. Check the address and try again.', undefined, 'unreachable')
    }
  }

  /** A shared deal opened again (after a restart): sync resumes with the kept token. */
  async function resume(dealId: string): Promise<CollabState | null> {
    const { service, vault } = need()
    const running = service.state(dealId)
    if (running) return running
    const record = await readShareRecord(ctx.fs, dataDir, dealId)
    if (!record) return null
    const token = await vault.read(dealId)
    if (!token) {
      return { dealId, serverUrl: record.serverUrl, documentName: record.documentName, role: record.role, status: { kind: 'refused', reason: 'no-token' }, presence: [], canUndo: false, canRedo: false }
    }
    return start(dealId, record, token, null)
  }

  async function forget(dealId: string): Promise<void> {
    const { service, vault } = need()
    await service.stop(dealId)
    await removeShareRecord(ctx.fs, dataDir, dealId)
    await vault.remove(dealId)
    await removeUpdateLog(ctx.fs, dataDir, dealId)
  }

  return {
    async 'collab:share'(dealId, { serverUrl, token, name, email }) {
      const file = await loadFile(dealId)
      const kept = await readShareRecord(ctx.fs, dataDir, dealId)
      const record: ShareRecord = { serverUrl, documentName: documentNameOf(dealId), sharedAt: kept?.sharedAt ?? ctx.clock().toISOString(), role: kept?.role ?? 'editor', user: { name, email } }
      await need().vault.save(dealId, token)
      await writeShareRecord(ctx.fs, dataDir, dealId, record)
      // Seeding happens only when the server has no state for the document (the engine checks).
      return start(dealId, record, token, file)
    },

    async 'collab:join'({ serverUrl, token, dealId, name, email }) {
      await ctx.ready()
      if (listed(dealId)) throw new AppFailure('invalid-request', 'That deal is already on this laptop. Open it and choose "Share with team…" to connect it.', undefined, 'already-here')
      const record: ShareRecord = { serverUrl, documentName: documentNameOf(dealId), sharedAt: ctx.clock().toISOString(), role: 'editor', user: { name, email } }
      await start(dealId, record, token, null)
      const file = need().service.file(dealId)
      if (!file || file.deal.id !== dealId) {
        await need().service.stop(dealId)
        throw new AppFailure('not-found', 'The team server has no deal with that id (or refused this token).', undefined, 'no-such-deal')
      }
      await need().vault.save(dealId, token)
      await writeShareRecord(ctx.fs, dataDir, dealId, record)
      const valid = stores.deals.checkFile(file)
      await stores.deals.save(valid)
      await stores.workspace.update((ws) => ({
        ...ws,
        roster: withSellersOf(ws.roster, valid.roster),
        deals: [indexEntryOf(valid.deal), ...ws.deals.filter((d) => d.id !== dealId)],
      }))
      return valid.deal
    },

    async 'collab:leave'(dealId) {
      await ctx.ready()
      await forget(dealId)
      if (listed(dealId)) {
        await stores.deals.delete(dealId)
        await stores.workspace.update((ws) => ({ ...ws, deals: ws.deals.filter((d) => d.id !== dealId), recentDealIds: (ws.recentDealIds ?? []).filter((r) => r !== dealId) }))
      }
      return null
    },

    async 'collab:unshare'(dealId) {
      await ctx.ready()
      await forget(dealId)
      return null
    },

    async 'collab:state'(dealId) {
      await ctx.ready()
      return resume(dealId)
    },

    async 'collab:apply'(dealId, commands) {
      try {
        need().service.apply(dealId, commands as never)
      } catch (error) {
        if (error instanceof CommandError) throw new AppFailure('invalid-request', error.message, undefined, error.code)
        throw error
      }
      return null
    },

    async 'collab:undo'(dealId) {
      return need().service.travel(dealId, 'undo').deal
    },
    async 'collab:redo'(dealId) {
      return need().service.travel(dealId, 'redo').deal
    },
    async 'collab:select'(dealId, ids) {
      need().service.select(dealId, ids)
      return null
    },
  }
}
