import type { Adapter } from 'lowdb'
import { nodeDurableFs, readTextIfExists, type DurableFs, type FileData } from './durable-fs'
import { writeSerialized } from './serial-writer'

/**
 * A lowdb adapter that writes durably (temp file + fsync + rename + folder fsync) and one
 * write at a time per file. Used instead of lowdb's JSONFile, which never fsyncs, and
 * instead of JSONFilePreset, which turns into an in-memory store under NODE_ENV=test.
 * Reading throws on a file that is not JSON; the stores validate and recover above this.
 */
export class DurableJSONFile<T> implements Adapter<T> {
  constructor(
    readonly path: string,
    private readonly fs: DurableFs = nodeDurableFs,
    /** How data becomes the file's bytes; the deal store builds them from cached pieces. */
    private readonly serialize: (data: T) => FileData = serializeJson,
  ) {}

  async read(): Promise<T | null> {
    const text = await readTextIfExists(this.fs, this.path)
    return text === null ? null : (JSON.parse(text) as T)
  }

  write(data: T): Promise<void> {
    return writeSerialized(this.fs, this.path, this.serialize(data))
  }
}

export function serializeJson(data: unknown): string {
  return JSON.stringify(data, null, 2) + '\n'
}
