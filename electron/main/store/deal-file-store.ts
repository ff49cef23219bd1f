import { basename, join } from 'node:path'
import type { BackupInfo, Notice, OutsideEdit } from '@shared/ipc'
import { dealValidator, issuesOf, parseDealFile, type DealFile } from '@shared/model'
import { AppFailure, guardWrite } from '../errors'
import { BackupStore, type BackupText } from './backups'
import { fileStamp, type Clock } from './clock'
import { errnoCode, listDir, readTextIfExists, type DurableFs, type FileData } from './durable-fs'
import { writeFileDurably } from './durable-write'
import { KnownVersions } from './known-versions'
import { assertReadable } from './size-cap'
import { SAFE_ID, dealBackupKey, type StorePaths } from './paths'
import { corruptCopies, loadWithRecovery, type Loaded } from './recovery'
import { writeSerialized, withWriteSlot, type WriteGuard } from './serial-writer'
import { validateDealFileText } from './validators'

export interface StoreDeps {
  fs: DurableFs
  clock: Clock
  paths: StorePaths
  backups: BackupStore
}

/** One file per deal, `deals/<id>.json`, in the deal file format. */
export class DealFileStore {
  /** What this store last read (for the page to edit) or wrote, per deal file. */
  private readonly known: KnownVersions
  /** Checks each write of a deal file, in its write slot, against edits made outside the app. */
  private readonly guard: WriteGuard

  constructor(private readonly deps: StoreDeps) {
    this.known = new KnownVersions(deps.fs)
    this.guard = {
      before: (data) => this.refuseIfChangedOutside(data),
      after: (data) => this.known.rememberWritten(this.pathOf(data), data),
    }
  }

  /**
   * Load and validate; a damaged file is set aside and its newest valid backup restored.
   * With `asBase`, what was read becomes the version the user edits: a later save that finds
   * the file changed since (by a sync client, an editor) is refused as a conflict.
   */
  async load(id: string, options: { asBase?: boolean } = {}): Promise<Loaded<DealFile>> {
    assertSafeId(id)
    if (options.asBase) {
      const direct = await this.readValid(id)
      if (direct) return direct
    }
    const loaded = await loadWithRecovery(this.deps, { path: this.deps.paths.deal(id), backupKey: dealBackupKey(id), label: `The deal file ${id}.json` }, validateDealFileText)
    // The next save of this deal then re-validates only the people who changed.
    if (loaded.status === 'ok') dealValidator.rememberValidated(loaded.value.deal)
    // Restored from a backup by us just now: that is the base.
    if (loaded.status === 'ok' && options.asBase) await this.known.rememberWritten(this.deps.paths.deal(id), dealValidator.filePieces(loaded.value))
    if (loaded.status !== 'missing') return loaded
    // Missing, but set aside earlier without a backup to restore: still damaged.
    const [aside] = await corruptCopies(this.deps.fs, this.deps.paths.deals, id)
    return aside ? { status: 'damaged', reason: 'the file was set aside as damaged earlier', file: aside, notices: [] } : loaded
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
    const pieces = dealValidator.filePieces(checked.value)
    this.pieceOwners.set(pieces, file.deal.id)
    await guardWrite('the deal', () => writeSerialized(this.deps.fs, this.deps.paths.deal(file.deal.id), pieces, this.guard))
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
    this.known.forget(this.deps.paths.deal(id))
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
    await guardWrite('the deal', () =>
      withWriteSlot(this.deps.paths.deal(id), async () => {
        const current = await readTextIfExists(this.deps.fs, this.deps.paths.deal(id)).catch(() => null)
        if (current !== null && validateDealFileText(current).ok) await this.deps.backups.backup(key, current)
        await writeFileDurably(this.deps.fs, this.deps.paths.deal(id), chosen)
        await this.known.rememberWritten(this.deps.paths.deal(id), chosen)
      }),
    )
    return { file: parsed.value, notices: [] }
  }

  /** The bytes of the deal file as stored, or of its newest set-aside copy when damaged. */
  async rawBytes(id: string): Promise<Uint8Array | null> {
    assertSafeId(id)
    for (const path of [this.deps.paths.deal(id), ...(await corruptCopies(this.deps.fs, this.deps.paths.deals, id))]) {
      try {
        return await this.deps.fs.readFile(path)
      } catch {
        // try the next candidate
      }
    }
    return null
  }

