import { errnoCode, type DurableFs, type DurableHandle } from './durable-fs'

/** What tells one version of a file from another: size, time, and the inode where the fs says. */
export interface FileIdentity {
  size: number
  mtimeMs: number
  ino?: number
}

/** The file a write is about to replace, as its check sees it. */
export interface TargetFile {
  identity(): Promise<FileIdentity>
  read(): Promise<Uint8Array>
}

/** The check a write runs on the file it replaces (null: there is none); throw to refuse. */
export type TargetCheck = (target: TargetFile | null) => Promise<void>

/**
 * The target as it was checked, held open from the check to past the rename: what the check
 * read is what the rename replaces, and a write into it afterwards is still readable
 * (docs/file-format.md, "Edits made outside").
 */
export interface CheckedTarget {
  held: OpenTarget | null
  seen: FileIdentity | null
}

/** A target the write holds until it is done with it. */
interface OpenTarget extends TargetFile {
  /** False for a view by path (a file system whose handles cannot stat or read): nothing is held. */
  readonly holds: boolean
  close(): Promise<void>
}

const same = (a: FileIdentity, b: FileIdentity) => a.size === b.size && a.mtimeMs === b.mtimeMs && (a.ino === undefined || b.ino === undefined || a.ino === b.ino)

/** An open handle on the target, read by position (a second read starts at byte 0 again). */
class HeldFile implements OpenTarget {
  readonly holds = true
  private constructor(private readonly handle: DurableHandle & Required<Pick<DurableHandle, 'stat' | 'read'>>) {}

  /** The file at `path` held open, null when there is none; a view by path where handles cannot stat or read. */
  static async open(fs: DurableFs, path: string): Promise<OpenTarget | null> {
    let handle: DurableHandle
    try {
      handle = await fs.open(path, 'r')
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return null
      throw error
    }
    if (!handle.stat || !handle.read) {
      await handle.close()
      return new PathTarget(fs, path)
    }
    return new HeldFile(handle as DurableHandle & Required<Pick<DurableHandle, 'stat' | 'read'>>)
  }

  async identity(): Promise<FileIdentity> {
    const { size, mtimeMs, ino } = await this.handle.stat()
    return { size, mtimeMs, ino }
  }

  async read(): Promise<Uint8Array> {
    const { size } = await this.handle.stat()
    const bytes = new Uint8Array(size)
    let at = 0
    while (at < size) {
      const { bytesRead } = await this.handle.read(bytes, at, size - at, at)
      if (bytesRead === 0) return bytes.subarray(0, at) // cut shorter meanwhile
      at += bytesRead
    }
    return bytes
  }

  private closing?: Promise<void>

  close(): Promise<void> {
    return (this.closing ??= this.handle.close().catch(() => undefined))
  }
}

/** The target read by its path each time (only test file systems lack handles that stat and read). */
class PathTarget implements OpenTarget {
  readonly holds = false
  constructor(
    private readonly fs: DurableFs,
    private readonly path: string,
  ) {}

  identity(): Promise<FileIdentity> {
    return this.fs.stat(this.path)
  }

  read(): Promise<Uint8Array> {
    return this.fs.readFile(this.path)
  }

  async close(): Promise<void> {}
}

/** Hold the target open and run the check on it. */
export async function checkTarget(fs: DurableFs, path: string, check: TargetCheck): Promise<CheckedTarget> {
  const held = await HeldFile.open(fs, path)
  try {
    const seen = held ? await held.identity() : null
    await check(held)
    return { held, seen }
  } catch (error) {
    await held?.close()
    throw error
  }
}

/** How many times the target may be swapped under us before the write gives up. */
const MAX_RECHECKS = 5

/**
 * Right before the rename: is the file at `path` still the one checked, unchanged? If another
 * program changed or replaced it meanwhile (say while our temp file synced), check again on
 * what is there now. Resolves with the target the rename will replace.
 */
export async function confirmTarget(fs: DurableFs, path: string, check: TargetCheck, checked: CheckedTarget): Promise<CheckedTarget> {
  let target = checked
  for (let attempt = 0; ; attempt++) {
    if (await stillChecked(fs, path, target)) return target
    await target.held?.close()
    if (attempt === MAX_RECHECKS) throw Object.assign(new Error('The file keeps changing while we save it; nothing was written.'), { code: 'EBUSY' })
    target = await checkTarget(fs, path, check)
  }
}

async function stillChecked(fs: DurableFs, path: string, { held, seen }: CheckedTarget): Promise<boolean> {
  // One after the other, the path last: its stat is the last call before the rename.
  const now = await held?.identity()
  const there = await statIfExists(fs, path)
  if (!held || !seen || !now) return there === null
  return there !== null && same(now, seen) && same(there, seen)
}

/**
 * Just after the rename: did another program write into the file we replaced after our last
 * look (it had the file open)? Then their bytes are only in our held handle. The check runs
 * again on them; when it refuses (their edit is real), their version is put back at `path`
 * and the refusal stands, so theirs is the file and ours the caller's to keep aside.
 */
export async function confirmNotOvertaken(put: (bytes: Uint8Array) => Promise<void>, check: TargetCheck, { held, seen }: CheckedTarget): Promise<void> {
  if (!held?.holds || !seen || same(await held.identity(), seen)) return
  try {
    await check(held)
  } catch (refusal) {
    await put(await held.read())
    throw refusal
  }
}

async function statIfExists(fs: DurableFs, path: string): Promise<FileIdentity | null> {
  try {
    const { size, mtimeMs, ino } = await fs.stat(path)
    return { size, mtimeMs, ino }
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null
    throw error
  }
}
