import { Low } from 'lowdb'
import type { BackupInfo, Notice } from '@shared/ipc'
import { dealValidator, issuesOf, type DealFile } from '@shared/model'
import { AppFailure, guardWrite } from '../errors'
import { BackupStore, type BackupText } from './backups'
import type { Clock } from './clock'
import { errnoCode, listDir, type DurableFs } from './durable-fs'
import { DurableJSONFile } from './durable-json-file'
import { writeFileDurably } from './durable-write'
import { readTextWithRetry, UnreadableFile, type Sleep } from './read-retry'
import { SAFE_ID, dealBackupKey, type StorePaths } from './paths'
import { corruptCopies, loadWithRecovery, type Loaded } from './recovery'
import { validateDealFileText } from './validators'

export interface StoreDeps {
  fs: DurableFs
  clock: Clock
  paths: StorePaths
  backups: BackupStore
  /** Waits between read retries (tests pass one that returns at once). */
  sleep: Sleep
}

/** One file per deal, `deals/<id>.json`, in the deal file format. */
export class DealFileStore {
  private readonly dbs = new Map<string, Low<DealFile | null>>()

  constructor(private readonly deps: StoreDeps) {}

  /** Load and validate; a damaged file is set aside and its newest valid backup restored. */
  async load(id: string): Promise<Loaded<DealFile>> {
    assertSafeId(id)
    const loaded = await loadWithRecovery(this.deps, { path: this.deps.paths.deal(id), backupKey: dealBackupKey(id), label: `The deal file ${id}.json` }, validateDealFileText)
    // The next save of this deal then re-validates only the people who changed.
    if (loaded.status === 'ok') dealValidator.rememberValidated(loaded.value.deal)
    return loaded
  }

  /**
   * Validate, write durably, then keep a rolling backup. Never writes an invalid file. The
   * validation is `DealFileSchema`'s, done incrementally: only stakeholders that changed since
   * they were last validated are parsed again (see shared/model/deal-validator.ts).
   */
  async save(file: DealFile): Promise<void> {
    assertSafeId(file.deal.id)
    const checked = dealValidator.checkDealFile(file)
    if (!checked.ok) throw new AppFailure('invalid-request', 'The deal has problems and was not saved.', issuesOf(checked.error))
    await guardWrite('the deal', async () => {
      const db = this.db(file.deal.id)
      db.data = checked.value
      await db.write()
    })
    await keepBackup(this.deps.backups, dealBackupKey(file.deal.id), () => dealValidator.fileBytes(checked.value))
  }

  async delete(id: string): Promise<void> {
    assertSafeId(id)
    await guardWrite('the deal', async () => {
      try {
        await this.deps.fs.unlink(this.deps.paths.deal(id))
      } catch (error) {
        if (errnoCode(error) !== 'ENOENT') throw error
      }
    })
    this.dbs.delete(id)
  }

  listBackups(id: string): Promise<BackupInfo[]> {
    assertSafeId(id)
    return this.deps.backups.list(dealBackupKey(id), validateDealFileText)
  }

  /** Restore a named backup (or the newest valid one); the current state is backed up first. */
  async restoreBackup(id: string, backupId: string | null): Promise<{ file: DealFile; notices: Notice[] }> {
    assertSafeId(id)
    const key = dealBackupKey(id)
    const chosen = backupId ? await this.deps.backups.read(key, backupId) : (await this.deps.backups.newestValid(key, validateDealFileText))?.text
    if (chosen === null || chosen === undefined) throw new AppFailure('not-found', 'That backup does not exist.')
    const parsed = validateDealFileText(chosen)
    if (!parsed.ok) throw new AppFailure('invalid-file', `That backup is damaged (${parsed.message}).`)
    if (parsed.value.deal.id !== id) throw new AppFailure('invalid-file', 'That backup belongs to another deal.')
    await guardWrite('the deal', async () => {
      // A current file that cannot be read is not replaced: its state could not be kept first.
      const current = await readTextWithRetry(this.deps.fs, this.deps.paths.deal(id), this.deps.sleep).catch((error: unknown) => {
        throw error instanceof UnreadableFile ? Object.assign(new Error(error.message), { code: error.code }) : error
      })
      if (current !== null && validateDealFileText(current).ok) await this.deps.backups.backup(key, current)
      await writeFileDurably(this.deps.fs, this.deps.paths.deal(id), chosen)
    })
    this.dbs.delete(id)
    return { file: parsed.value, notices: [] }
  }

  /**
   * The raw bytes a user asks for to recover a damaged deal by hand: the damaged bytes. That
   * is the deal file itself when it is damaged in place (it could not be set aside); else the
   * newest set-aside copy, because a valid deal file beside one is the restored backup, not
   * what was damaged. A deal never damaged exports its file as stored.
   */
  async rawBytes(id: string): Promise<Uint8Array | null> {
    assertSafeId(id)
    const read = (path: string) => this.deps.fs.readFile(path).catch(() => null)
    const current = await read(this.deps.paths.deal(id))
    if (current && !validateDealFileText(new TextDecoder().decode(current)).ok) return current
    for (const aside of await corruptCopies(this.deps.fs, this.deps.paths.deals, id)) {
      const bytes = await read(aside)
      if (bytes) return bytes
    }
    return current
  }

  /** Ids of the deal files present (set-aside copies and temp files are not deals). */
  async listIds(): Promise<string[]> {
    const names = await listDir(this.deps.fs, this.deps.paths.deals)
    return names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5)).filter((n) => SAFE_ID.test(n))
  }

  private db(id: string): Low<DealFile | null> {
    let db = this.dbs.get(id)
    if (!db) {
      const bytesOf = (data: DealFile | null) => (data ? dealValidator.filePieces(data) : 'null\n')
      db = new Low<DealFile | null>(new DurableJSONFile<DealFile | null>(this.deps.paths.deal(id), this.deps.fs, bytesOf), null)
      this.dbs.set(id, db)
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
