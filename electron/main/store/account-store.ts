import { AccountFileSchema, type AccountFile } from '@shared/accounts'
import type { Notice } from '@shared/ipc'
import { SAFE_ID } from '@shared/file-names'
import { AppFailure, guardWrite } from '../errors'
import { keepBackup, type StoreDeps } from './deal-file-store'
import { readTextIfExists } from './durable-fs'
import { serializeJson } from './durable-json-file'
import { accountBackupKey } from './paths'
import { loadWithRecovery } from './recovery'
import { withWriteSlot } from './serial-writer'
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
  constructor(private readonly deps: StoreDeps) {}

  private pathOf(accountId: string): string {
    if (!SAFE_ID.test(accountId)) throw new AppFailure('invalid-request', 'Not an account id.')
    return this.deps.paths.account(accountId)
  }

  async load(accountId: string, customer: string): Promise<LoadedAccount> {
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
      const text = await readTextIfExists(this.deps.fs, path)
      let current = base
      if (text !== null) {
        const read = validateAccountText(text)
        if (!read.ok) throw new AppFailure('damaged', `The account file of ${base.customer} was changed by another program and is not valid (${read.message}); it was left untouched.`)
        current = read.value
      }
      const next = change(current)
      if (next === null || (text !== null && next === current)) return current
      const checked = AccountFileSchema.safeParse(next)
      if (!checked.success) throw new AppFailure('internal', 'The account change is not valid and was not saved.')
      const bytes = serializeJson(checked.data)
      await guardWrite('the account', () => slot.write(bytes))
      await keepBackup(this.deps.backups, accountBackupKey(accountId), bytes)
      return checked.data
    })
  }
}
