import { basename, dirname, join } from 'node:path'
import type { Notice, NoticeSubject } from '@shared/ipc'
import { parseBackupId, type BackupStore, type Validate } from './backups'
import { fileStamp, type Clock } from './clock'
import { errnoCode, listDir, type DurableFs } from './durable-fs'
import { readTextWithRetry, UnreadableFile, type Sleep } from './read-retry'
import { withWriteSlot, type WriteSlot } from './serial-writer'
import { capSetAsideCopies } from './set-aside'

/** A file loaded with recovery, and what a notice about it calls it. */
export interface RecoveredFile {
  path: string
  backupKey: string
  subject: NoticeSubject
}

/** The subject in English, for the notice's log line (the page names it in the user's language). */
function englishName(subject: NoticeSubject): string {
  switch (subject.kind) {
    case 'workspace': return 'The workspace file workspace.json'
    case 'deal-file': return `The deal file ${subject.name}`
    case 'snapshots': return `The snapshots of deal ${subject.dealId}`
    case 'growth': return 'The personal growth file growth.json'
    case 'account': return `The account file of ${subject.customer}`
  }
}

export type Loaded<T> =
  | { status: 'ok'; value: T; notices: Notice[] }
  | { status: 'missing' }
  /** The disk would not give the bytes (EBUSY, EIO…) even after retries: the file is untouched, nothing is judged. */
  | { status: 'unreadable'; reason: string; file: string; notices: Notice[] }
  /**
   * Invalid, and not restored: `file` is where the raw bytes now are. With `restoreError`,
   * a valid backup exists but writing it failed (ENOSPC…); every later load tries again.
   */
  | { status: 'damaged'; reason: string; file: string; notices: Notice[]; restoreError?: string }

export interface RecoveryContext {
  fs: DurableFs
  backups: BackupStore
  clock: Clock
  sleep: Sleep
}

/**
 * Load and validate a stored file. Only bytes read whole that fail to validate are damage:
 * a read error is retried, then reported as `unreadable`, the file left alone. A damaged
 * file is never written over: it is moved aside as `<name>.corrupt-<timestamp>.json`, the
 * newest valid backup takes its place, and a notice says which file and what was restored.
 * Recovery is idempotent: a file set aside earlier whose place is still empty (the restore
 * failed half way, e.g. disk full) gets the restore tried again on every load.
 * It all runs in the file's write slot: a save cannot land between the judging read and
 * the set-aside (a good file moved aside) or the restore (a save written over by a backup).
 */
export function loadWithRecovery<T>(
  ctx: RecoveryContext,
  file: RecoveredFile,
  validate: Validate<T>,
): Promise<Loaded<T>> {
  return withWriteSlot(ctx.fs, file.path, (slot) => loadInSlot(ctx, slot, file, validate))
}

async function loadInSlot<T>(
  ctx: RecoveryContext,
  slot: WriteSlot,
  file: RecoveredFile,
  validate: Validate<T>,
): Promise<Loaded<T>> {
  let text: string | null
  try {
    text = await readTextWithRetry(ctx.fs, file.path, ctx.sleep)
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error
    const notice: Notice = {
      level: 'error', code: 'file-unreadable', params: { code: error.code }, subject: file.subject, file: file.path,
      message: `${englishName(file.subject)} could not be read (${error.code}). It was left untouched; close programs that may hold it and try again.`,
    }
    return { status: 'unreadable', reason: error.code, file: file.path, notices: [notice] }
  }

  const dir = dirname(file.path)
  const name = basename(file.path, '.json')
  let reason: string
  let aside: string
  if (text === null) {
    const [earlier] = await corruptCopies(ctx.fs, dir, name)
    if (!earlier) return { status: 'missing' }
    reason = 'the file was set aside as damaged earlier'
    aside = earlier
  } else {
    const result = validate(text)
    if (result.ok) return { status: 'ok', value: result.value, notices: [] }
    reason = result.message
    aside = join(dir, await freeAsideName(ctx, dir, name))
    try {
      await slot.moveTo(aside)
    } catch {
      // Cannot move it aside: leave it exactly where it is, untouched, and report it.
      const notice: Notice = {
        level: 'error', code: 'damaged-left-in-place', params: { reason }, subject: file.subject, file: file.path,
        message: `${englishName(file.subject)} is damaged (${reason}) and could not be set aside; it was left untouched.`,
      }
      return { status: 'damaged', reason, file: file.path, notices: [notice] }
    }
    await capSetAsideCopies(ctx.fs, file.path)
  }
  return restoreNewestValid(ctx, slot, file, validate, { reason, aside, earlier: text === null })
}

