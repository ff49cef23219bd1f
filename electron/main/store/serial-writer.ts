import { errnoCode, type DurableFs, type FileData } from './durable-fs'
import { writeFileDurably, type FileStamp } from './durable-write'
import type { TargetCheck, TargetFile } from './held-target'
import { assertReadable } from './size-cap'

interface Waiter {
  resolve: () => void
  reject: (error: unknown) => void
}

/** Checks a write of this file needs, run inside its write slot (no other write of ours runs meanwhile). */
export interface WriteGuard {
  /**
   * Before the file is replaced with `data`: check `target`, the file about to be replaced
   * (held open; null when there is none); throw to refuse the write. May run more than once
   * per write (see writeFileDurably's `beforeReplace`).
   */
  before?(data: FileData, target: TargetFile | null): Promise<void>
  /** Once `data` is on disk; `stamp` is the written file's, when its handle said. */
  after?(data: FileData, stamp?: FileStamp | null): Promise<void> | void
}

type Job =
  | { kind: 'write'; fs: DurableFs; data: FileData; guard?: WriteGuard; waiters: Waiter[] }
  | { kind: 'task'; run: () => Promise<void> }

/**
 * Serializes the writes to one file. While a write is on its way to disk, newer saves
 * queue behind it; only the newest queued state is written next (older queued states are
 * superseded), and every caller resolves once a state at least as new as theirs is on disk.
 * A task (read, decide, write) holds the file's slot from start to end.
 */
class SerialWriter {
  private running = false
  private readonly queue: Job[] = []

  constructor(
    private readonly path: string,
    private readonly onIdle: () => void,
  ) {}

  write(fs: DurableFs, data: FileData, guard?: WriteGuard): Promise<void> {
    return new Promise((resolve, reject) => {
      const last = this.queue.at(-1)
      // Supersede only a state queued under the same guard: another store's state (another
      // handler table on the same folder) must reach its own checks, not vanish.
      if (last?.kind === 'write' && last.guard === guard) {
        last.data = data
        last.fs = fs
        last.waiters.push({ resolve, reject })
      } else {
        this.queue.push({ kind: 'write', fs, data, guard, waiters: [{ resolve, reject }] })
      }
      void this.pump()
    })
  }

  task<T>(run: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ kind: 'task', run: () => run().then(resolve, reject) })
      void this.pump()
    })
  }

  private async pump(): Promise<void> {
    if (this.running) return
    this.running = true
    while (this.queue.length > 0) {
      const job = this.queue.shift()!
      if (job.kind === 'task') {
        await job.run()
        continue
      }
      try {
        const { guard, data } = job
        const before = guard?.before
        const stamp = await writeFileDurably(job.fs, this.path, data, before ? { beforeReplace: (target) => before.call(guard, data, target) } : {})
        await guard?.after?.(data, stamp)
        job.waiters.forEach((w) => w.resolve())
      } catch (error) {
        job.waiters.forEach((w) => w.reject(error))
      }
    }
    this.running = false
    this.onIdle()
  }
}

// Keyed by path so two stores over the same file still write one at a time.
const writers = new Map<string, SerialWriter>()

function writerFor(filePath: string): SerialWriter {
  let writer = writers.get(filePath)
  if (!writer) {
    writer = new SerialWriter(filePath, () => writers.delete(filePath))
    writers.set(filePath, writer)
  }
  return writer
}

export interface SerializedWriteOptions {
  guard?: WriteGuard
  /**
   * The largest file accepted (default: what the readers accept, LIMITS.fileBytes). Files the
   * app never reads back as a store (an exported deck, a backup of bytes as they were) pass
   * `Infinity`; snapshots their own cap.
   */
  maxBytes?: number
}

/**
 * Write `data` to `path` durably, one write at a time per file. A file larger than the
 * readers accept is refused here, before anything is written.
 */
export function writeSerialized(fs: DurableFs, filePath: string, data: FileData, options: SerializedWriteOptions = {}): Promise<void> {
  const { guard, maxBytes } = options
  try {
    assertReadable(data, 'The file', maxBytes)
  } catch (error) {
    return Promise.reject(error)
  }
  return writerFor(filePath).write(fs, data, guard)
}

/**
 * What a task holding a file's write slot may do to that file. These and `writeSerialized`
 * are the only ways the app changes a file it stores (tests/unit/store/serial-writes.test.ts
 * fails on any other write, rename or copy), so no two changes of one file ever overlap.
 */
export interface WriteSlot {
  /**
   * Replace the file with `data`, durably, now (the slot is already held); the written file's
   * stamp when known. `check` runs on the file replaced (writeFileDurably's `beforeReplace`);
   * `maxBytes` as `writeSerialized`'s.
   */
  write(data: FileData, check?: TargetCheck, maxBytes?: number): Promise<FileStamp | null>
  /** Move the file to `to` (a damaged file set aside, an old name made new). */
  moveTo(to: string): Promise<void>
  /** Delete the file; one already gone is fine. */
  remove(): Promise<void>
}

/**
 * Run `task` in `path`'s write slot: no write of ours to that file starts or runs meanwhile.
 * The task changes the file through the slot it is given.
 */
export function withWriteSlot<T>(fs: DurableFs, filePath: string, task: (slot: WriteSlot) => Promise<T>): Promise<T> {
  const slot: WriteSlot = {
    async write(data, check, maxBytes) {
      assertReadable(data, 'The file', maxBytes)
      return writeFileDurably(fs, filePath, data, check ? { beforeReplace: check } : {})
    },
    async moveTo(to) {
      await fs.rename(filePath, to)
    },
    async remove() {
      try {
        await fs.unlink(filePath)
      } catch (error) {
        if (errnoCode(error) !== 'ENOENT') throw error
      }
    },
  }
  return writerFor(filePath).task(() => task(slot))
}
