import { describe, expect, it } from 'vitest'
import { decideCandidate, emptyAccount, linkDealPeople, recordDealInAccount, refreshFromAccount } from '@shared/accounts'
import { applyCommand } from '@shared/commands'
import { aDeal } from '../../fixtures/builders'

const AT = '2026-03-01T10:00:00.000Z'
const LATER = '2026-03-02T10:00:00.000Z'
let n = 0
const ids = () => `p${++n}`

describe('matching people across deals of one account', () => {
  it('links by email, case and spaces aside, and says so', () => {
    const a = aDeal('a').withStakeholder('cfo', { name: 'Mei Lin', title: 'CFO', email: 'mei.lin@bank.example' }).build()
    const b = aDeal('b').withStakeholder('finance-head', { name: 'Lin Mei', title: 'Chief Financial Officer', email: 'Mei.Lin@Bank.EXAMPLE' }).build()
    const one = linkDealPeople(emptyAccount('acct-x', 'X'), a, AT, ids)
    const two = linkDealPeople(one.account, b, AT, ids)
    expect(two.account.persons).toHaveLength(1)
    expect(two.byEmail).toEqual([{ personId: one.personOf.get('cfo'), name: 'Lin Mei', dealId: 'b', stakeholderId: 'finance-head' }])
    expect(two.account.persons[0].seenIn).toEqual([{ dealId: 'a', stakeholderId: 'cfo' }, { dealId: 'b', stakeholderId: 'finance-head' }])
    expect(two.account.candidates).toEqual([])
  })

  it('name + title is a candidate to confirm, never a silent merge', () => {
    const a = aDeal('a').withStakeholder('cfo', { name: 'Mei Lin', title: 'CFO' }).build()
    const b = aDeal('b').withStakeholder('x', { name: ' mei  LIN', title: 'cfo' }).build()
    const one = linkDealPeople(emptyAccount('acct-x', 'X'), a, AT, ids)
    const two = linkDealPeople(one.account, b, AT, ids)
    expect(two.account.persons).toHaveLength(2)
    expect(two.account.candidates).toEqual([{ personId: two.personOf.get('x'), matchIds: [one.personOf.get('cfo')], status: 'open' }])
  })

  it('a card typed name first, title second, becomes a candidate once the title matches (no silent second person)', () => {
    const a = aDeal('a').withStakeholder('cio', { name: 'Daniel Okafor', title: 'Chief Information Officer' }).build()
    const typing = aDeal('b').withStakeholder('new', { name: 'Daniel Okafor', title: '' }).build()
    const one = linkDealPeople(emptyAccount('acct-x', 'X'), a, AT, ids)
    const nameOnly = linkDealPeople(one.account, typing, AT, ids)
    expect(nameOnly.account.candidates).toEqual([])
    const titled = { ...typing, stakeholders: typing.stakeholders.map((s) => ({ ...s, title: 'Chief Information Officer' })) }
    const later = linkDealPeople(nameOnly.account, titled, LATER, ids)
    expect(later.account.candidates).toEqual([{ personId: nameOnly.personOf.get('new'), matchIds: [one.personOf.get('cio')], status: 'open' }])
    // Saving again proposes nothing new; the first deal's save does not propose the pair a second time.
    expect(linkDealPeople(later.account, titled, LATER, ids).account.candidates).toHaveLength(1)
    expect(linkDealPeople(later.account, a, LATER, ids).account.candidates).toHaveLength(1)
  })

  it('opening a deal saved after the account last heard of a person keeps its own name and title (newest wins on open too)', () => {
    const a = { ...aDeal('a').withStakeholder('cfo', { name: 'Margaret Lin', title: 'CFO' }).build(), updatedAt: AT }
    const account = recordDealInAccount(emptyAccount('acct-x', 'X'), a, AT, ids).account
    const personId = account.persons[0].id
    // A conflict copy written later, which the account never recorded: the user renamed her there.
    const copy = { ...a, id: 'copy', updatedAt: LATER, stakeholders: a.stakeholders.map((s) => ({ ...s, personId, name: 'Renamed here' })) }
    expect(refreshFromAccount(copy, account).every((u) => u.name === 'Renamed here')).toBe(true)
    // An older deal does take the account's newer name.
    const old = { ...copy, updatedAt: '2026-01-01T00:00:00.000Z' }
    expect(refreshFromAccount(old, account).map((u) => u.name)).toEqual(['Margaret Lin'])
  })

  it('two candidates is ambiguous: unlinked, both shown', () => {
    const a = aDeal('a').withStakeholder('s1', { name: 'Wei Zhang', title: 'Engineer' }).build()
    const b = aDeal('b').withStakeholder('s2', { name: 'Wei Zhang', title: 'Engineer' }).build()
    const c = aDeal('c').withStakeholder('s3', { name: 'Wei Zhang', title: 'Engineer' }).build()
    let account = emptyAccount('acct-x', 'X')
    for (const d of [a, b]) account = linkDealPeople(account, d, AT, ids).account
    const last = linkDealPeople(account, c, AT, ids)
    expect(last.account.persons).toHaveLength(3)
    const open = last.account.candidates.find((x) => x.personId === last.personOf.get('s3'))!
    expect(open.matchIds).toHaveLength(2)
  })

  it('same name, other title: no candidate; same title, no name (a placeholder seat): not a person', () => {
    const a = aDeal('a').withStakeholder('cfo', { name: 'Mei Lin', title: 'CFO' }).withStakeholder('coo', { name: '', placeholder: true, title: 'COO' }).build()
    const b = aDeal('b').withStakeholder('x', { name: 'Mei Lin', title: 'Treasurer' }).build()
    const account = linkDealPeople(linkDealPeople(emptyAccount('acct-x', 'X'), a, AT, ids).account, b, AT, ids).account
    expect(account.persons.map((p) => p.name)).toEqual(['Mei Lin', 'Mei Lin'])
    expect(account.candidates).toEqual([])
  })

  it('is idempotent: linking the same deals again changes nothing', () => {
    const a = aDeal('a').withStakeholder('cfo', { name: 'Mei Lin', title: 'CFO' }).build()
    const b = aDeal('b').withStakeholder('x', { name: 'Mei Lin', title: 'CFO' }).build()
    const once = [a, b].reduce((acc, d) => linkDealPeople(acc, d, AT, ids).account, emptyAccount('acct-x', 'X'))
    const twice = [a, b].reduce((acc, d) => linkDealPeople(acc, d, LATER, ids).account, once)
    expect(twice).toEqual(once)
  })

  it('confirm merges the candidate into its match; reject keeps them apart and asks no more', () => {
    const a = aDeal('a').withStakeholder('cfo', { name: 'Mei Lin', title: 'CFO' }).withRelationship('cfo', 'alice', { depth: 4 }).build()
    const b = aDeal('b').withStakeholder('x', { name: 'Mei Lin', title: 'CFO' }).withRelationship('x', 'bob', { depth: 2 }).build()
    const first = linkDealPeople(emptyAccount('acct-x', 'X'), a, AT, ids)
    const second = linkDealPeople(first.account, b, LATER, ids)
    const [cand] = second.account.candidates
    const merged = decideCandidate(second.account, { personId: cand.personId, decision: 'confirm', matchId: cand.matchIds[0] })
    expect(merged.persons).toHaveLength(1)
    expect(merged.persons[0].relationships.map((r) => r.sellerId).sort()).toEqual(['alice', 'bob'])
    expect(merged.candidates).toEqual([])
    // The card of deal b now takes the merged person on its next open.
    expect(refreshFromAccount(b, merged)[0].personId).toBe(merged.persons[0].id)

    const rejected = decideCandidate(second.account, { personId: cand.personId, decision: 'reject' })
    expect(rejected.persons).toHaveLength(2)
    expect(linkDealPeople(rejected, b, LATER, ids).account.candidates).toEqual(rejected.candidates)
  })
})

