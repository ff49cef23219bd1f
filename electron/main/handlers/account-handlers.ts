import { accountOverview, decideCandidate, normaliseCustomer } from '@shared/accounts'
import type { HandlerTable } from '@shared/ipc'
import { AppFailure } from '../errors'
import { AccountSync } from '../accounts/account-sync'
import { closestCustomers } from '../accounts/closest-names'
import type { HandlerContext } from './context'

type AccountHandlers = Pick<HandlerTable, 'account:for-deal' | 'account:overview' | 'account:decide'>

/** The account channels (docs/method.md, "Accounts"); the sync itself is `AccountSync`. */
export function accountHandlers(ctx: HandlerContext, sync: AccountSync): AccountHandlers {
  async function requireCustomer(customer: string) {
    await ctx.ready()
    const known = ctx.stores.workspace.current.deals.map((d) => d.customer)
    if (normaliseCustomer(customer) === '' || !known.some((c) => normaliseCustomer(c) === normaliseCustomer(customer))) {
      const close = closestCustomers(customer, known)
      throw new AppFailure('not-found', `No deal has the customer "${customer.slice(0, 80)}".${close.length ? ` Did you mean: ${close.join(', ')}?` : ''}`, undefined, 'unknown-customer')
    }
  }

  async function overviewOf(customer: string) {
    const found = await sync.accountOf(customer)
    if (!found) throw new AppFailure('not-found', 'That deal has no customer.')
    const settings = ctx.stores.workspace.current.settings
    return { overview: accountOverview(found.account, found.deals, { today: ctx.today(), cadenceDays: settings.cadenceDays }), notices: found.notices }
  }

  return {
    async 'account:for-deal'(dealId) {
      await ctx.ready()
      const entry = ctx.stores.workspace.current.deals.find((d) => d.id === dealId)
      if (!entry) throw new AppFailure('not-found', 'That deal is not in the workspace.')
      const loaded = await ctx.stores.deals.load(dealId)
      if (loaded.status !== 'ok') throw new AppFailure('not-found', 'The file of that deal could not be read.')
      const found = await sync.forDeal(loaded.value.deal)
      if (!found) return null
      return { accountId: found.account.id, customer: found.account.customer, persons: found.account.persons, updates: found.updates, notices: found.notices }
    },

    async 'account:overview'(customer) {
      await requireCustomer(customer)
      return overviewOf(customer)
    },

    async 'account:decide'(customer, decision) {
      await requireCustomer(customer)
      const found = await sync.accountOf(customer)
      if (!found) throw new AppFailure('not-found', 'That deal has no customer.')
      await ctx.stores.accounts.update(found.account.id, found.account, (current) => decideCandidate(current, decision))
      return overviewOf(customer)
    },
  }
}
