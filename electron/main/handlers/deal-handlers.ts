import type { HandlerTable, Notice, TeamChange } from '@shared/ipc'
import { newDeal, newId, type DealFile, type ValidDeal, type ValidDealFile, type Workspace } from '@shared/model'
import { applyCommand, CommandError } from '@shared/commands'
import { AppFailure, loadIoFailure } from '../errors'
import type { HandlerContext } from './context'
import type { AccountSync } from '../accounts/account-sync'
import { bringsNewSellers, indexEntryOf, withSellersOf } from './workspace-setup'

type DealHandlers = Pick<
  HandlerTable,
  'deal:open' | 'deal:create' | 'deal:save' | 'deal:save-changes' | 'deal:duplicate' | 'deal:delete' | 'deal:backups' | 'deal:restore-backup' | 'deal:resolve-conflict' | 'snapshot:list' | 'snapshot:save' | 'snapshot:get' | 'snapshot:authors'
>

/**
 * What the snapshots of a shared deal need from the sync service (docs/collaboration.md,
 * "Snapshots and authors"); absent in a build without sharing.
 */
export interface SnapshotTeam {
  markOf(dealId: string): { author: { name: string; email: string }; mark: Uint8Array } | null
  changesBetween(dealId: string, from: Uint8Array | null, to: Uint8Array | null): TeamChange[] | null
  /** A save of a deal synced here, made as a private deal's (the page had not heard it is shared): into its doc. */
  adoptSaved(dealId: string, file: DealFile): void
}

const RECENT_MAX = 20

