import type { DurableFs, FileData } from './durable-fs'
import { writeFileDurably } from './durable-write'

interface Waiter {
  resolve: () => void
  reject: (error: unknown) => void
}
interface Job {
  data: FileData
  waiters: Waiter[]
}

/**
 * Serializes the writes to one file. While a write is on its way to disk, newer saves
 * queue behind it; only the newest queued state is written next (older queued states are
 * superseded), and every caller resolves once a state at least as new as theirs is on disk.
 */
class SerialWriter {
  private running = false
  private next: Job | null = null

  constructor(
    private readonly fs: DurableFs,
    private readonly path: string,
    private readonly onIdle: () => void,
  ) {}

  write(data: FileData): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.next) {
        this.next.data = data
        this.next.waiters.push({ resolve, reject })
      } else {
        this.next = { data, waiters: [{ resolve, reject }] }
      }
      void this.pump()
    })
  }

  private async pump(): Promise<void> {
    if (this.running) return
    this.running = true
    while (this.next) {
      const job = this.next
      this.next = null
      try {
        await writeFileDurably(this.fs, this.path, job.data)
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

export function writeSerialized(fs: DurableFs, path: string, data: FileData): Promise<void> {
  let writer = writers.get(path)
  if (!writer) {
    writer = new SerialWriter(fs, path, () => writers.delete(path))
    writers.set(path, writer)
  }
  return writer.write(data)
}
