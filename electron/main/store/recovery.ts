import { basename, dirname, join } from 'node:path'
import type { Notice } from '@shared/ipc'
import type { BackupStore, Validate } from './backups'
import { fileStamp, parseFileStamp, type Clock } from './clock'
import { errnoCode, listDir, readTextIfExists, type DurableFs } from './durable-fs'
import { writeFileDurably } from './durable-write'
import { capSetAsideCopies } from './set-aside'

export type Loaded<T> =
  | { status: 'ok'; value: T; notices: Notice[] }
  | { status: 'missing' }
  /** Unreadable or invalid, and no valid backup: `file` is where the raw bytes now are. */
  | { status: 'damaged'; reason: string; file: string; notices: Notice[] }

export interface RecoveryContext {
  fs: DurableFs
  backups: BackupStore
  clock: Clock
}

/**
 * Load and validate a stored file. A file that cannot be read or does not validate is
 * never written over: it is moved aside as `<name>.corrupt-<timestamp>.json`, the newest
 * valid backup takes its place, and a notice says which file and what was restored.
 */
export async function loadWithRecovery<T>(
  ctx: RecoveryContext,
  file: { path: string; backupKey: string; label: string },
  validate: Validate<T>,
): Promise<Loaded<T>> {
  let reason: string
  try {
    const text = await readTextIfExists(ctx.fs, file.path)
    if (text === null) return { status: 'missing' }
    const result = validate(text)
    if (result.ok) return { status: 'ok', value: result.value, notices: [] }
    reason = result.message
  } catch (error) {
    reason = `the file could not be read (${errnoCode(error) ?? (error as Error).message})`
  }

  const asideName = `${basename(file.path, '.json')}.corrupt-${fileStamp(ctx.clock())}.json`
  const aside = join(dirname(file.path), asideName)
  try {
    await ctx.fs.rename(file.path, aside)
    await capSetAsideCopies(ctx.fs, file.path)
  } catch {
    // Cannot move it aside: leave it exactly where it is, untouched, and report it.
    const notice: Notice = { level: 'error', file: file.path, message: `${file.label} is damaged (${reason}) and could not be set aside; it was left untouched.` }
    return { status: 'damaged', reason, file: file.path, notices: [notice] }
  }

  const backup = await ctx.backups.newestValid(file.backupKey, validate)
  if (backup) {
    try {
      await writeFileDurably(ctx.fs, file.path, backup.text)
      const when = parseFileStamp(backup.id)?.toISOString() ?? backup.id
      const notice: Notice = {
        level: 'warning',
        file: file.path,
        message: `${file.label} was damaged (${reason}). It was set aside as ${asideName} and the backup from ${when} was restored.`,
      }
      return { status: 'ok', value: backup.value, notices: [notice] }
    } catch {
      // Fall through: report damaged; the original is safe aside.
    }
  }
  const notice: Notice = {
    level: 'error',
    file: file.path,
    message: `${file.label} is damaged (${reason}) and no valid backup exists. It was set aside as ${asideName}; you can export the raw file.`,
  }
  return { status: 'damaged', reason, file: aside, notices: [notice] }
}

/** Files set aside for `name` (e.g. "abc" for abc.json), newest first. */
export async function corruptCopies(fs: DurableFs, dir: string, name: string): Promise<string[]> {
  const prefix = `${name}.corrupt-`
  const names = await listDir(fs, dir)
  return names.filter((n) => n.startsWith(prefix) && n.endsWith('.json')).sort().reverse().map((n) => join(dir, n))
}
