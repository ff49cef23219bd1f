import { join } from 'node:path'
import { Low } from 'lowdb'
import type { BackupInfo, Notice, OutsideEdit } from '@shared/ipc'
import { DealValidator, issuesOf, parseDealFile, type Checked, type DealFile, type Seller, type ValidDeal, type ValidDealFile } from '@shared/model'
import { AppFailure, guardWrite } from '../errors'
import { BackupStore, type BackupText } from './backups'
import { fileStamp, type Clock } from './clock'
import { errnoCode, listDir, readTextIfExists, type DurableFs, type FileData } from './durable-fs'
import { DurableJSONFile } from './durable-json-file'
import { idOfFileStem, sameId } from '@shared/file-names'
import type { DealFileNames } from './deal-names'
import { readTextWithRetry, UnreadableFile, type Sleep } from './read-retry'
import { KnownVersions } from './known-versions'
import type { TargetFile } from './held-target'
import { assertReadable } from './size-cap'
import { SAFE_ID, dealBackupKey, type StorePaths } from './paths'
import { corruptCopies, loadWithRecovery, type Loaded } from './recovery'
import { withWriteSlot, writeSerialized, type WriteGuard } from './serial-writer'
import { dealFileTextValidator, validateDealFileText } from './validators'

export interface StoreDeps {
  fs: DurableFs
  clock: Clock
  paths: StorePaths
  backups: BackupStore
  names: DealFileNames
  /** Waits between read retries (tests pass one that returns at once). */
  sleep: Sleep
}

/**
 * One file per deal, `deals/<stem>.json` (the case-folded id, see shared/file-names.ts), in
 * the deal file format.
 */
export class DealFileStore {
  /**
   * This store's incremental validator: what it validated (the IPC contract checks incoming
   * deals with it) and what it read, so a save re-validates only what changed. Per store,
   * never shared: two stores (two data folders, two handler tables) keep apart what they know.
   */
  readonly validator = new DealValidator()
  /** Deal file text → a valid deal file, remembered by the validator. */
  private readonly validText = dealFileTextValidator(this.validator)
  /** What this store last read (for the page to edit) or wrote, per deal file. */
  private readonly known: KnownVersions
  /** Per stem, the deal's lowdb document over a durable, outside-edit-checking adapter. */
  private readonly dbs = new Map<string, { id: string; db: Low<DealFile | null> }>()
  /** Per stem, the exact id of the deal known to be in that file (loaded or saved by us). */
  private readonly owners = new Map<string, string>()

  constructor(private readonly deps: StoreDeps) {
    this.known = new KnownVersions(deps.fs)
  }

  /**
   * Load and validate; a damaged file is set aside and its newest valid backup restored.
   * With `asBase`, what was read becomes the version the user edits: a later save that finds
   * the file changed since (by a sync client, an editor) is refused as a conflict.
   */
  async load(id: string, options: { asBase?: boolean } = {}): Promise<Loaded<ValidDealFile>> {
    const stem = await this.stemOf(id)
    const path = this.deps.paths.dealAt(stem)
    if (options.asBase) {
      const direct = await this.readValid(stem)
      if (direct) return direct
    }
    // The validator remembers what it accepts: the next save re-validates only the people who changed.
    const loaded = await loadWithRecovery(this.deps, { path, backupKey: dealBackupKey(stem), subject: { kind: 'deal-file', name: `${stem}.json` } }, this.validText)
    if (loaded.status === 'ok') {
      this.owners.set(stem, loaded.value.deal.id)
      // Restored from a backup by us just now: that is the base.
      if (options.asBase) await this.known.rememberWritten(path, this.validator.filePieces(loaded.value))
    }
    return loaded
  }

  /**
   * Write durably, then keep a rolling backup. The file was validated before it got here (a
   * `ValidDealFile` comes only from the validator: `checkDeal` at the IPC boundary, then
   * `fileOf`), so it is not validated again.
   */
  async save(file: ValidDealFile): Promise<void> {
    const stem = await this.stemOf(file.deal.id)
    await this.refuseOtherOwner(stem, file.deal.id)
    const db = this.db(stem, file.deal.id)
    await guardWrite('the deal', async () => {
      db.data = file
      await db.write()
    })
    this.owners.set(stem, file.deal.id)
    await keepBackup(this.deps.backups, dealBackupKey(stem), () => this.validator.fileBytes(file))
  }

