import type { AppError, ErrorCode } from '@shared/ipc'
import type { FileIssue } from '@shared/model'
import { errnoCode } from './store/durable-fs'
import type { Loaded } from './store/recovery'

/** An expected failure carrying the typed error the page receives. */
export class AppFailure extends Error {
  readonly appError: AppError
  constructor(code: ErrorCode, message: string, issues?: FileIssue[], reason?: string, extra?: Pick<AppError, 'size' | 'conflict'>) {
    super(message)
    this.name = 'AppFailure'
    this.appError = { code, message, ...(issues ? { issues } : {}), ...(reason ? { reason } : {}), ...extra }
  }
}

const IO_MESSAGES: Record<string, string> = {
  ENOSPC: 'The disk is full, so your changes could not be saved. Free some space; the app keeps your edits and will try again.',
  EDQUOT: 'Your disk quota is used up, so your changes could not be saved. Free some space; the app keeps your edits and will try again.',
  EROFS: 'The data folder is read-only, so your changes could not be saved. The app keeps your edits and will try again.',
  EACCES: 'Permission to write the data folder was denied, so your changes could not be saved. The app keeps your edits and will try again.',
  EPERM: 'Permission to write the data folder was denied, so your changes could not be saved. The app keeps your edits and will try again.',
  EBUSY: 'The file is locked by another program, so your changes could not be saved. The app keeps your edits and will try again.',
  EMFILE: 'Too many files are open, so your changes could not be saved. The app will try again.',
}

/** Turn a failed disk call into an `io` failure with a message a user can act on. */
export function ioFailure(error: unknown, what: string): AppFailure {
  if (error instanceof AppFailure) return error
  const code = errnoCode(error)
  const message = (code && IO_MESSAGES[code]) ?? `Could not save ${what}: ${(error as Error)?.message ?? String(error)}`
  return new AppFailure('io', message, undefined, code)
}

/** Run a write; any disk error becomes a typed `io` failure. */
export async function guardWrite<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (error) {
    throw ioFailure(error, what)
  }
}

/**
 * The typed `io` failure for a stored file that did not load for a disk reason: it could
 * not be read, or a valid backup of it could not be written back. Neither is damage, and the
 * next call tries again. Null when the load was not held up by the disk.
 */
export function loadIoFailure(loaded: Loaded<unknown>): AppFailure | null {
  if (loaded.status === 'unreadable') return new AppFailure('io', loaded.notices[0]?.message ?? `The file could not be read (${loaded.reason}).`, undefined, loaded.reason)
  if (loaded.status === 'damaged' && loaded.restoreError) return new AppFailure('io', loaded.notices[0]?.message ?? loaded.reason, undefined, loaded.restoreError)
  return null
}
