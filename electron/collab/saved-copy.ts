import type * as Y from 'yjs'
import { writeDealDiff, type WriteOptions } from '@shared/collab'
import { fileStemOfId } from '@shared/file-names'
import type { DealFile } from '@shared/model'
import type { Stores } from '../main/store'
import type { DurableFs } from '../main/store/durable-fs'

/** The deal's readable JSON copy (`deals/<stem>.json`) as the app's store reads it; null when it is missing or unreadable. */
export async function loadSavedCopy(stores: Stores, dealId: string): Promise<DealFile | null> {
  const loaded = await stores.deals.load(dealId, { asBase: true }).catch(() => null)
  return loaded?.status === 'ok' ? loaded.value : null
}

/**
 * The JSON copy if it was saved after the update log was last written (a save the sync did not
 * write); null when it is older (it lags the log) or either file is missing.
 */
export async function savedSinceLog(fs: DurableFs, stores: Stores, dealId: string, logPath: string): Promise<DealFile | null> {
  const stamp = (path: string) => fs.stat(path).then((s) => s.mtimeMs, () => null)
  const [json, log] = await Promise.all([stamp(stores.deps.paths.dealAt(fileStemOfId(dealId))), stamp(logPath)])
  if (json === null || log === null || json <= log) return null
  return loadSavedCopy(stores, dealId)
}

/**
 * A save of the JSON copy the sync did not write, taken into the doc: what it changed from the
 * doc's deal (`current`) is written as the user's own edit, command `edit-while-starting`
 * (docs/collaboration.md, "Adversarial findings").
 */
export function writeSavedChanges(doc: Y.Doc, current: DealFile, file: DealFile, edit: Omit<WriteOptions, 'command'>): void {
  // The readable copy is stamped when written (local-writes.ts): its `updatedAt` is no edit,
  // and the copy our own last write left newer than the log must change nothing.
  const saved = { ...file, deal: { ...file.deal, updatedAt: current.deal.updatedAt } }
  writeDealDiff(doc, current, saved, { ...edit, command: 'edit-while-starting' })
}
