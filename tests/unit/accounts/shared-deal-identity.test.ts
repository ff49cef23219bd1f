import { describe, expect, it } from 'vitest'
import { accountFromDeals, decideCandidate, emptyAccount, refreshFromAccount, type AccountFile } from '@shared/accounts'
import { applyCommand } from '@shared/commands'
import type { Deal } from '@shared/model'
import { aDeal } from '../../fixtures/builders'

/**
 * One deal shared by two laptops, each with its own account of the customer (docs/method.md,
 * "Accounts", "One person, several ids"). Each laptop named the deal's people before the other's
 * ids reached it, so the same human has one id on each laptop. Opening the deal must not relink
 * the cards to this laptop's id on every open: the other laptop would relink them back, and
 * each open would be one more change waiting and one more "What changed" line (issue 16's
 * walk, team-restart-offline step 3b).
 */
const AT = '2026-03-01T10:00:00.000Z'

function laptop(prefix: string) {
  let n = 0
  let account: AccountFile = emptyAccount('acct-globex', 'Globex')
  return {
    /** What opening `deal` on this laptop does: link it into the account, then take the account's updates (one command). */
    open(deal: Deal): { deal: Deal; updated: number } {
      account = accountFromDeals(account, [deal], () => `${prefix}${++n}`).account
      const updates = refreshFromAccount(deal, account)
      if (updates.length === 0) return { deal, updated: 0 }
      return { deal: applyCommand(deal, { type: 'apply-account-attributes', updates }), updated: updates.length }
    },
    get account() { return account },
  }
}

const sharedDeal = (): Deal => ({
  ...aDeal('globex-erp')
    .withStakeholder('priya', { name: 'Priya Raman', title: 'CFO', email: 'priya@globex.example' })
    .withStakeholder('grace', { name: 'Grace Ho', title: 'CIO' })
    .build(),
  customer: 'Globex',
  updatedAt: AT,
})

describe('one shared deal, one account per laptop', () => {
  for (const [first, second] of [['a', 'b'], ['b', 'a']] as const) {
    it(`the cards settle on one id after a round of opens, whoever opens first (${first} then ${second})`, () => {
      const anna = laptop(first)
      const bruno = laptop(second)
      // Both laptops named the people before either's ids reached the other (offline, or before sharing).
      let deal = sharedDeal()
      anna.open(deal)
      bruno.open(deal)
      const counts: number[] = []
      for (let round = 0; round < 4; round++) {
        for (const side of [anna, bruno]) {
          const opened = side.open(deal)
          counts.push(opened.updated)
          deal = opened.deal
        }
      }
      // At most one round moves the cards; every open after that changes nothing.
      expect(counts.slice(2)).toEqual([0, 0, 0, 0, 0, 0])
      const ids = deal.stakeholders.map((s) => s.personId)
      expect(ids.every((id) => id !== undefined)).toBe(true)
      // Each laptop's account knows the card's id, as its own or as another name of its person.
      for (const side of [anna, bruno]) {
        for (const id of ids) expect(side.account.persons.some((p) => p.id === id || (p.aliases ?? []).includes(id!))).toBe(true)
      }
    })
  }

  it('a card arriving with a colleague\'s id joins this laptop\'s person by email, and the two stay one person here', () => {
    const anna = laptop('a')
    const bruno = laptop('b')
    // Bruno already knows Priya from a deal of his own.
    const own = { ...aDeal('bruno-own').withStakeholder('p', { name: 'Priya Raman', title: 'CFO', email: 'priya@globex.example' }).build(), customer: 'Globex', updatedAt: AT }
    const ownOpened = bruno.open(own).deal
    const shared = anna.open(sharedDeal()).deal
    let deal = shared
    const counts: number[] = []
    for (let round = 0; round < 3; round++) {
      for (const side of [bruno, anna]) {
        const opened = side.open(deal)
        counts.push(opened.updated)
        deal = opened.deal
      }
    }
    expect(counts.slice(2)).toEqual([0, 0, 0, 0])
    // On Bruno's laptop, his own deal's card and the shared deal's card are one person.
    const priyaShared = deal.stakeholders.find((s) => s.id === 'priya')!.personId
    const brunoOwn = bruno.open(ownOpened).deal.stakeholders[0].personId
    expect(brunoOwn).toBe(priyaShared)
    expect(bruno.account.persons.filter((p) => p.email === 'priya@globex.example')).toHaveLength(1)
  })

  it('a merged-away person\'s cards resolve to the merge, and a card naming the old id is not relinked twice', () => {
    const a = { ...aDeal('a').withStakeholder('cfo', { name: 'Mei Lin', title: 'CFO' }).build(), customer: 'Globex', updatedAt: AT }
    const b = { ...aDeal('b').withStakeholder('x', { name: 'Mei Lin', title: 'CFO' }).build(), customer: 'Globex', updatedAt: AT }
    let n = 0
    const built = accountFromDeals(emptyAccount('acct-globex', 'Globex'), [a, b], () => `m${++n}`).account
    const cand = built.candidates[0]
    const merged = decideCandidate(built, { personId: cand.personId, decision: 'confirm', matchId: cand.matchIds[0] })
    expect(merged.persons).toHaveLength(1)
    expect(merged.persons[0].aliases).toContain(cand.personId)
    const bLinked = { ...b, stakeholders: b.stakeholders.map((s) => ({ ...s, personId: cand.personId })) }
    const updates = refreshFromAccount(bLinked, merged)
    expect(updates.map((u) => u.personId)).toEqual([merged.persons[0].id])
  })
})