export function dealHandlers(ctx: HandlerContext, accounts: AccountSync, team?: SnapshotTeam): DealHandlers {
  const { stores } = ctx
  const stamp = (deal: ValidDeal): ValidDeal => stores.deals.stamped(deal, ctx.clock().toISOString())

  /** Save a deal the contract validated; the revision it was accepted as is what the page's next changes are made against. */
  async function saveValid(deal: ValidDeal): Promise<{ savedAt: string; revision: string | null }> {
    const revision = stores.deals.validator.revisionFor(deal)
    await ctx.ready()
    if (!stores.workspace.current.deals.some((d) => d.id === deal.id)) throw new AppFailure('not-found', 'That deal is not in the workspace (was it deleted?).')
    const saved = stamp(deal)
    const written = stores.deals.save(stores.deals.fileOf(saved, stores.workspace.current.roster))
    // The person-scoped attributes to the account (docs/method.md, "Accounts"): checked while
    // the deal is written, recorded once it is on disk; never fails the save.
    const recorded = accounts.recordSaved(saved, written)
    await written
    team?.adoptSaved(saved.id, stores.deals.fileOf(saved, stores.workspace.current.roster))
    await syncIndex(saved)
    await recorded
    return { savedAt: saved.updatedAt!, revision }
  }

  /** A deal that loads and validates, or a typed failure saying why not. */
  async function loadDeal(id: string, asBase = false): Promise<{ file: ValidDealFile; notices: Notice[] }> {
    await ctx.ready()
    if (!stores.workspace.current.deals.some((d) => d.id === id)) throw new AppFailure('not-found', 'That deal is not in the workspace.')
    const loaded = await stores.deals.load(id, { asBase })
    if (loaded.status === 'ok') return { file: loaded.value, notices: loaded.notices }
    if (loaded.status === 'missing') throw new AppFailure('not-found', 'The file of that deal is missing.')
    const io = loadIoFailure(loaded)
    if (io) throw io
    throw new AppFailure('damaged', `This deal's file is damaged (${loaded.reason}) and no valid backup exists. You can export the raw file.`)
  }

  /** Add a new deal's file, then list it (a crash between the two is healed on next start). */
  async function addDeal(deal: ValidDeal, extraSellers: DealFile['roster'] = []): Promise<ValidDeal> {
    const roster = withSellersOf(stores.workspace.current.roster, extraSellers)
    await stores.deals.save(stores.deals.fileOf(deal, roster))
    await stores.workspace.update((ws) => ({
      ...ws,
      roster: withSellersOf(ws.roster, extraSellers),
      deals: [indexEntryOf(deal), ...ws.deals.filter((d) => d.id !== deal.id)],
      recentDealIds: pushRecent(ws, deal.id),
    }))
    return deal
  }

  /** Keep the index row in step with the deal; a save that changes no listed field costs one file. */
  async function syncIndex(deal: DealFile['deal'], fileRoster: DealFile['roster'] = []): Promise<void> {
    const entry = indexEntryOf(deal)
    const current = stores.workspace.current.deals.find((d) => d.id === deal.id)
    const { updatedAt: _a, ...listed } = entry
    const { updatedAt: _b, ...was } = current ?? ({} as Partial<typeof entry>)
    const missingSellers = bringsNewSellers(stores.workspace.current.roster, fileRoster)
    if (current && JSON.stringify(listed) === JSON.stringify(was) && !missingSellers) return
    await stores.workspace.update((ws) => ({
      ...ws,
      roster: withSellersOf(ws.roster, fileRoster),
      deals: current ? ws.deals.map((d) => (d.id === deal.id ? entry : d)) : [entry, ...ws.deals],
    }))
  }

  return {
    async 'deal:open'(id) {
      // What the page now edits: a save that finds the file changed since is a conflict.
      const { file, notices } = await loadDeal(id, true)
      // Asked now, for the very deal read: a save meanwhile has a revision of its own.
      const revision = stores.deals.validator.revisionFor(file.deal)
      await syncIndex(file.deal, file.roster)
      if (stores.workspace.current.recentDealIds?.[0] !== id) {
        await stores.workspace.update((ws) => ({ ...ws, recentDealIds: pushRecent(ws, id) }))
      }
      return { deal: file.deal, notices, revision }
    },

    async 'deal:create'({ name, customer, ...facts }) {
      await ctx.ready()
      // The same checks as the details form: a negative amount or duplicate competitor is refused here too.
      let deal
      try {
        deal = applyCommand(newDeal({ name, customer }), { type: 'set-deal-facts', patch: facts })
      } catch (e) {
        if (e instanceof CommandError) throw new AppFailure('invalid-request', e.message)
        throw e
      }
      return addDeal(stamp(stores.deals.checkDeal(deal)))
    },

    // `deal` was validated by the contract (ipc.ts), with this store's validator: not again here.
    async 'deal:save'(deal) {
      return saveValid(deal)
    },

    // The changes were applied to the version they were made from and validated by the contract.
    async 'deal:save-changes'(changes) {
      if (changes.stale) return { stale: true as const }
      return { stale: false as const, ...(await saveValid(changes.deal)) }
    },

    async 'deal:duplicate'(id, name) {
      const { file } = await loadDeal(id)
      // Another deal (its own id and name): validated as the new deal it is.
      return addDeal(stamp(stores.deals.checkDeal({ ...file.deal, id: newId(), name })), file.roster)
    },

    async 'deal:delete'(id) {
      await ctx.ready()
      if (!stores.workspace.current.deals.some((d) => d.id === id)) throw new AppFailure('not-found', 'That deal is not in the workspace.')
      await stores.deals.delete(id)
      await stores.workspace.update((ws) => ({ ...ws, deals: ws.deals.filter((d) => d.id !== id), recentDealIds: (ws.recentDealIds ?? []).filter((r) => r !== id) }))
      return null
    },

    async 'deal:backups'(id) {
      await ctx.ready()
      return stores.deals.listBackups(id)
    },

    async 'deal:restore-backup'(id, backupId) {
      await ctx.ready()
      const chosen = backupId === '' || backupId === 'newest' ? null : backupId
      const { file } = await stores.deals.restoreBackup(id, chosen)
      await syncIndex(file.deal, file.roster)
      return file.deal
    },

    async 'deal:resolve-conflict'({ choice, mine, copyName }) {
      await ctx.ready()
      if (!stores.workspace.current.deals.some((d) => d.id === mine.id)) throw new AppFailure('not-found', 'That deal is not in the workspace (was it deleted?).')
      const roster = stores.workspace.current.roster
      if (choice === 'keep-mine') {
        const saved = stamp(mine)
        await stores.deals.keepMine(stores.deals.fileOf(saved, roster))
        await syncIndex(saved)
        return { deal: saved, copy: null }
      }
      if (choice === 'take-theirs') {
        const theirs = await stores.deals.takeTheirs(stores.deals.fileOf(mine, roster))
        await syncIndex(theirs.deal, theirs.roster)
        return { deal: theirs.deal, copy: null }
      }
      const copy = await addDeal(stamp(stores.deals.checkDeal({ ...mine, id: newId(), name: copyName })))
      const theirs = await stores.deals.adoptOutside(mine.id)
      if (theirs) await syncIndex(theirs.deal, theirs.roster)
      return { deal: theirs?.deal ?? null, copy }
    },

    async 'snapshot:list'(dealId) {
      await loadDeal(dealId)
      return (await stores.snapshots.list(dealId)).snapshots
    },

    async 'snapshot:save'(dealId, name) {
      const { file } = await loadDeal(dealId)
      return stores.snapshots.save(dealId, name, file, team?.markOf(dealId) ?? null)
    },

    async 'snapshot:get'(dealId, snapshotId) {
      await loadDeal(dealId)
      const { info, file } = await stores.snapshots.get(dealId, snapshotId)
      return { info, deal: file.deal }
    },

    // A snapshot taken before the deal was shared has no mark: every edit in the document is after it.
    async 'snapshot:authors'(dealId, fromId, toId) {
      await loadDeal(dealId)
      const from = await stores.snapshots.markOf(dealId, fromId)
      const to = toId === null ? undefined : await stores.snapshots.markOf(dealId, toId)
      if (to === null) return [] // the later one predates sharing: no shared edit lies between
      return team?.changesBetween(dealId, from, to ?? null) ?? []
    },
  }
}

function pushRecent(ws: Workspace, id: string): string[] {
  return [id, ...(ws.recentDealIds ?? []).filter((r) => r !== id)].slice(0, RECENT_MAX)
}
