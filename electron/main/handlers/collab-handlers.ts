import type { HandlerTable } from '@shared/ipc'
import type { Deal } from '@shared/model'
import type { CollabState } from '@shared/ipc-collab'
import { CommandError } from '@shared/commands'
import { ShareRecordDamaged, SharedDealFiles } from '../../collab/local-files'
import { documentName } from '@shared/collab'
import { askIdentity } from '../../collab/identity'
import { LogDamaged } from '../../collab/load-log'
import { AppFailure } from '../errors'
import type { CollabService, CollabUser } from '../collab/collab-service'
import { readCollabUser, writeCollabUser } from '../collab/collab-user'
import type { TokenVault } from '../collab/token-vault'
import type { HandlerContext } from './context'
import { indexEntryOf, withSellersOf } from './workspace-setup'

type CollabHandlers = Pick<HandlerTable, 'collab:share' | 'collab:join' | 'collab:leave' | 'collab:unshare' | 'collab:state' | 'collab:apply' | 'collab:undo' | 'collab:redo' | 'collab:select' | 'collab:log'>

/** What main needs to share deals: the sync service and where tokens are kept. */
export interface CollabPorts {
  service: CollabService
  vault: TokenVault
}

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
  const filesOf = (dealId: string) => new SharedDealFiles(dataDir, dealId, ctx.fs)

  async function start(dealId: string, serverUrl: string, token: string, user: CollabUser, earlier?: readonly Deal[]): Promise<CollabState> {
    try {
      return await need().service.start(dealId, serverUrl, token, user, earlier)
    } catch (error) {
      if (error instanceof AppFailure) throw error
      console.error(`Sharing ${dealId} failed to start:`, (error as Error)?.message)
      // Trying again cannot read a damaged log: the top bar says so and offers the ways out.
      if (error instanceof LogDamaged) return { dealId, serverUrl, documentName: documentName(dealId), role: 'editor', status: { kind: 'refused', reason: 'log-damaged' }, presence: [], canUndo: false, canRedo: false }
      throw new AppFailure('io', 'The shared deal could not be started here; nothing was changed. Try again.', undefined, 'start-failed')
    }
  }

  /** A shared deal opened again (after a restart): sync resumes with the kept token. */
  async function resume(dealId: string): Promise<CollabState | null> {
    const { service, vault } = need()
    const running = service.state(dealId)
    if (running) {
      // The page opened the deal (again): the doc's deal, which the next patches build on.
      service.pushWholeDeal(dealId)
      return running
    }
    const share = await filesOf(dealId).readShare().catch((error: unknown) => (error instanceof ShareRecordDamaged ? error : null))
    // A damaged record is still a shared deal, its edits waiting in the log: the top bar says
    // so, and Share sets the record aside (docs/collaboration.md, "Adversarial findings").
    if (share instanceof ShareRecordDamaged) return { dealId, serverUrl: '', documentName: documentName(dealId), role: 'editor', status: { kind: 'refused', reason: 'share-damaged' }, presence: [], canUndo: false, canRedo: false }
    if (!share) return null
    const token = await vault.read(dealId)
    const user = await readCollabUser(ctx.fs, dataDir)
    if (!token || !user) {
      return { dealId, serverUrl: share.serverUrl, documentName: share.documentName, role: share.role, status: { kind: 'refused', reason: 'no-token' }, presence: [], canUndo: false, canRedo: false }
    }
    return start(dealId, share.serverUrl, token, user)
  }

  /** The name and email the server knows the token by (it checks every change's author against them), else the ones typed. */
  async function signedAs(serverUrl: string, token: string, typed: { name: string; email: string }): Promise<{ name: string; email: string }> {
    const known = await askIdentity(serverUrl, token)
    return known && known !== 'bad-token' ? { name: known.name, email: known.email } : typed
  }

  async function forget(dealId: string): Promise<void> {
    const { service, vault } = need()
    await service.stop(dealId).catch((error: unknown) => console.error(`Stopping the sync of ${dealId}:`, (error as Error)?.message))
    await filesOf(dealId).removeShare()
    await vault.remove(dealId)
  }

  return {
    async 'collab:share'(dealId, { serverUrl, token, name, email, earlier }) {
      await ctx.ready()
      if (!listed(dealId)) throw new AppFailure('not-found', 'That deal is not in the workspace.')
      const files = filesOf(dealId)
      const kept = await files.readShare().catch(async (error: unknown) => {
        if (error instanceof ShareRecordDamaged && !need().service.state(dealId)) await files.setDamagedShareAside()
        return null
      })
      // Connection settings changed (another address): the record says where this deal syncs now.
      if (kept && kept.serverUrl !== serverUrl) await files.writeShare({ ...kept, serverUrl })
      const user = await writeCollabUser(ctx.fs, dataDir, await signedAs(serverUrl, token, { name, email }))
      await need().vault.save(dealId, token)
      // The engine seeds the doc from the deal's file only when the server has no state for it,
      // replaying the page's last undo steps (`earlier`) so they stay undoable.
      return start(dealId, serverUrl, token, user, earlier)
    },

    async 'collab:join'({ serverUrl, token, dealId, name, email }) {
      await ctx.ready()
      if (listed(dealId)) throw new AppFailure('invalid-request', 'That deal is already on this laptop. Open it and choose "Share with team…" to connect it.', undefined, 'already-here')
      const user = await writeCollabUser(ctx.fs, dataDir, await signedAs(serverUrl, token, { name, email }))
      const state = await start(dealId, serverUrl, token, user)
      const file = state.status.kind === 'connected' ? need().service.fileIfSeeded(dealId) : null
      if (!file) {
        await forget(dealId)
        const reason = state.status.kind === 'refused' && state.status.reason === 'unreachable' ? 'unreachable' : 'no-such-deal'
        throw new AppFailure('not-found', 'The team server has no deal with that id, or this token cannot open it.', undefined, reason)
      }
      await need().vault.save(dealId, token)
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

    async 'collab:apply'(dealId, commands, mergeKey) {
      try {
        need().service.apply(dealId, commands as never, mergeKey)
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
    async 'collab:log'(dealId, count) {
      return need().service.changes(dealId, count)
    },
    async 'collab:select'(dealId, ids) {
      need().service.select(dealId, ids)
      return null
    },
  }
}
