import type { Adapter } from 'lowdb'
import { nodeDurableFs, readTextIfExists, type DurableFs, type FileData } from './durable-fs'
import { writeSerialized, type WriteGuard, type WriteSlot } from './serial-writer'

export interface DurableJSONFileOptions<T> {
  /** How data becomes the file's bytes; the deal store builds them from cached pieces. */
  serialize?: (data: T) => FileData
  /** Checks run inside the file's write slot (the deal store refuses to write over outside edits). */
  guard?: WriteGuard
  /**
   * The file's write slot when the caller holds it (a read-modify-write task): the write goes
   * through it at once instead of queueing behind that very task.
   */
  slot?: () => WriteSlot | null
}

/**
 * A lowdb adapter that writes durably (temp file + fsync + rename + folder fsync) and one
 * write at a time per file. Used instead of lowdb's JSONFile, which never fsyncs, and
 * instead of JSONFilePreset, which turns into an in-memory store under NODE_ENV=test.
 * Reading throws on a file that is not JSON; the stores validate and recover above this.
 */
export class DurableJSONFile<T> implements Adapter<T> {
  private readonly serialize: (data: T) => FileData

  constructor(
    readonly path: string,
    private readonly fs: DurableFs = nodeDurableFs,
    private readonly options: DurableJSONFileOptions<T> = {},
  ) {
    this.serialize = options.serialize ?? serializeJson
  }

  async read(): Promise<T | null> {
    const text = await readTextIfExists(this.fs, this.path)
    return text === null ? null : (JSON.parse(text) as T)
  }

  async write(data: T): Promise<void> {
    const bytes = this.serialize(data)
    const slot = this.options.slot?.()
    if (!slot) return writeSerialized(this.fs, this.path, bytes, { guard: this.options.guard })
    const before = this.options.guard?.before
    const stamp = await slot.write(bytes, before && ((target) => before.call(this.options.guard, bytes, target)))
    await this.options.guard?.after?.(bytes, stamp)
  }
}

export function serializeJson(data: unknown): string {
  return JSON.stringify(data, null, 2) + '\n'
}