  /** Ids of the deal files present (set-aside copies and temp files are not deals). */
  async listIds(): Promise<string[]> {
    const names = await listDir(this.deps.fs, this.deps.paths.deals)
    return names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5)).filter((n) => SAFE_ID.test(n))
  }

  /**
   * Resolve a conflict by keeping the user's version: the outside version is backed up
   * first (even when it is not valid JSON), then replaced.
   */
  async keepMine(file: DealFile): Promise<void> {
    assertSafeId(file.deal.id)
    const checked = dealValidator.checkDealFile(file)
    if (!checked.ok) throw new AppFailure('invalid-request', 'The deal has problems and was not saved.', issuesOf(checked.error))
    const path = this.deps.paths.deal(file.deal.id)
    const pieces = dealValidator.filePieces(checked.value)
    assertReadable(pieces, 'The deal file')
    await guardWrite('the deal', () =>
      withWriteSlot(path, async () => {
        const theirs = await this.deps.fs.readFile(path).catch(() => null)
        if (theirs) await this.deps.backups.backup(dealBackupKey(file.deal.id), theirs)
        await writeFileDurably(this.deps.fs, path, pieces)
        await this.known.rememberWritten(path, pieces)
      }),
    )
    await this.removeConflictCopies(file.deal.id)
  }

  /**
   * Resolve a conflict by taking the outside version: the user's version is kept as a
   * backup, the outside one becomes the base. Refused (nothing changes) when it is not valid.
   */
  async takeTheirs(mine: DealFile): Promise<DealFile> {
    const id = mine.deal.id
    assertSafeId(id)
    const path = this.deps.paths.deal(id)
    const theirs = await withWriteSlot(path, async () => {
      const stamp = await this.deps.fs.stat(path).catch(() => null)
      const bytes = stamp ? await this.deps.fs.readFile(path).catch(() => null) : null
      if (!stamp || !bytes) throw new AppFailure('not-found', 'The outside version of this deal is gone.')
      const parsed = parseDealFile(new TextDecoder().decode(bytes))
      if (!parsed.ok) throw new AppFailure('invalid-file', `The outside version is not a valid deal file (${parsed.message}); it was left as it is.`, parsed.issues, parsed.kind)
      if (parsed.value.deal.id !== id) throw new AppFailure('invalid-file', 'The outside version belongs to another deal; it was left as it is.', undefined, 'other-deal')
      await guardWrite('the backup', () => this.deps.backups.backup(dealBackupKey(id), dealValidator.fileBytes(mine)))
      this.known.rememberRead(path, stamp, bytes)
      dealValidator.rememberValidated(parsed.value.deal)
      return parsed.value
    })
    await this.removeConflictCopies(id)
    return theirs
  }

  /** The outside version as it is now, made the base when valid (keep both); null when not valid. */
  async adoptOutside(id: string): Promise<DealFile | null> {
    assertSafeId(id)
    const direct = await this.readValid(id)
    await this.removeConflictCopies(id)
    return direct?.status === 'ok' ? direct.value : null
  }

  /** Conflict copies (`<id>.mine-<stamp>.json`) once the user's version is safe elsewhere. */
  private async removeConflictCopies(id: string): Promise<void> {
    for (const name of await listDir(this.deps.fs, this.deps.paths.deals)) {
      if (name.startsWith(`${id}.mine-`) && name.endsWith('.json')) await this.deps.fs.unlink(join(this.deps.paths.deals, name)).catch(() => undefined)
    }
  }

  /** The deal file as it is, when valid, remembered as the base (stat before the read). */
  private async readValid(id: string): Promise<Loaded<DealFile> | null> {
    const path = this.deps.paths.deal(id)
    try {
      const stamp = await this.deps.fs.stat(path)
      const bytes = await this.deps.fs.readFile(path)
      const result = validateDealFileText(new TextDecoder().decode(bytes))
      if (!result.ok) return null
      this.known.rememberRead(path, stamp, bytes)
      dealValidator.rememberValidated(result.value.deal)
      return { status: 'ok', value: result.value, notices: [] }
    } catch {
      return null
    }
  }

  /** Which deal a write's pieces belong to (the guard is shared by all deals of this store). */
  private readonly pieceOwners = new WeakMap<object, string>()
  private pathOf(data: FileData): string {
    return this.deps.paths.deal(this.pieceOwners.get(data as object)!)
  }

  /**
   * Inside the write slot, before a deal file is replaced: if another program changed it
   * since we read or wrote it, write nothing over it. The user's version is saved aside
   * (durably) and the save fails with a `conflict` the page asks the user about.
   */
  private async refuseIfChangedOutside(data: FileData): Promise<void> {
    const path = this.pathOf(data)
    const seen = await this.known.compare(path)
    if (seen.status !== 'changed') return
    const id = basename(path, '.json')
    const copyFile = `${id}.mine-${fileStamp(this.deps.clock())}.json`
    await this.removeConflictCopies(id) // one copy per open conflict: the newest version of mine
    await writeFileDurably(this.deps.fs, join(this.deps.paths.deals, copyFile), data)
    const parsed = parseDealFile(new TextDecoder().decode(seen.bytes))
    const theirs: OutsideEdit['theirs'] = parsed.ok ? { valid: true, name: parsed.value.deal.name } : { valid: false, problem: parsed.kind }
    throw new AppFailure('conflict', 'This deal was changed outside Deal War Room since it was opened; nothing was overwritten.', undefined, undefined, {
      conflict: { dealId: id, copyFile, theirs },
    })
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