async function restoreNewestValid<T>(
  ctx: RecoveryContext,
  slot: WriteSlot,
  file: RecoveredFile,
  validate: Validate<T>,
  damage: { reason: string; aside: string; earlier: boolean },
): Promise<Loaded<T>> {
  const asideName = basename(damage.aside)
  let backup: { id: string; text: string; value: T } | null
  try {
    backup = await ctx.backups.newestValid(file.backupKey, validate)
  } catch (error) {
    // A backup that cannot be read now may be the newest valid one: do not settle for an older one.
    return restoreFailed(file, damage, 'a backup', error instanceof UnreadableFile ? error.code : (errnoCode(error) ?? (error as Error).message))
  }
  if (!backup) {
    // Said once, when the damage is found; later loads list it as damaged without repeating.
    const notices: Notice[] = damage.earlier
      ? []
      : [{
        level: 'error', code: 'damaged-no-backup', params: { reason: damage.reason, aside: asideName }, subject: file.subject, file: file.path,
        message: `${englishName(file.subject)} is damaged (${damage.reason}) and no valid backup exists. It was set aside as ${asideName}; you can export the raw file.`,
      }]
    return { status: 'damaged', reason: damage.reason, file: damage.aside, notices }
  }
  const when = parseBackupId(backup.id)?.createdAt.toISOString() ?? backup.id
  try {
    await slot.write(backup.text)
  } catch (error) {
    return restoreFailed(file, damage, `the backup from ${when}`, errnoCode(error) ?? (error as Error).message)
  }
  const notice: Notice = {
    level: 'warning',
    code: 'restored-from-backup',
    params: { reason: damage.reason, aside: asideName, when },
    subject: file.subject,
    file: file.path,
    message: `${englishName(file.subject)} was damaged (${damage.reason}). It was set aside as ${asideName} and the backup from ${when} was restored.`,
  }
  return { status: 'ok', value: backup.value, notices: [notice] }
}

function restoreFailed<T>(file: Pick<RecoveredFile, 'path' | 'subject'>, damage: { reason: string; aside: string }, backup: string, code: string): Loaded<T> {
  const reason = `${damage.reason}; a valid backup (${backup}) exists but could not be restored (${code}), it will be tried again`
  const notice: Notice = {
    level: 'error',
    code: 'restore-failed',
    params: { reason: damage.reason, aside: basename(damage.aside), code },
    subject: file.subject,
    file: file.path,
    message: `${englishName(file.subject)} is damaged (${damage.reason}). A valid backup exists but could not be restored (${code}); the damaged file is kept as ${basename(damage.aside)} and the restore is tried again when you open the deal or restart.`,
  }
  return { status: 'damaged', reason, file: damage.aside, notices: [notice], restoreError: code }
}

/** `<name>.corrupt-<stamp>.json`, never the name of an earlier set-aside copy (the clock can repeat a stamp). */
async function freeAsideName(ctx: RecoveryContext, dir: string, name: string): Promise<string> {
  const taken = new Set(await listDir(ctx.fs, dir).catch(() => []))
  const stamp = fileStamp(ctx.clock())
  let candidate = `${name}.corrupt-${stamp}.json`
  for (let n = 2; taken.has(candidate); n++) candidate = `${name}.corrupt-${stamp}-${n}.json`
  return candidate
}

/** Files set aside for `name` (e.g. "abc" for abc.json), newest first. */
export async function corruptCopies(fs: DurableFs, dir: string, name: string): Promise<string[]> {
  const prefix = `${name}.corrupt-`
  const names = await listDir(fs, dir)
  return names.filter((n) => n.startsWith(prefix) && n.endsWith('.json')).sort().reverse().map((n) => join(dir, n))
}
