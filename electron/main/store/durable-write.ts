import { basename, dirname, join } from 'node:path'
import { errnoCode, type DurableFs, type DurableHandle, type FileData } from './durable-fs'
import { joinBytes } from '@shared/bytes'
import { checkTarget, confirmNotOvertaken, confirmTarget, type CheckedTarget, type TargetCheck } from './held-target'

let tempCounter = 0
/** This process's temp files whose write is under way: another handler table here must not sweep them. */
const tempsInFlight = new Set<string>()

/**
 * Folders each fs has already made (or written into) in this process. `mkdir -p` on every
 * write cost up to 2 ms when fsyncs keep the disk busy (bench: save row); a folder removed
 * since is noticed when the temp file cannot be created (ENOENT), then made again.
 */
const madeFolders = new WeakMap<DurableFs, Set<string>>()

/** A written file's size and modification time, as `stat` gives them. */
export interface FileStamp {
  size: number
  mtimeMs: number
}

export interface DurableWriteOptions {
  /**
   * Check the file the write replaces, given held open (null when there is none); throw to
   * refuse (the temp file is removed, `path` untouched). The deal store checks here that no
   * other program changed the file. The check runs again whenever that file changes before
   * the rename, and once more if another program wrote into it in the last moment, in
   * which case a refusal puts their version back (docs/file-format.md, "Edits made outside").
   */
  beforeReplace?: TargetCheck
}

/**
 * Windows cannot be trusted to rename a file that is still open; elsewhere the temp file's
 * handle (its data already synced) is closed while the folder is synced.
 */
const CLOSE_BEFORE_RENAME = process.platform === 'win32'

/**
 * Replace `path` with `data` so that a crash or power cut at any moment leaves either the
 * old file or the new one, never a mix: write a temp file beside it, fsync it, rename it
 * over the target, then fsync the folder so the rename itself is on disk (the temp file's
 * sync is an fdatasync where the handle offers one). Resolves with the new file's stamp,
 * read from the temp file's own handle (a rename keeps size and time), when the handle can
 * say: no stat of `path` afterwards, which could see another program's write as ours.
 *
 * Calls that do not depend on each other run at once on the thread pool: the temp file's
 * sync with its stamp and the `beforeReplace` check, the handle's close with the folder's
 * fsync (docs/performance.md, "Save"). The order that makes it durable is unchanged: data
 * synced, then renamed, then the folder synced, all before this resolves.
 */
export async function writeFileDurably(fs: DurableFs, path: string, data: FileData, options: DurableWriteOptions = {}): Promise<FileStamp | null> {
  const dir = dirname(path)
  let made = madeFolders.get(fs)
  if (!made) madeFolders.set(fs, (made = new Set()))
  if (!made.has(dir)) {
    await fs.mkdir(dir, { recursive: true })
    made.add(dir)
  }
  const temp = join(dir, `.${basename(path)}.${process.pid}.${++tempCounter}.tmp`)
  tempsInFlight.add(temp)
  let handle: DurableHandle | undefined
  let stamp: FileStamp | null
  let target: CheckedTarget | undefined
  let renamed = false
  try {
    handle = await openTemp(fs, temp, dir, made)
    await writeData(handle, data)
    // fdatasync, not fsync, for the fresh temp file: it flushes the data and the metadata
    // needed to read it back (size, block map), skipping only times, which no reader needs
    // (as SQLite syncs its files). The rename that publishes it is made durable by the
    // folder fsync below. Measured: docs/performance.md, "Save".
    // The stamp (set by the writes, not by the sync) and the caller's check run meanwhile.
    const open = handle
    const check = options.beforeReplace
    const [synced, own, checked] = await Promise.allSettled([open.datasync ? open.datasync() : open.sync(), stampOf(open), check && checkTarget(fs, path, check)])
    if (checked.status === 'fulfilled') target = checked.value
    if (synced.status === 'rejected') throw synced.reason
    if (checked.status === 'rejected') throw checked.reason
    stamp = own.status === 'fulfilled' ? own.value : null
    if (check && target) target = await confirmTarget(fs, path, check, target)
    if (CLOSE_BEFORE_RENAME) {
      const closing = handle
      handle = undefined
      await closing.close()
      await target?.held?.close()
    }
    await fs.rename(temp, path)
    renamed = true
    if (check && target && !CLOSE_BEFORE_RENAME) await confirmNotOvertaken((theirs) => writeFileDurably(fs, path, theirs).then(() => undefined), check, target)
  } catch (error) {
    await handle?.close().catch(() => undefined)
    if (!renamed) await fs.unlink(temp).catch(() => undefined)
    throw error
  } finally {
    tempsInFlight.delete(temp)
    await target?.held?.close()
  }
  const [folder] = await Promise.allSettled([syncFolder(fs, dir), closeWritten(handle)])
  if (folder.status === 'rejected') throw folder.reason
  return stamp
}