  /** A deal from outside the store's own files (the page, a new or copied deal), validated; throws a typed failure. */
  checkDeal(value: unknown): ValidDeal {
    return accepted(this.validator.checkDeal(value))
  }

  /** A deal file from outside (an import), validated; throws a typed failure. */
  checkFile(value: unknown): ValidDealFile {
    return accepted(this.validator.checkDealFile(value))
  }

  /** The file of a valid deal with the sellers it mentions: the deal is not validated again. */
  fileOf(deal: ValidDeal, roster: readonly Seller[]): ValidDealFile {
    return accepted(this.validator.fileOf(deal, roster))
  }

  /** `deal` as saved now: the one field main sets on a valid deal. */
  stamped(deal: ValidDeal, updatedAt: string): ValidDeal {
    return this.validator.stamped(deal, updatedAt)
  }

  /** The stem of `id`'s files (throws a typed failure for an id no disk can name). */
  async stemOf(id: string): Promise<string> {
    assertSafeId(id)
    return this.deps.names.stemOf(id)
  }

  /**
   * Never write one deal over another: ids that differ only in case name one file (on
   * macOS and Windows the disk itself says so), so a file holding a different id under the
   * same name is refused rather than replaced. Callers that mean the same deal pass its
   * stored id (the import planner does). The file is read only when this store has not seen
   * it yet, so ordinary saves (after a load) cost nothing.
   */
  private async refuseOtherOwner(stem: string, id: string): Promise<void> {
    let owner = this.owners.get(stem)
    if (owner === undefined) {
      const text = await readTextIfExists(this.deps.fs, this.deps.paths.dealAt(stem)).catch(() => null)
      const parsed = text === null ? null : validateDealFileText(text)
      // A damaged or unreadable file is recovery's business (load sets it aside first).
      owner = parsed?.ok ? parsed.value.deal.id : id
    }
    if (owner !== id && sameId(owner, id)) {
      throw new AppFailure('invalid-request', `Another deal (id ${owner}) is stored under the same file name; ids that differ only in case are the same deal. Nothing was overwritten.`)
    }
  }

  /**
   * Save a deal that takes the place of whatever is stored under its id (an import that
   * replaces it). The bytes there now, valid or damaged, are backed up first whatever the
   * backup interval, so the replaced version can always be restored; if that backup cannot
   * be written, nothing is replaced. The user chose to replace it, so it becomes the base.
   */
  async replace(file: ValidDealFile): Promise<void> {
    const stem = await this.stemOf(file.deal.id)
    await this.writeOverStored(stem, file)
    this.owners.set(stem, file.deal.id)
  }

  /**
   * Write `file` in place of whatever is stored for `stem`, after a backup of those bytes
   * (valid or not) that the backup interval does not skip. A stored file that cannot be read
   * is not replaced: its state could not be kept first.
   */
  private async writeOverStored(stem: string, file: ValidDealFile): Promise<void> {
    const path = this.deps.paths.dealAt(stem)
    const pieces = this.validator.filePieces(file)
    assertReadable(pieces, 'The deal file')
    await guardWrite('the deal', () =>
      withWriteSlot(this.deps.fs, path, async (slot) => {
        const current = await this.deps.fs.readFile(path).catch((error: unknown) => {
          if (errnoCode(error) === 'ENOENT') return null
          throw error
        })
        if (current !== null) await this.deps.backups.backup(dealBackupKey(stem), current)
        await slot.write(pieces)
        await this.known.rememberWritten(path, pieces)
      }),
    )
  }

  async delete(id: string): Promise<void> {
    const stem = await this.stemOf(id)
    // In the file's slot: a save queued before the delete is written first, not after it.
    await guardWrite('the deal', () => withWriteSlot(this.deps.fs, this.deps.paths.dealAt(stem), (slot) => slot.remove()))
    this.known.forget(this.deps.paths.dealAt(stem))
    this.owners.delete(stem)
    this.dbs.delete(stem)
    this.deps.names.forget(id)
  }

  async listBackups(id: string): Promise<BackupInfo[]> {
    return this.deps.backups.list(dealBackupKey(await this.stemOf(id)), validateDealFileText)
  }

