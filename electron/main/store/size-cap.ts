import { LIMITS } from '@shared/model'
import { AppFailure } from '../errors'
import type { FileData } from './durable-fs'

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
