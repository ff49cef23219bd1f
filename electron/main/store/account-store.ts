import { AccountFileSchema, type AccountFile } from '@shared/accounts'
import type { Notice } from '@shared/ipc'
import { SAFE_ID } from '@shared/file-names'
import { AppFailure, guardWrite } from '../errors'
import { keepBackup, type StoreDeps } from './deal-file-store'
import { errnoCode } from './durable-fs'
import { KnownVersions } from './known-versions'
import { serializeJson } from './durable-json-file'
import { accountBackupKey } from './paths'
import { loadWithRecovery } from './recovery'
import { withWriteSlot, type WriteSlot } from './serial-writer'
import { validateJsonWith } from './validators'

const validateAccountText = validateJsonWith(AccountFileSchema, 'account file')

export interface LoadedAccount {
  /** null when the account has no file yet (or its file was damaged and set aside with no backup). */
  account: AccountFile | null
  notices: Notice[]
}

/**
 * `accounts/<accountId>.json`: one customer's people (docs/method.md, "Accounts"). Read with
 * the same recovery as every stored file (a damaged file is set aside, the newest valid backup
 * restored, a notice given; with no backup the account is rebuilt from its deals, which are
 * never touched). Written only inside the file's write slot, read-modify-write, with rolling
 * backups like deal files.
 */
export class AccountStore {
  /** What this store last read from or wrote to each account file (size, time, hash). */
  private readonly known: KnownVersions
  /**
   * The validated account of each file as this store last read or wrote it. While the file
   * still holds those bytes (one stat, KnownVersions), a load or an update takes it instead of
   * reading and validating ~700 KB again: every autosave records its deal into the account,
   * and that parse was most of a 1 MB save (docs/performance.md, "Save").
   */
  private readonly held = new Map<string, AccountFile>()

  constructor(private readonly deps: StoreDeps) {
    this.known = new KnownVersions(deps.fs)
  }

  private pathOf(accountId: string): string {
    if (!SAFE_ID.test(accountId)) throw new AppFailure('invalid-request', 'Not an account id.')
    return this.deps.paths.account(accountId)
  }

  async load(accountId: string, customer: string): Promise<LoadedAccount> {
    const unchanged = await this.heldIfUnchanged(this.pathOf(accountId))
    if (unchanged) return { account: unchanged, notices: [] }
    const loaded = await loadWithRecovery(this.deps, { path: this.pathOf(accountId), backupKey: accountBackupKey(accountId), subject: { kind: 'account', customer } }, validateAccountText)
    if (loaded.status === 'ok') return { account: loaded.value, notices: loaded.notices }
    if (loaded.status === 'missing') return { account: null, notices: [] }
    if (loaded.status === 'unreadable') throw new AppFailure('io', `The account file of ${customer} could not be read (${loaded.reason}).`, undefined, loaded.reason)
    return { account: null, notices: loaded.notices }
  }

  /**
   * Apply `change` to the account as it is on disk now and write it when it changed. A file
   * that became invalid since it was loaded (another program) is never written over.
   */
  update(accountId: string, base: AccountFile, change: (account: AccountFile) => AccountFile | null): Promise<AccountFile> {
    const path = this.pathOf(accountId)
    return withWriteSlot(this.deps.fs, path, async (slot) => {
      const stored = (await this.heldIfUnchanged(path)) ?? (await this.readStored(path, base.customer))
      return this.applyInSlot(slot, accountId, stored, stored ?? base, change)
    })
  }

  /**
   * `update` of an account this store read or wrote before, without a `load` first (an
   * autosave's record: one stat while the file is as this store left it). Null, with nothing
   * done, when the file is missing or not valid now: the caller loads it (with recovery) first.
   * `ready` gates the change: the stat runs at once, in the slot, while the deal that is
   * recorded is still being written; false (it was not saved) changes nothing.
   */
  updateHeld(accountId: string, change: (account: AccountFile) => AccountFile | null, ready: Promise<boolean> = Promise.resolve(true)): Promise<AccountFile | null> {
    const path = this.pathOf(accountId)
    const held = this.held.get(path)
    if (!held) return Promise.resolve(null)
    return withWriteSlot(this.deps.fs, path, async (slot) => {
      const stored = await this.heldIfUnchanged(path).then((h) => h ?? this.readStored(path, held.customer)).catch((error: unknown) => {
        if (error instanceof AppFailure && error.appError.code === 'damaged') return null
        throw error
      })
      if (stored === null) return null
      return (await ready) ? this.applyInSlot(slot, accountId, stored, stored, change) : stored
    })
  }

  private async applyInSlot(slot: WriteSlot, accountId: string, stored: AccountFile | null, current: AccountFile, change: (account: AccountFile) => AccountFile | null): Promise<AccountFile> {
    const next = change(current)
    if (next === null || (stored !== null && next === current)) return current
    const checked = AccountFileSchema.safeParse(next)
    if (!checked.success) throw new AppFailure('internal', 'The account change is not valid and was not saved.')
    const bytes = serializeJson(checked.data)
    const path = this.pathOf(accountId)
    const stamp = await guardWrite('the account', () => slot.write(bytes))
    await this.known.rememberWritten(path, bytes, stamp)
    this.held.set(path, checked.data)
    await keepBackup(this.deps.backups, accountBackupKey(accountId), bytes)
    return checked.data
  }

  /** The account this store last read or wrote at `path`, when the file still holds it. */
  private async heldIfUnchanged(path: string): Promise<AccountFile | null> {
    const held = this.held.get(path)
    if (!held) return null
    if ((await this.known.compare(path)).status === 'same') return held
    this.held.delete(path)
    return null
  }

  /** The account file as it is now (null when there is none), validated and remembered; never a damaged one. */
  private async readStored(path: string, customer: string): Promise<AccountFile | null> {
    let stamp
    try {
      stamp = await this.deps.fs.stat(path)
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return null
      throw error
    }
    const bytes = await this.deps.fs.readFile(path).catch((error: unknown) => {
      if (errnoCode(error) === 'ENOENT') return null
      throw error
    })
    if (bytes === null) return null
    const read = validateAccountText(new TextDecoder().decode(bytes))
    if (!read.ok) throw new AppFailure('damaged', `The account file of ${customer} was changed by another program and is not valid (${read.message}); it was left untouched.`)
    this.known.rememberRead(path, stamp, bytes)
    this.held.set(path, read.value)
    return read.value
  }
}
