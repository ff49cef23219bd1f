import type { Notice } from '@shared/ipc'
import { WORKSPACE_FORMAT, WORKSPACE_VERSION, DEFAULT_SETTINGS, toDealFile, type DealFile, type DealIndexEntry, type Seller, type Workspace } from '@shared/model'
import { sampleWorkspace } from '@shared/sample-deal'
import { join } from 'node:path'
import type { Stores } from '../store'
import { listDir } from '../store/durable-fs'
import { isStaleTempFile, isTempFileName } from '../store/durable-write'
import { loadIoFailure } from '../errors'
import { scanDealsFolder } from './conflict-copies'

export function indexEntryOf(file: DealFile['deal']): DealIndexEntry {
  const { id, name, customer, stage, amount, closeDate, updatedAt } = file
  return updatedAt ? { id, name, customer, stage, amount, closeDate, updatedAt } : { id, name, customer, stage, amount, closeDate }
}

/** Whether a deal file carries a seller the roster lacks (`withSellersOf` would add one). */
export function bringsNewSellers(roster: readonly Seller[], sellers: readonly Seller[]): boolean {
  return withSellersOf(roster, sellers).length > roster.length
}

/** Add sellers a deal file carries that the roster lacks (a restored or rebuilt workspace). */
export function withSellersOf(roster: readonly Seller[], sellers: readonly Seller[]): Seller[] {
  const known = new Set(roster.map((s) => s.id))
  return [...roster, ...sellers.filter((s) => !known.has(s.id))]
}

/**
 * Bring the workspace up: load it; on first run seed the sample deal; when workspace.json
 * is missing or damaged beyond its backups, rebuild the deal list and roster from the deal
 * files; adopt deal files the index lost (a crash between writing a deal and the index).
 */
export async function setUpWorkspace(stores: Stores, today: string): Promise<Notice[]> {
  await removeStaleTempFiles(stores)
  const loaded = await stores.workspace.load()
  // Held up by the disk, not damaged: rebuilding now would write over the real workspace.
  const io = loadIoFailure(loaded)
  if (io) throw io
  if (loaded.status === 'ok') {
    await dropDuplicateRows(stores, loaded.value)
    const adopted = await adoptOrphans(stores, loaded.value)
    return [...loaded.notices, ...adopted]
  }
  const { orphanIds: ids } = await scanDealsFolder(stores, new Set())
  if (loaded.status === 'missing' && ids.length === 0) {
    const { deal, roster } = sampleWorkspace(today)
    await stores.deals.save(stores.deals.checkFile(toDealFile(deal, roster)))
    await stores.workspace.save({ ...emptyWith(roster), deals: [indexEntryOf(deal)], recentDealIds: [deal.id] })
    return []
  }
  const rebuilt = await rebuildFrom(stores, ids)
  await stores.workspace.save(rebuilt.workspace)
  const notices: Notice[] = loaded.status === 'damaged' ? [...loaded.notices] : []
  const count = rebuilt.workspace.deals.length
  notices.push({
    level: 'warning', code: 'deal-list-rebuilt', params: { count }, subject: { kind: 'workspace' }, file: stores.deps.paths.workspace,
    message: `The deal list was rebuilt from ${count} deal file${count === 1 ? '' : 's'}; settings were reset to their defaults.`,
  })
  return [...notices, ...rebuilt.notices]
}

function emptyWith(roster: Seller[]): Workspace {
  return { format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION, settings: DEFAULT_SETTINGS, roster, deals: [] }
}

async function rebuildFrom(stores: Stores, ids: string[]): Promise<{ workspace: Workspace; notices: Notice[] }> {
  const workspace = emptyWith([])
  const notices: Notice[] = []
  for (const id of ids) {
    const loaded = await stores.deals.load(id)
    if (loaded.status === 'missing') continue
    notices.push(...loaded.notices)
    // Not listed this time; it is adopted on a start when it can be read.
    if (loaded.status === 'unreadable') continue
    if (loaded.status === 'ok') {
      workspace.deals.push(indexEntryOf(loaded.value.deal))
      workspace.roster = withSellersOf(workspace.roster, loaded.value.roster)
    } else {
      workspace.deals.push({ id, name: id, customer: '', stage: 'lead', amount: { value: 0, currency: 'USD' }, closeDate: null })
    }
  }
  return { workspace, notices }
}

async function adoptOrphans(stores: Stores, workspace: Workspace): Promise<Notice[]> {
  const { orphanIds: orphans } = await scanDealsFolder(stores, new Set(workspace.deals.map((d) => d.id)))
  if (orphans.length === 0) return []
  const { workspace: found, notices } = await rebuildFrom(stores, orphans)
  await stores.workspace.update((ws) => ({ ...ws, deals: [...ws.deals, ...found.deals], roster: withSellersOf(ws.roster, found.roster) }))
  return notices
}

/** One row per deal id: earlier versions could list a sync app's copy of a deal as a second row. */
async function dropDuplicateRows(stores: Stores, workspace: Workspace): Promise<void> {
  const firstOf = (deals: Workspace['deals']) => deals.filter((d, i) => deals.findIndex((e) => e.id === d.id) === i)
  if (firstOf(workspace.deals).length === workspace.deals.length) return
  await stores.workspace.update((ws) => ({ ...ws, deals: firstOf(ws.deals) }))
}

/**
 * Temp files of writes a crash cut short. Only stale ones: another writer on this folder (the
 * CLI's `sync`/`import`, another handler table) may have a write in flight (`isStaleTempFile`).
 */
async function removeStaleTempFiles(stores: Stores): Promise<void> {
  const { fs, paths } = stores.deps
  const subfolders = async (dir: string) => (await listDir(fs, dir).catch(() => [])).filter((n) => !n.endsWith('.json') && !isTempFileName(n)).map((n) => join(dir, n))
  // Every folder the store writes into (the accounts too: their writes follow every save).
  const folders = [paths.dataDir, paths.deals, paths.accounts, paths.snapshots, ...(await subfolders(paths.snapshots)), ...(await subfolders(paths.backups))]
  for (const dir of folders) {
    for (const name of (await listDir(fs, dir).catch(() => [])).filter(isTempFileName)) {
      const path = join(dir, name)
      const stat = await fs.stat(path).catch(() => null)
      if (stat && isStaleTempFile(path, stat.mtimeMs, Date.now())) await fs.unlink(path).catch(() => undefined)
    }
  }
}
