import { LIMITS } from '@shared/model'
import { AppFailure } from '../errors'
import type { DurableFs, FileData } from './durable-fs'

/** The bytes `data` takes on disk. */
export function byteSize(data: FileData): number {
  if (typeof data === 'string') return Buffer.byteLength(data, 'utf8')
  if (data instanceof Uint8Array) return data.byteLength
  let total = 0
  for (const piece of data) total += piece.byteLength
  return total
}

/**
 * Refuse, before anything is written, a file the readers would refuse: they cap a stored
 * file at LIMITS.fileBytes, so a larger one would be "damaged" on the next start and
 * replaced by an older backup.
 */
export function assertReadable(data: FileData, what: string, limit: number = LIMITS.fileBytes): void {
  if (limit === Infinity) return
  const bytes = byteSize(data)
  if (bytes <= limit) return
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1)
  throw new AppFailure('too-large', `${what} would take ${mb(bytes)} MB, more than the ${mb(limit)} MB the app can open, so it was not saved. Your edits are kept in the app.`, undefined, undefined, {
    size: { bytes, limit },
  })
}

/**
 * Read a file the user pointed at, refused unread when `stat` says it is over `limit` (and
 * again if it grew before it was read): a 200 MB "template" costs no memory.
 */
export async function readCapped(fs: DurableFs, path: string, what: string, limit: number): Promise<Uint8Array> {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1)
  const refuse = (bytes: number) => new AppFailure('invalid-file', `${what} is ${mb(bytes)} MB, more than the ${mb(limit)} MB accepted.`, undefined, 'too-large', { size: { bytes, limit } })
  let size: number
  try {
    size = (await fs.stat(path)).size
  } catch (error) {
    throw new AppFailure('io', `${what} could not be read (${(error as Error).message}).`)
  }
  if (size > limit) throw refuse(size)
  let bytes: Uint8Array
  try {
    bytes = await fs.readFile(path)
  } catch (error) {
    throw new AppFailure('io', `${what} could not be read (${(error as Error).message}).`)
  }
  if (bytes.byteLength > limit) throw refuse(bytes.byteLength)
  return bytes
}