  /** Restore a named backup (or the newest valid one); the current state is backed up first. */
  async restoreBackup(id: string, backupId: string | null): Promise<{ file: ValidDealFile; notices: Notice[] }> {
    const stem = await this.stemOf(id)
    const key = dealBackupKey(stem)
    const path = this.deps.paths.dealAt(stem)
    // The newest valid one is validated while it is looked for: not validated again below.
    const newest = backupId ? null : await this.deps.backups.newestValid(key, this.validText)
    const chosen = backupId ? await this.deps.backups.read(key, backupId) : newest?.text
    if (chosen === null || chosen === undefined) throw new AppFailure('not-found', 'That backup does not exist.')
    const parsed = newest ? { ok: true as const, value: newest.value } : this.validText(chosen)
    if (!parsed.ok) throw new AppFailure('invalid-file', `That backup is damaged (${parsed.message}).`)
    if (parsed.value.deal.id !== id) throw new AppFailure('invalid-file', 'That backup belongs to another deal.')
    await guardWrite('the deal', () =>
      withWriteSlot(this.deps.fs, path, async (slot) => {
        // A current file that cannot be read is not replaced: its state could not be kept first.
        const current = await readTextWithRetry(this.deps.fs, path, this.deps.sleep).catch((error: unknown) => {
          throw error instanceof UnreadableFile ? Object.assign(new Error(error.message), { code: error.code }) : error
        })
        if (current !== null && validateDealFileText(current).ok) await this.deps.backups.backup(key, current)
        await slot.write(chosen)
        await this.known.rememberWritten(path, chosen)
      }),
    )
    this.owners.set(stem, id)
    return { file: parsed.value, notices: [] }
  }

  /**
   * The raw bytes a user asks for to recover a damaged deal by hand: the damaged bytes. That
   * is the deal file itself when it is damaged in place (it could not be set aside); else the
   * newest set-aside copy, because a valid deal file beside one is the restored backup, not
   * what was damaged. A deal never damaged exports its file as stored.
   */
  async rawBytes(id: string): Promise<Uint8Array | null> {
    const stem = await this.stemOf(id)
    const read = (path: string) => this.deps.fs.readFile(path).catch(() => null)
    const current = await read(this.deps.paths.dealAt(stem))
    if (current && !validateDealFileText(new TextDecoder().decode(current)).ok) return current
    for (const aside of await corruptCopies(this.deps.fs, this.deps.paths.deals, stem)) {
      const bytes = await read(aside)
      if (bytes) return bytes
    }
    return current
  }

  /**
   * An id that loads each deal file present (set-aside copies and temp files are not deals).
   * It is the file's stem, unescaped: the case-folded id, or the old mixed-case name of a file
   * written before names were folded; the real id is inside the file.
   */
  async listIds(): Promise<string[]> {
    const names = await listDir(this.deps.fs, this.deps.paths.deals)
    return names
      .filter((n) => n.endsWith('.json'))
      .map((n) => n.slice(0, -5))
      .map((stem) => (SAFE_ID.test(stem) ? stem : idOfFileStem(stem)))
      .filter((id): id is string => id !== null)
  }

  /**
   * Resolve a conflict by keeping the user's version: the outside version is backed up
   * first (even when it is not valid JSON), then replaced.
   */
  async keepMine(file: ValidDealFile): Promise<void> {
    const stem = await this.stemOf(file.deal.id)
    await this.writeOverStored(stem, file)
    await this.removeConflictCopies(stem)
  }

  /**
   * Resolve a conflict by taking the outside version: the user's version is kept as a
   * backup, the outside one becomes the base. Refused (nothing changes) when it is not valid.
   */
  async takeTheirs(mine: ValidDealFile): Promise<ValidDealFile> {
    const id = mine.deal.id
    const stem = await this.stemOf(id)
    const path = this.deps.paths.dealAt(stem)
    const theirs = await withWriteSlot(this.deps.fs, path, async () => {
      const stamp = await this.deps.fs.stat(path).catch(() => null)
      const bytes = stamp ? await this.deps.fs.readFile(path).catch(() => null) : null
      if (!stamp || !bytes) throw new AppFailure('not-found', 'The outside version of this deal is gone.')
      const parsed = this.validator.parseFileText(new TextDecoder().decode(bytes))
      if (!parsed.ok) throw new AppFailure('invalid-file', `The outside version is not a valid deal file (${parsed.message}); it was left as it is.`, parsed.issues, parsed.kind)
      if (parsed.value.deal.id !== id) throw new AppFailure('invalid-file', 'The outside version belongs to another deal; it was left as it is.', undefined, 'other-deal')
      await guardWrite('the backup', () => this.deps.backups.backup(dealBackupKey(stem), this.validator.fileBytes(mine)))
      this.known.rememberRead(path, stamp, bytes)
      return parsed.value
    })
    await this.removeConflictCopies(stem)
    return theirs
  }

