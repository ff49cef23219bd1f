import { describe, expect, it } from 'vitest'
import { accountFromDeals, emptyAccount, refreshFromAccount, visibleUpdates } from '@shared/accounts'
import { aDeal } from '../../fixtures/builders'

/**
 * Walkthrough finding (team day): opening a deal made before accounts, alone in its account,
 * said "1000 people updated from the account" while no card changed: the first open only
 * links each card to its account person. The notice counts what a user would see change.
 */
describe('the "updated from the account" count', () => {
  const deal = aDeal('a')
    .withStakeholder('cfo', { name: 'Mei Lin', title: 'CFO', department: 'Finance' })
    .withStakeholder('cio', { name: 'Wei Chen', title: 'CIO' })
    .build()

  it('a first open that only links cards to their account persons changes nothing a user sees', () => {
    const account = accountFromDeals(emptyAccount('acct-x', 'X'), [deal]).account
    const updates = refreshFromAccount(deal, account)
    expect(updates).toHaveLength(2) // the links are still written
    expect(visibleUpdates(deal, updates)).toEqual([])
  })

  it('a title the account holds newer counts, the pure links beside it do not', () => {
    const account = accountFromDeals(emptyAccount('acct-x', 'X'), [deal]).account
    const renamed = { ...account, persons: account.persons.map((p) => (p.name === 'Mei Lin' ? { ...p, title: 'Group CFO' } : p)) }
    const updates = refreshFromAccount(deal, renamed)
    expect(visibleUpdates(deal, updates).map((u) => u.stakeholderId)).toEqual(['cfo'])
  })
})