describe('attributes follow the person, the pursuit stays with the deal', () => {
  const first = aDeal('a')
    .withStakeholder('cfo', { name: 'Mei Lin', title: 'CFO', department: 'Finance', email: 'mei@x.example', buyingRole: 'approver', stance: 'champion' })
    .withRelationship('cfo', 'alice', { value: 4, depth: 4 }, { knownSince: '2019-01-01' })
    .withContact('cfo', 'alice', '2026-02-01')
    .build()
  const second = aDeal('b')
    .withStakeholder('mei', { name: 'Mei Lin', title: 'Finance Director', email: 'mei@x.example', buyingRole: 'decision-maker', stance: 'skeptic' })
    .build()

  it('saving writes name, title, department, email, relationships, contacts to the account; opening the other deal takes them, and keeps its own role and stance', () => {
    const recorded = recordDealInAccount(emptyAccount('acct-x', 'X'), first, AT, ids)
    expect(recorded.changed).toBe(true)
    const linked = recordDealInAccount(recorded.account, second, AT, ids)
    // Deal b's save came at the same time: its title wins (newest by save time, ties to the later save).
    const account = recordDealInAccount(linked.account, first, LATER, ids).account
    const updates = refreshFromAccount(second, account)
    expect(updates).toHaveLength(1)
    const after = applyCommand(second, { type: 'apply-account-attributes', updates })
    const mei = after.stakeholders[0]
    expect(mei).toMatchObject({ title: 'CFO', department: 'Finance', buyingRole: 'decision-maker', stance: 'skeptic', personId: account.persons[0].id })
    expect(mei.relationships).toEqual(first.stakeholders[0].relationships)
    expect(mei.contacts).toEqual(first.stakeholders[0].contacts)
  })

  it('an older save never rolls a person back (clock behind the last write)', () => {
    const newer = recordDealInAccount(emptyAccount('acct-x', 'X'), first, LATER, ids).account
    const stale = aDeal('a').withStakeholder('cfo', { name: 'Mei Lin', title: 'Intern', email: 'mei@x.example' }).build()
    const again = recordDealInAccount(newer, stale, AT, ids)
    expect(again.account.persons[0].title).toBe('CFO')
  })

  it('an autosave that changes nothing person-scoped writes nothing', () => {
    const once = recordDealInAccount(emptyAccount('acct-x', 'X'), first, AT, ids).account
    const moved = { ...first, stakeholders: first.stakeholders.map((s) => ({ ...s, stance: 'neutral' as const, position: { x: 500, y: 9 } })) }
    expect(recordDealInAccount(once, moved, LATER, ids).changed).toBe(false)
  })

  it('reports-to is carried between account persons', () => {
    const deal = aDeal('a').withStakeholder('ceo').withStakeholder('cfo').withLink('cfo', 'ceo').build()
    const account = recordDealInAccount(emptyAccount('acct-x', 'X'), deal, AT, ids).account
    const ceo = account.persons.find((p) => p.name === 'Ceo')!
    expect(account.persons.find((p) => p.name === 'Cfo')!.managerId).toBe(ceo.id)
  })

  it('refreshing a deal that is up to date is no command (no undo step, no save)', () => {
    const account = recordDealInAccount(emptyAccount('acct-x', 'X'), first, AT, ids).account
    const refreshed = applyCommand(first, { type: 'apply-account-attributes', updates: refreshFromAccount(first, account) })
    expect(refreshFromAccount(refreshed, account)).toEqual([])
  })
})
