import { basename, dirname, join } from 'node:path'
import { fileStamp, type Clock } from './clock'
import { listDir, type DurableFs } from './durable-fs'
import { syncFolder } from './durable-write'
import { withWriteSlot } from './serial-writer'

/**
 * Damaged files are set aside as `<name>.corrupt-<timestamp>.json` so nothing is ever lost,
 * but a file damaged again on every start (or every retry) must not fill the disk with
 * copies. Per file, keep this many, newest first.
 */
export const SET_ASIDE_KEEP = 3

/** Set-aside copies of `path`, newest first (the stamp sorts by time). */
export async function setAsideCopies(fs: DurableFs, path: string): Promise<string[]> {
  const prefix = `${basename(path, '.json')}.corrupt-`
  const names = await listDir(fs, dirname(path))
  return names.filter((n) => n.startsWith(prefix) && n.endsWith('.json')).sort().reverse().map((n) => join(dirname(path), n))
}

/**
 * Call right after a copy of `path` was set aside. An older copy with the same bytes as a
 * newer one is removed (the newest keeps the name the user was told), then only the newest
 * `keep` remain. Never throws: the damaged file is already safe aside; tidying is extra.
 */
export async function capSetAsideCopies(fs: DurableFs, path: string, keep = SET_ASIDE_KEEP): Promise<void> {
  try {
    const copies = await setAsideCopies(fs, path)
    const kept: Array<{ path: string; size: number; bytes?: Uint8Array }> = []
    const drop: string[] = []
    for (const copy of copies) {
      const size = (await fs.stat(copy)).size
      let duplicate = false
      for (const newer of kept.filter((k) => k.size === size)) {
        newer.bytes ??= await fs.readFile(newer.path)
        if (sameBytes(newer.bytes, await fs.readFile(copy))) duplicate = true
        if (duplicate) break
      }
      if (duplicate || kept.length >= keep) drop.push(copy)
      else kept.push({ path: copy, size })
    }
    for (const copy of drop) await fs.unlink(copy)
    if (drop.length > 0) await syncFolder(fs, dirname(path))
  } catch (error) {
    console.warn(`Could not tidy the set-aside copies of ${path}:`, (error as Error).message)
  }
}

/** Move a damaged `path` aside (capped as above); the copy's path, or null if it could not be moved. */
export async function setAsideFile(fs: DurableFs, path: string, clock: Clock): Promise<string | null> {
  const aside = join(dirname(path), `${basename(path, '.json')}.corrupt-${fileStamp(clock())}.json`)
  try {
    await withWriteSlot(fs, path, (slot) => slot.moveTo(aside))
  } catch {
    return null
  }
  await capSetAsideCopies(fs, path)
  return aside
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false
  return true
}
