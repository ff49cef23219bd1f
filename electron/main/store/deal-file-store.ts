import { Low } from 'lowdb'
import type { BackupInfo, Notice } from '@shared/ipc'
import { dealValidator, issuesOf, type DealFile } from '@shared/model'
import { AppFailure, guardWrite } from '../errors'
import { BackupStore, type BackupText } from './backups'
import type { Clock } from './clock'
import { errnoCode, listDir, readTextIfExists, type DurableFs } from './durable-fs'
import { DurableJSONFile } from './durable-json-file'
import { writeFileDurably } from './durable-write'
import { idOfFileStem, sameId } from '@shared/file-names'
import type { DealFileNames } from './deal-names'
import { readTextWithRetry, UnreadableFile, type Sleep } from './read-retry'
import { SAFE_ID, dealBackupKey, type StorePaths } from './paths'
import { corruptCopies, loadWithRecovery, type Loaded } from './recovery'
import { validateDealFileText } from './validators'

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
  private readonly dbs = new Map<string, Low<DealFile | null>>()
  /** Per stem, the exact id of the deal known to be in that file (loaded or saved by us). */
  private readonly owners = new Map<string, string>()

  constructor(private readonly deps: StoreDeps) {}

  /** Load and validate; a damaged file is set aside and its newest valid backup restored. */
  async load(id: string): Promise<Loaded<DealFile>> {
    const stem = await this.stemOf(id)
    const loaded = await loadWithRecovery(this.deps, { path: this.deps.paths.dealAt(stem), backupKey: dealBackupKey(stem), label: `The deal file ${stem}.json` }, validateDealFileText)
    if (loaded.status === 'ok') {
      this.owners.set(stem, loaded.value.deal.id)
      // The next save of this deal then re-validates only the people who changed.
      dealValidator.rememberValidated(loaded.value.deal)
    }
    return loaded
  }

  /**
   * Validate, write durably, then keep a rolling backup. Never writes an invalid file. The
   * validation is `DealFileSchema`'s, done incrementally: only stakeholders that changed since
   * they were last validated are parsed again (see shared/model/deal-validator.ts).
   */
  async save(file: DealFile): Promise<void> {
    const stem = await this.stemOf(file.deal.id)
    const checked = dealValidator.checkDealFile(file)
    if (!checked.ok) throw new AppFailure('invalid-request', 'The deal has problems and was not saved.', issuesOf(checked.error))
    await this.refuseOtherOwner(stem, file.deal.id)
    await guardWrite('the deal', async () => {
      const db = this.db(stem)
      db.data = checked.value
      await db.write()
    })
    this.owners.set(stem, file.deal.id)
    await keepBackup(this.deps.backups, dealBackupKey(stem), () => dealValidator.fileBytes(checked.value))
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
   * be written, nothing is replaced.
   */
  async replace(file: DealFile): Promise<void> {
    assertSafeId(file.deal.id)
    const checked = dealValidator.checkDealFile(file)
    if (!checked.ok) throw new AppFailure('invalid-request', 'The deal has problems and was not saved.', issuesOf(checked.error))
    await guardWrite('a backup of the deal it replaces', async () => {
      const stem = await this.stemOf(file.deal.id)
      const current = await this.deps.fs.readFile(this.deps.paths.dealAt(stem)).catch((error: unknown) => {
        if (errnoCode(error) === 'ENOENT') return null
        throw error
      })
      if (current !== null) await this.deps.backups.backup(dealBackupKey(stem), current)
    })
    await this.save(checked.value)
  }

  async delete(id: string): Promise<void> {
    const stem = await this.stemOf(id)
    await guardWrite('the deal', async () => {
      try {
        await this.deps.fs.unlink(this.deps.paths.dealAt(stem))
      } catch (error) {
        if (errnoCode(error) !== 'ENOENT') throw error
      }
    })
    this.dbs.delete(stem)
    this.owners.delete(stem)
    this.deps.names.forget(id)
  }

  async listBackups(id: string): Promise<BackupInfo[]> {
    return this.deps.backups.list(dealBackupKey(await this.stemOf(id)), validateDealFileText)
  }

  /** Restore a named backup (or the newest valid one); the current state is backed up first. */
  async restoreBackup(id: string, backupId: string | null): Promise<{ file: DealFile; notices: Notice[] }> {
    const stem = await this.stemOf(id)
    const key = dealBackupKey(stem)
    const chosen = backupId ? await this.deps.backups.read(key, backupId) : (await this.deps.backups.newestValid(key, validateDealFileText))?.text
    if (chosen === null || chosen === undefined) throw new AppFailure('not-found', 'That backup does not exist.')
    const parsed = validateDealFileText(chosen)
    if (!parsed.ok) throw new AppFailure('invalid-file', `That backup is damaged (${parsed.message}).`)
    if (parsed.value.deal.id !== id) throw new AppFailure('invalid-file', 'That backup belongs to another deal.')
    await this.refuseOtherOwner(stem, id)
    await guardWrite('the deal', async () => {
      // A current file that cannot be read is not replaced: its state could not be kept first.
      const current = await readTextWithRetry(this.deps.fs, this.deps.paths.dealAt(stem), this.deps.sleep).catch((error: unknown) => {
        throw error instanceof UnreadableFile ? Object.assign(new Error(error.message), { code: error.code }) : error
      })
      if (current !== null && validateDealFileText(current).ok) await this.deps.backups.backup(key, current)
      await writeFileDurably(this.deps.fs, this.deps.paths.dealAt(stem), chosen)
    })
    this.dbs.delete(stem)
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

  private db(stem: string): Low<DealFile | null> {
    let db = this.dbs.get(stem)
    if (!db) {
      const bytesOf = (data: DealFile | null) => (data ? dealValidator.filePieces(data) : 'null\n')
      db = new Low<DealFile | null>(new DurableJSONFile<DealFile | null>(this.deps.paths.dealAt(stem), this.deps.fs, bytesOf), null)
      this.dbs.set(stem, db)
    }
    return db
  }
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