  /** The outside version as it is now, made the base when valid (keep both); null when not valid. */
  async adoptOutside(id: string): Promise<ValidDealFile | null> {
    const stem = await this.stemOf(id)
    const direct = await this.readValid(stem)
    await this.removeConflictCopies(stem)
    return direct?.status === 'ok' ? direct.value : null
  }

  /** Conflict copies (`<stem>.mine-<stamp>.json`) once the user's version is safe elsewhere. */
  private async removeConflictCopies(stem: string): Promise<void> {
    for (const name of await listDir(this.deps.fs, this.deps.paths.deals)) {
      if (name.startsWith(`${stem}.mine-`) && name.endsWith('.json')) await this.deps.fs.unlink(join(this.deps.paths.deals, name)).catch(() => undefined)
    }
  }

  /** The deal file as it is, when valid, remembered as the base (stat before the read). */
  private async readValid(stem: string): Promise<Loaded<ValidDealFile> | null> {
    const path = this.deps.paths.dealAt(stem)
    try {
      const stamp = await this.deps.fs.stat(path)
      const bytes = await this.deps.fs.readFile(path)
      const result = this.validText(new TextDecoder().decode(bytes))
      if (!result.ok) return null
      this.known.rememberRead(path, stamp, bytes)
      this.owners.set(stem, result.value.deal.id)
      return { status: 'ok', value: result.value, notices: [] }
    } catch {
      return null
    }
  }

  /**
   * The deal's lowdb document. Its adapter writes durably, one write at a time, and checks in
   * the write slot that no other program changed the file since we read or wrote it. One per
   * stem, so queued saves of one deal supersede each other under the same guard.
   */
  private db(stem: string, id: string): Low<DealFile | null> {
    const known = this.dbs.get(stem)
    if (known && known.id === id) return known.db
    const path = this.deps.paths.dealAt(stem)
    const guard: WriteGuard = {
      before: (data, target) => this.refuseIfChangedOutside(stem, id, data, target),
      after: (data, stamp) => this.known.rememberWritten(path, data, stamp),
    }
    const serialize = (data: DealFile | null) => (data ? this.validator.filePieces(data) : 'null\n')
    const db = new Low<DealFile | null>(new DurableJSONFile<DealFile | null>(path, this.deps.fs, { serialize, guard }), null)
    this.dbs.set(stem, { id, db })
    return db
  }

  /**
   * Inside the write slot, before a deal file is replaced: if another program changed it
   * since we read or wrote it, write nothing over it. The user's version is saved aside
   * (durably) and the save fails with a `conflict` the page asks the user about.
   */
  private async refuseIfChangedOutside(stem: string, id: string, data: FileData, target: TargetFile | null): Promise<void> {
    const path = this.deps.paths.dealAt(stem)
    const seen = await this.known.compare(path, target)
    if (seen.status !== 'changed') return
    const copyFile = `${stem}.mine-${fileStamp(this.deps.clock())}.json`
    await this.removeConflictCopies(stem) // one copy per open conflict: the newest version of mine
    // Another file than the one whose slot this runs in: it queues on its own writer.
    await writeSerialized(this.deps.fs, join(this.deps.paths.deals, copyFile), data)
    const parsed = parseDealFile(new TextDecoder().decode(seen.bytes))
    const theirs: OutsideEdit['theirs'] = parsed.ok ? { valid: true, name: parsed.value.deal.name } : { valid: false, problem: parsed.kind }
    throw new AppFailure('conflict', 'This deal was changed outside Deal War Room since it was opened; nothing was overwritten.', undefined, undefined, {
      conflict: { dealId: id, copyFile, theirs },
    })
  }
}

/** The value a check accepted, or the typed failure the page shows ("The deal has problems…"). */
function accepted<T>(checked: Checked<T>): T {
  if (!checked.ok) throw new AppFailure('invalid-request', 'The deal has problems and was not saved.', issuesOf(checked.error))
  return checked.value
}

export function assertSafeId(id: string): void {
  if (!SAFE_ID.test(id)) throw new AppFailure('invalid-request', 'That is not a valid id.')
}

/** A backup that cannot be written must not fail a save that reached the disk. */
export async function keepBackup(backups: BackupStore, key: string, text: BackupText | (() => BackupText)): Promise<void> {
  try {
    await backups.maybeBackup(key, text)
  } catch (error) {
    console.warn(`Could not write a backup for ${key}:`, (error as Error).message)
  }
}
