import { join } from 'node:path'
import { idOfFileStem, sameId } from '@shared/file-names'
import type { ConflictCopy } from '@shared/ipc'
import type { Stores } from '../store'
import { errnoCode, listDir } from '../store/durable-fs'
import { isTempFileName } from '../store/durable-write'
import { SAFE_ID } from '../store/paths'
import { withWriteSlot } from '../store/serial-writer'
import { readTextWithRetry, UnreadableFile } from '../store/read-retry'
import { validateDealFileText } from '../store/validators'

export interface DealsFolderScan {
  /** Files named `<id>.json` that no index entry lists and whose content is deal `<id>` (or is damaged): deals to adopt. */
  orphanIds: string[]
  /** Every other extra file: copies a sync app made. */
  copies: ConflictCopy[]
}

/**
 * Sort the files in deals/ that the index does not list. A deal's own file is named by its
 * deal id, `<id>.json` (case-folded, see shared/file-names.ts); a file whose name is not the id inside it (`<id>-LAPTOP.json`,
 * `<id> (1).json`) is a copy, never a second deal, however often the app starts. A copy that
 * does not validate is told by its name starting with a known id. Set-aside `.corrupt-` files
 * and temp files are neither, nor are our own `.mine-` copies of an outside-edit conflict.
 */
export async function scanDealsFolder(stores: Stores, indexedIds: ReadonlySet<string>): Promise<DealsFolderScan> {
  const { fs, paths, sleep } = stores.deps
  // Resolved first: resolving may rename an old mixed-case file to its case-folded name.
  const indexedStems = new Set<string>()
  for (const id of indexedIds) indexedStems.add(await stores.deals.stemOf(id))
  // `<stem>.share.json` is a shared deal's share record (docs/collaboration.md), not a deal.
  const names = (await listDir(fs, paths.deals)).filter((n) => n.endsWith('.json') && !n.endsWith('.share.json') && !isTempFileName(n) && !n.includes('.corrupt-') && !n.includes('.mine-')).sort()
  const stems = names.map((n) => n.slice(0, -'.json'.length))
  // The id a deal file of this name holds: the stem itself (an old mixed-case name) or unescaped.
  const idOfStem = (stem: string) => (SAFE_ID.test(stem) ? stem : idOfFileStem(stem))
  const knownIds = new Set([...indexedIds, ...stems.map(idOfStem).filter((id): id is string => id !== null)])
  const copyOf = (stem: string) =>
    [...knownIds]
      .filter((id) => !sameId(id, stem) && stem.toLowerCase().startsWith(id.toLowerCase()) && /^[-_ .(]/.test(stem.slice(id.length)))
      .sort((a, b) => b.length - a.length)[0]

  const scan: DealsFolderScan = { orphanIds: [], copies: [] }
  for (const [i, file] of names.entries()) {
    const stem = stems[i]
    if (indexedStems.has(stem)) continue
    let text: string | null
    try {
      text = await readTextWithRetry(fs, join(paths.deals, file), sleep)
    } catch (error) {
      if (error instanceof UnreadableFile) continue // judged on a later start, when it can be read
      throw error
    }
    if (text === null) continue
    const parsed = validateDealFileText(text)
    const ownId = idOfStem(stem)
    if (ownId !== null && (parsed.ok ? sameId(parsed.value.deal.id, ownId) : !copyOf(stem))) {
      scan.orphanIds.push(parsed.ok ? parsed.value.deal.id : ownId)
      continue
    }
    scan.copies.push(
      parsed.ok
        ? { dealId: parsed.value.deal.id, file, copyDealName: parsed.value.deal.name, valid: true }
        : { dealId: copyOf(stem) ?? stem, file, valid: false },
    )
  }
  return scan
}

/**
 * Move a copy out of deals/ into the `conflicts/` archive, so it is not offered again. A file
 * of the same name already archived is kept: this one gets a numbered name beside it.
 */
export async function archiveConflictCopy(stores: Stores, file: string): Promise<void> {
  const { fs, paths } = stores.deps
  const archive = join(paths.dataDir, 'conflicts')
  await fs.mkdir(archive, { recursive: true })
  const taken = new Set(await listDir(fs, archive))
  const stem = file.slice(0, -'.json'.length)
  let target = file
  for (let n = 2; taken.has(target); n++) target = `${stem} (archived ${n}).json`
  try {
    await withWriteSlot(fs, join(paths.deals, file), (slot) => slot.moveTo(join(archive, target)))
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw error // already gone: nothing left to archive
  }
}