async function stampOf(handle: DurableHandle): Promise<FileStamp | null> {
  if (!handle.stat) return null
  const { size, mtimeMs } = await handle.stat()
  return { size, mtimeMs }
}

/**
 * Close the handle of a temp file already synced and renamed into place. A failing close
 * cannot lose what fdatasync confirmed, and the file is already the new one: failing the
 * save now would make the next save see our own bytes as another program's edit.
 */
async function closeWritten(handle: DurableHandle | undefined): Promise<void> {
  await handle?.close().catch((error: unknown) => console.warn('Closing a written file failed after its data was synced:', (error as Error).message))
}

/**
 * Write `data` into a freshly opened file. Pieces go out with one gathered write (`writev`)
 * instead of being copied into one buffer first (a 1 MB copy per save); a short write
 * continues where it stopped. Any number of pieces is one trip to the thread pool: libuv
 * writes them IOV_MAX (1,024) at a time inside that one request (`uv__fs_write_all`), so
 * they are not joined into fewer (a 5 MB copy per save, measured: docs/performance.md).
 */
async function writeData(handle: DurableHandle, data: FileData): Promise<void> {
  if (typeof data === 'string' || data instanceof Uint8Array) return handle.writeFile(data)
  if (!handle.writev) return handle.writeFile(joinBytes(data))
  let rest = data.filter((piece) => piece.byteLength > 0)
  while (rest.length > 0) {
    const { bytesWritten } = await handle.writev(rest)
    if (bytesWritten <= 0) throw Object.assign(new Error('The disk accepted no bytes.'), { code: 'EIO' })
    rest = dropBytes(rest, bytesWritten)
  }
}

function dropBytes(pieces: readonly Uint8Array[], count: number): Uint8Array[] {
  let i = 0
  while (i < pieces.length && count >= pieces[i].byteLength) count -= pieces[i++].byteLength
  const rest = pieces.slice(i)
  if (count > 0) rest[0] = rest[0].subarray(count)
  return rest
}

/** Create the temp file; if its folder has gone since it was made, make it again. */
async function openTemp(fs: DurableFs, temp: string, dir: string, made: Set<string>): Promise<DurableHandle> {
  try {
    return await fs.open(temp, 'w')
  } catch (error) {
    made.delete(dir)
    if (errnoCode(error) !== 'ENOENT') throw error
    await fs.mkdir(dir, { recursive: true })
    made.add(dir)
    return fs.open(temp, 'w')
  }
}

/** fsync a folder so a rename in it survives a power cut. Windows cannot open folders. */
export async function syncFolder(fs: DurableFs, dir: string): Promise<void> {
  let handle
  try {
    handle = await fs.open(dir, 'r')
  } catch (error) {
    if (process.platform === 'win32' && ['EISDIR', 'EPERM', 'EACCES'].includes(errnoCode(error) ?? '')) return
    throw error
  }
  try {
    await handle.sync()
  } catch (error) {
    // Some file systems refuse fsync on a folder; the rename is still atomic there.
    if (!['EINVAL', 'ENOTSUP', 'EISDIR'].includes(errnoCode(error) ?? '')) throw error
  } finally {
    await handle.close()
  }
}

/** A temp file of a write: finished writes rename it away, so one that stays was cut short or is in flight. */
export function isTempFileName(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.tmp')
}

/** A temp file older than this is nobody's write in flight (a write takes well under a second). */
const ABANDONED_AFTER_MS = 60 * 60_000
/** A temp file of a process that is gone, given time for a write from another machine on a shared folder. */
const ORPHANED_AFTER_MS = 60_000

/**
 * Whether a temp file (`isTempFileName`) is left over from a write that will never finish and
 * may be deleted. Another writer on the same folder (`war-room sync`/`import`, a second handler
 * table, a second window) may be writing it right now, so a young file is kept unless the
 * process named in it (`.<file>.<pid>.<n>.tmp`, see `writeFileDurably`) is gone, and our own
 * process's own are swept unless their write is under way. A clock set back makes files look
 * young: they are then kept, which costs only disk space.
 */
export function isStaleTempFile(path: string, mtimeMs: number, nowMs: number, isRunning: (pid: number) => boolean = processIsRunning): boolean {
  if (tempsInFlight.has(path)) return false
  const age = nowMs - mtimeMs
  if (age >= ABANDONED_AFTER_MS) return true
  const pid = Number(/\.(\d+)\.\d+\.tmp$/.exec(basename(path))?.[1])
  if (!Number.isSafeInteger(pid) || pid <= 0) return false
  if (pid === process.pid) return true
  return age >= ORPHANED_AFTER_MS && !isRunning(pid)
}

function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it runs under another user.
    return errnoCode(error) !== 'ESRCH'
  }
}
