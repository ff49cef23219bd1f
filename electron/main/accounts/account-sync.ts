import {
  accountFromDeals, accountIdOf, displayCustomer, emptyAccount, normaliseCustomer, recordDealInAccount, recordsTheSame, refreshFromAccount,
  type AccountFile, type CardUpdate, type EmailLink,
} from '@shared/accounts'
import type { Notice } from '@shared/ipc'
import type { Deal } from '@shared/model'
import type { HandlerContext } from '../handlers/context'

export interface AccountOfDeal {
  account: AccountFile
  deals: Deal[]
  notices: Notice[]
}

function emailNotice(account: AccountFile, links: EmailLink[]): Notice[] {
  if (links.length === 0) return []
  const names = [...new Set(links.map((l) => l.name))].slice(0, 10).join(', ')
  return [{
    level: 'info', code: 'account-linked-by-email', params: { customer: account.customer, count: links.length, names },
    subject: { kind: 'account', customer: account.customer },
    message: `${account.customer}: ${links.length} people were joined by email to the same person in another deal: ${names}.`,
  }]
}

/**
 * The account's side of saving and opening deals (docs/method.md, "Accounts"), called from
 * main's handlers, outside the deal store's save path. Deal files stay self-contained: the
 * account only ever reads them, and a card takes account attributes through a command the
 * page applies (undoable), never by main rewriting the deal.
 */
export class AccountSync {
  /** Email links made while saving, told in the next answer about that account (a save has no notices). */
  private readonly untold = new Map<string, EmailLink[]>()
  /** Deals as last read, by id (see dealsOf). */
  private readonly loadedDeals = new Map<string, Deal>()
  /**
   * Per deal id, a save whose recording changed nothing in the account: the deal, the very
   * account object it was recorded into, and its save time. A later save that records the
   * same (`recordsTheSame`: a moved card, a new stance) into that same account, at a time no
   * earlier, changes nothing either, so it is not recorded again: the record walked every
   * person of a 1 MB deal on every autosave (docs/performance.md, "Save").
   */
  private readonly recordedNoChange = new Map<string, { deal: Deal; account: AccountFile; savedAt: string }>()

  constructor(private readonly ctx: HandlerContext) {}

  /** The workspace's deals of `customer`'s account, loaded (a deal that will not load is left out). */
  async dealsOf(customer: string): Promise<Deal[]> {
    const key = normaliseCustomer(customer)
    const deals: Deal[] = []
    for (const entry of this.ctx.stores.workspace.current.deals) {
      if (normaliseCustomer(entry.customer) !== key) continue
      // A deal this process saved or read at least as recently as the index's stamp is not
      // read again: the account view of 10 deals would otherwise parse and validate 10 files
      // each time. (The index keeps its stamp when a save changes nothing it lists, so the
      // deal saved here can be newer than the index.) Reading it again would also hand main's
      // validator a new accepted version, and make the page's next autosave stale.
      const cached = this.loadedDeals.get(entry.id)
      if (cached && (entry.updatedAt === undefined || (cached.updatedAt !== undefined && cached.updatedAt >= entry.updatedAt))) {
        deals.push(cached)
        continue
      }
      const loaded = await this.ctx.stores.deals.load(entry.id).catch(() => null)
      if (loaded?.status !== 'ok') continue
      deals.push(loaded.value.deal)
      this.loadedDeals.set(entry.id, loaded.value.deal)
    }
    return deals
  }

  /**
   * The account of `customer`, built from its deals on first use (the migration: email links,
   * name + title candidates; idempotent, as linking a card twice finds it by its reference).
   * A damaged account file with no backup is set aside (a notice says so) and rebuilt.
   */
  async accountOf(customer: string): Promise<AccountOfDeal | null> {
    const built = await this.build(customer)
    if (!built) return null
    const links = [...(this.untold.get(built.account.id) ?? []), ...built.links]
    this.untold.delete(built.account.id)
    return { account: built.account, deals: built.deals, notices: [...built.notices, ...emailNotice(built.account, links)] }
  }

  private async build(customer: string): Promise<(AccountOfDeal & { links: EmailLink[] }) | null> {
    await this.ctx.ready()
    const id = accountIdOf(customer)
    if (id === null) return null
    const { account: stored, notices } = await this.ctx.stores.accounts.load(id, customer.trim())
    const deals = await this.dealsOf(customer)
    // Most opens find the account already saying what its deals say: nothing to write.
    const base = stored ?? emptyAccount(id, displayCustomer(deals, customer))
    const seen = accountFromDeals(base, deals)
    if (stored !== null && seen.account === stored) return { account: stored, deals, notices, links: seen.byEmail }
    const links: EmailLink[] = []
    const account = await this.ctx.stores.accounts.update(id, base, (current) => {
      const built = current === base ? seen : accountFromDeals(current, deals)
      links.push(...built.byEmail)
      return built.account
    })
    return { account, deals, notices, links }
  }

  /**
   * After a save: the deal's person-scoped attributes to its account (newest wins per person).
   * `written` is the deal's save: the account is checked meanwhile (one stat, in the account's
   * write slot) and changed only once the deal is on disk; a failed save records nothing.
   * Never rejects.
   */
  async recordSaved(deal: Deal, written: Promise<unknown> = Promise.resolve()): Promise<void> {
    const saved = written.then(() => true, () => false)
    const id = accountIdOf(deal.customer)
    if (id === null) {
      if (await saved) this.loadedDeals.set(deal.id, deal)
      return
    }
    const savedAt = deal.updatedAt ?? this.ctx.clock().toISOString()
    const record = (current: AccountFile): AccountFile => {
      const before = this.recordedNoChange.get(deal.id)
      if (before && before.account === current && savedAt >= before.savedAt && recordsTheSame(before.deal, deal)) return current
      this.recordedNoChange.delete(deal.id)
      const r = recordDealInAccount(current, deal, savedAt)
      if (r.byEmail.length) this.untold.set(id, [...(this.untold.get(id) ?? []), ...r.byEmail])
      // Only a save time that passes every person's makes the next save's record the same as
      // this one: a person written after this save was skipped here, and would not be later.
      if (!r.changed && r.byEmail.length === 0 && current.persons.every((p) => p.updatedAt <= savedAt)) {
        this.recordedNoChange.set(deal.id, { deal, account: current, savedAt })
      }
      return r.changed ? r.account : current
    }
    try {
      // The account as this process left it (most autosaves): no load first.
      const held = await this.ctx.stores.accounts.updateHeld(id, record, saved)
      if (!(await saved)) return
      this.loadedDeals.set(deal.id, deal)
      if (held) return
      const { account: stored } = await this.ctx.stores.accounts.load(id, deal.customer.trim())
      if (stored === null) {
        const built = await this.build(deal.customer)
        if (built?.links.length) this.untold.set(id, [...(this.untold.get(id) ?? []), ...built.links])
        return
      }
      await this.ctx.stores.accounts.update(id, stored, record)
    } catch (error) {
      // The deal is saved; the account catches up on the next save or open.
      console.warn(`Could not update the account of ${deal.customer}:`, (error as Error).message)
    }
  }

  /** What opening `deal` takes from its account: the card updates for one undoable command. */
  async forDeal(deal: Deal): Promise<{ account: AccountFile; updates: CardUpdate[]; notices: Notice[] } | null> {
    const found = await this.accountOf(deal.customer)
    if (!found) return null
    // The deal as on disk now (what the page just opened), linked by the migration above.
    const onDisk = found.deals.find((d) => d.id === deal.id) ?? deal
    return { account: found.account, updates: refreshFromAccount(onDisk, found.account), notices: found.notices }
  }
}
