import { describe, expect, it } from 'vitest'
import {
  accountFromDeals, cardForPerson, decideCandidate, emptyAccount, linkDealPeople, personsNotOnDeal, recordDealInAccount, refreshFromAccount,
  type AccountFile, type AccountPerson,
} from '@shared/accounts'
import { applyCommand } from '@shared/commands'
import type { Deal, Stakeholder } from '@shared/model'
import { aDeal, aRelationship } from '../../fixtures/builders'

/**
 * "One person, several ids" (docs/method.md) attacked: merges, renames and odd account files on
 * laptops that share a deal, each with its own account of the customer.
 */
const AT = '2026-03-01T10:00:00.000Z'
const LATER = '2026-03-02T10:00:00.000Z'

function laptop(prefix: string) {
  let n = 0
  let account: AccountFile = emptyAccount('acct-globex', 'Globex')
  const deals = new Map<string, Deal>()
  const makeId = () => `${prefix}${++n}`
  return {
    /** Opening `deal`: the account built from this laptop's deals, then the account's updates as one command. */
    open(deal: Deal): { deal: Deal; updated: number } {
      deals.set(deal.id, deal)
      account = accountFromDeals(account, [...deals.values()], makeId).account
      const updates = refreshFromAccount(deal, account)
      if (updates.length === 0) return { deal, updated: 0 }
      const opened = applyCommand(deal, { type: 'apply-account-attributes', updates })
      deals.set(deal.id, opened)
      return { deal: opened, updated: updates.length }
    },
    /** An autosave of `deal` on this laptop. */
    save(deal: Deal, at: string) {
      deals.set(deal.id, deal)
      const r = recordDealInAccount(account, deal, at, makeId)
      if (r.changed) account = r.account
    },
    decide(decision: Parameters<typeof decideCandidate>[1]) { account = decideCandidate(account, decision) },
    set account(a: AccountFile) { account = a },
    get account() { return account },
  }
}
type Laptop = ReturnType<typeof laptop>

const dealOf = (id: string, cards: Array<[string, Partial<Stakeholder>]>, updatedAt = AT): Deal => {
  const b = aDeal(id)
  for (const [cardId, fields] of cards) b.withStakeholder(cardId, fields)
  return { ...b.build(), customer: 'Globex', updatedAt }
}

/** Opens the deal on each laptop in turn, `rounds` times; the number of cards each open moved. */
function openRounds(start: Deal, order: readonly Laptop[], rounds: number): { deal: Deal; counts: number[] } {
  let deal = start
  const counts: number[] = []
  for (let r = 0; r < rounds; r++) {
    for (const side of order) {
      const opened = side.open(deal)
      counts.push(opened.updated)
      deal = opened.deal
    }
  }
  return { deal, counts }
}

const idsOf = (p: AccountPerson) => [p.id, ...(p.aliases ?? [])]

describe('a merge on one laptop, a colleague\'s id on the other', () => {
  it('confirming a candidate that folds a colleague\'s smaller id into this laptop\'s person does not make the cards flip on every open', () => {
    const anna = laptop('a')
    const bruno = laptop('b')
    // Bruno knows Mei Lin from a deal of his own (no email, so only a name + title candidate can join her).
    bruno.open(dealOf('bruno-own', [['m', { name: 'Mei Lin', title: 'CFO' }]]))
    // Anna's shared deal reaches Bruno with her id on the card.
    const shared = anna.open(dealOf('shared', [['mei', { name: 'Mei Lin', title: 'CFO' }]])).deal
    bruno.open(shared)
    const candidate = bruno.account.candidates.find((c) => c.status === 'open')!
    expect(candidate).toBeDefined()
    // Bruno confirms that the shared deal's Mei Lin is his Mei Lin.
    bruno.decide({ personId: candidate.personId, decision: 'confirm', matchId: candidate.matchIds[0] })
    const { counts, deal } = openRounds(shared, [bruno, anna], 4)
    // The cards move at most once per laptop; then every open is no change.
    expect(counts.slice(2)).toEqual([0, 0, 0, 0, 0, 0])
    const id = deal.stakeholders[0].personId!
    for (const side of [anna, bruno]) expect(side.account.persons.filter((p) => idsOf(p).includes(id))).toHaveLength(1)
    expect(bruno.account.persons.filter((p) => p.name === 'Mei Lin')).toHaveLength(1)
  })

  it('a decision made in an account view opened before a rename still finds its candidate', () => {
    const bruno = laptop('b')
    bruno.open(dealOf('bruno-own', [['m', { name: 'Mei Lin', title: 'CFO' }]]))
    bruno.open(dealOf('shared', [['mei', { name: 'Mei Lin', title: 'CFO' }]]))
    const shown = bruno.account.candidates.find((c) => c.status === 'open')!
    // A colleague's smaller id for the shared deal's Mei Lin arrives; the account renames its person.
    const renamedAway = bruno.account.persons.find((p) => p.id === shown.personId)!
    const fromColleague = dealOf('shared', [['mei', { name: 'Mei Lin', title: 'CFO', personId: 'a0' }]])
    bruno.open(fromColleague)
    expect(bruno.account.persons.some((p) => p.id === renamedAway.id)).toBe(false)
    // The account view still shows the ids it was given.
    bruno.decide({ personId: shown.personId, decision: 'confirm', matchId: shown.matchIds[0] })
    expect(bruno.account.persons.filter((p) => p.name === 'Mei Lin')).toHaveLength(1)
    expect(bruno.account.candidates.filter((c) => c.status === 'open')).toEqual([])
  })
})

describe('renames and the account\'s other references', () => {
  it('a merge that keeps the other\'s smaller id moves the kept person\'s reports and candidates to it', () => {
    const base = { department: '', relationships: [], contacts: [], updatedAt: AT }
    const account: AccountFile = {
      ...emptyAccount('acct-globex', 'Globex'),
      persons: [
        { ...base, id: 'm9', name: 'Mei Lin', title: 'CFO', seenIn: [{ dealId: 'own', stakeholderId: 'm' }] },
        { ...base, id: 'a1', name: 'Mei Lin', title: 'CFO', seenIn: [{ dealId: 'shared', stakeholderId: 'mei' }] },
        { ...base, id: 'r5', name: 'Li Wei', title: 'Controller', managerId: 'm9', seenIn: [{ dealId: 'own', stakeholderId: 'li' }] },
        { ...base, id: 'r6', name: 'Li Wei', title: 'Controller', seenIn: [{ dealId: 'other', stakeholderId: 'li' }] },
        { ...base, id: 'z3', name: 'Mei Lin', title: 'CFO', seenIn: [{ dealId: 'other', stakeholderId: 'mei' }] },
      ],
      candidates: [
        { personId: 'a1', matchIds: ['m9'], status: 'open' }, { personId: 'r6', matchIds: ['r5'], status: 'open' },
        { personId: 'z3', matchIds: ['m9', 'a1'], status: 'open' },
      ],
    }
    const merged = decideCandidate(account, { personId: 'a1', decision: 'confirm', matchId: 'm9' })
    expect(merged.persons.map((p) => [p.id, p.aliases ?? [], p.managerId ?? null])).toEqual([['a1', ['m9'], null], ['r5', [], 'a1'], ['r6', [], null], ['z3', [], null]])
    expect(merged.candidates).toEqual([{ personId: 'r6', matchIds: ['r5'], status: 'open' }, { personId: 'z3', matchIds: ['a1'], status: 'open' }])
  })

  it('a rejected candidate is not proposed again when its person takes a colleague\'s id', () => {
    const bruno = laptop('b')
    bruno.open(dealOf('bruno-own', [['m', { name: 'Mei Lin', title: 'CFO' }]]))
    bruno.open(dealOf('shared', [['mei', { name: 'Mei Lin', title: 'CFO' }]]))
    const shown = bruno.account.candidates.find((c) => c.status === 'open')!
    bruno.decide({ personId: shown.personId, decision: 'reject' })
    expect(bruno.account.candidates.filter((c) => c.status === 'open')).toEqual([])
    bruno.open(dealOf('shared', [['mei', { name: 'Mei Lin', title: 'CFO', personId: 'a0' }]]))
    // "Kept apart, never proposed again" (docs/method.md, "Accounts").
    expect(bruno.account.candidates.filter((c) => c.status === 'open')).toEqual([])
    expect(bruno.account.candidates).toHaveLength(1)
    const ids = new Set(bruno.account.persons.map((p) => p.id))
    for (const c of bruno.account.candidates) for (const id of [c.personId, ...c.matchIds]) expect(ids.has(id)).toBe(true)
  })

  it('a renamed person\'s reports and the email notice name the new id', () => {
    const bruno = laptop('b')
    const own = dealOf('bruno-own', [['boss', { name: 'Priya Raman', title: 'CFO', email: 'priya@globex.example' }], ['rep', { name: 'Li Wei', title: 'Controller' }]])
    own.links = [{ id: 'l1', from: 'rep', to: 'boss', kind: 'reports-to' }]
    bruno.open(own)
    const shared = dealOf('shared', [['priya', { name: 'Priya Raman', title: 'CFO', email: 'priya@globex.example', personId: 'a0' }]])
    const linked = linkDealPeople(bruno.account, shared, LATER, () => 'bx')
    const priya = linked.account.persons.find((p) => p.email === 'priya@globex.example')!
    expect(priya.id).toBe('a0')
    expect(linked.account.persons.find((p) => p.name === 'Li Wei')!.managerId).toBe('a0')
    expect(linked.byEmail.map((l) => l.personId)).toEqual(['a0'])
    expect(linked.personOf.get('priya')).toBe('a0')
  })
})

describe('odd account files', () => {
  it('a card naming one person\'s alias while another person holds its reference ends as one person\'s card', () => {
    const deal = dealOf('shared', [['mei', { name: 'Mei Lin', title: 'CFO', personId: 'x-old' }]])
    const base = { name: 'Mei Lin', title: 'CFO', department: '', relationships: [], contacts: [], updatedAt: AT }
    const account: AccountFile = {
      ...emptyAccount('acct-globex', 'Globex'),
      persons: [
        { ...base, id: 'x', aliases: ['x-old'], seenIn: [{ dealId: 'bruno-own', stakeholderId: 'm' }] },
        { ...base, id: 'y', seenIn: [{ dealId: 'shared', stakeholderId: 'mei' }] },
      ],
    }
    const linked = recordDealInAccount(account, deal, LATER).account
    const holders = linked.persons.filter((p) => p.seenIn.some((r) => r.dealId === 'shared' && r.stakeholderId === 'mei'))
    expect(holders.map((p) => p.id)).toEqual(['x'])
    expect(refreshFromAccount(deal, linked).map((u) => u.personId)).toEqual(['x'])
    // Y is on no card of this deal now: "Add from account…" offers them.
    expect(personsNotOnDeal(linked.persons, { ...deal, stakeholders: deal.stakeholders.map((s) => ({ ...s, personId: 'x' })) }).map((p) => p.id)).toEqual(['y'])
  })

  it('an account whose person keeps a smaller alias than its own id settles with a colleague\'s laptop on the smaller one', () => {
    const anna = laptop('a')
    const bruno = laptop('b')
    const shared = anna.open(dealOf('shared', [['mei', { name: 'Mei Lin', title: 'CFO', email: 'mei@globex.example' }]])).deal
    const annaId = shared.stakeholders[0].personId!
    // Bruno's file (hand-edited, or written by a merge that kept the larger id) says his Mei goes by Anna's id too.
    bruno.open(dealOf('bruno-own', [['m', { name: 'Mei Lin', title: 'CFO', email: 'mei@globex.example' }]]))
    bruno.account = { ...bruno.account, persons: bruno.account.persons.map((p) => ({ ...p, id: 'z9', aliases: [annaId, p.id] })) }
    const { counts } = openRounds(shared, [bruno, anna], 4)
    expect(counts.slice(2)).toEqual([0, 0, 0, 0, 0, 0])
  })

  it('an alias that is another person\'s own id, repeated, or the person\'s own id, misleads no card and writes nothing on every save', () => {
    const base = { title: 'CFO', department: '', relationships: [], contacts: [], updatedAt: AT }
    const account: AccountFile = {
      ...emptyAccount('acct-globex', 'Globex'),
      persons: [
        { ...base, id: 'p5', name: 'Mei Lin', aliases: ['p1', 'p1', 'p5'], seenIn: [{ dealId: 'shared', stakeholderId: 'mei' }] },
        { ...base, id: 'p1', name: 'Li Wei', seenIn: [{ dealId: 'shared', stakeholderId: 'li' }] },
      ],
    }
    const deal = dealOf('shared', [['mei', { name: 'Mei Lin', title: 'CFO', personId: 'p5' }], ['li', { name: 'Li Wei', title: 'CFO', personId: 'p1' }]])
    const r = recordDealInAccount(account, deal, AT)
    expect(r.changed).toBe(false)
    expect([...r.personOf]).toEqual([['mei', 'p5'], ['li', 'p1']])
    expect(refreshFromAccount(deal, account)).toEqual([])
  })

  it('"Add from account…" does not offer a person whose card on the map names them by an alias', () => {
    const person: AccountPerson = { id: 'a0', aliases: ['b1'], name: 'Mei Lin', title: 'CFO', department: '', relationships: [], contacts: [], updatedAt: AT, seenIn: [] }
    const deal = dealOf('shared', [['mei', { name: 'Mei Lin', title: 'CFO', personId: 'b1' }]])
    expect(personsNotOnDeal([person], deal)).toEqual([])
  })
})

describe('"Add from account…" after a rename', () => {
  it('a person added whose manager\'s card names the manager by an alias comes with the reports-to line', () => {
    const base = { title: 'VP', department: '', relationships: [], contacts: [], updatedAt: AT }
    const boss: AccountPerson = { ...base, id: 'a0', aliases: ['b7'], name: 'Priya Raman', seenIn: [] }
    const rep: AccountPerson = { ...base, id: 'b9', name: 'Li Wei', managerId: 'a0', seenIn: [] }
    // The boss's card came from a colleague and still names them by the colleague's id.
    const deal = dealOf('shared', [['priya', { name: 'Priya Raman', title: 'VP', personId: 'b7' }]])
    const { links } = cardForPerson(rep, deal, { x: 0, y: 0 }, '2026-03-01', [boss, rep])
    expect(links.map((l) => l.to)).toEqual(['priya'])
  })
})

describe('three laptops, one person each', () => {
  const orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]] as const
  for (const order of orders) {
    it(`opens and saves in the order ${order.join(', ')} settle, each account with one Priya and every relationship kept`, () => {
      const sides = ['c', 'a', 'b'].map(laptop)
      const cards = (seller: string, personId?: string): Deal => dealOf('shared', [['priya', {
        name: 'Priya Raman', title: 'CFO', ...(personId ? { personId } : {}),
        relationships: [aRelationship(seller, { depth: 3 })],
      }]])
      // Each laptop named Priya in the shared deal while offline, with its seller's relationship.
      sides.forEach((side, i) => side.open(cards(`seller-${i}`)))
      let deal = cards('seller-0', sides[0].account.persons[0].id)
      const counts: number[] = []
      for (let round = 0; round < 4; round++) {
        for (const i of order) {
          const opened = sides[i].open(deal)
          counts.push(opened.updated)
          deal = opened.deal
          sides[i].save(deal, `2026-03-0${2 + round}T1${i}:00:00.000Z`)
        }
      }
      // Two rounds at most move the cards; after that nothing.
      expect(counts.slice(6)).toEqual([0, 0, 0, 0, 0, 0])
      const id = deal.stakeholders[0].personId!
      for (const [i, side] of sides.entries()) {
        const priyas = side.account.persons.filter((p) => p.name === 'Priya Raman')
        expect(priyas).toHaveLength(1)
        expect(idsOf(priyas[0])).toContain(id)
        expect(priyas[0].relationships.map((r) => r.sellerId)).toContain(`seller-${i}`)
      }
    })
  }
})

describe('size', () => {
  it('linking and refreshing a 1,000-person shared deal whose ids are all aliases here stays well under a second', () => {
    const n = 1000
    const cards: Array<[string, Partial<Stakeholder>]> = Array.from({ length: n }, (_, i) => [`c${i}`, { name: `Person ${i}`, title: 'VP', personId: `a${String(i).padStart(4, '0')}` }])
    const deal = dealOf('shared', cards)
    const account: AccountFile = {
      ...emptyAccount('acct-globex', 'Globex'),
      persons: Array.from({ length: n }, (_, i) => ({
        id: `b${String(i).padStart(4, '0')}`, aliases: Array.from({ length: 49 }, (_, k) => `z${i}-${k}`), name: `Person ${i}`, title: 'VP', department: '',
        relationships: [], contacts: [], updatedAt: AT, seenIn: [{ dealId: 'shared', stakeholderId: `c${i}` }],
      })),
    }
    recordDealInAccount(account, deal, LATER) // warm-up
    const started = performance.now()
    const linked = recordDealInAccount(account, deal, LATER).account
    const updates = refreshFromAccount(deal, linked)
    const ms = performance.now() - started
    expect(updates).toHaveLength(0)
    expect(linked.persons.every((p) => p.id.startsWith('a'))).toBe(true)
    expect(ms).toBeLessThan(500)
  })
})

describe('one person twice in one deal', () => {
  it('two cards naming two ids of one person (a colleague added them again) settle, and opening the deal again adds no one to the account', () => {
    const anna = laptop('a')
    const bruno = laptop('b')
    const priya = { name: 'Priya Raman', title: 'CFO', email: 'priya@globex.example' }
    let deal = anna.open(dealOf('shared', [['p1', priya]])).deal
    bruno.open(dealOf('bruno-own', [['own', priya]]))
    deal = bruno.open(deal).deal
    // Offline, each adds Priya again from their own account: the deal has two Priya cards, one per id.
    const bPerson = bruno.account.persons.find((p) => p.email === 'priya@globex.example')!
    const aPerson = anna.account.persons.find((p) => p.email === 'priya@globex.example')!
    const ids = [...new Set([...idsOf(aPerson), ...idsOf(bPerson)])]
    expect(ids.length).toBeGreaterThan(1)
    deal = { ...deal, stakeholders: [...deal.stakeholders, { ...deal.stakeholders[0], id: 'p2', personId: ids.find((i) => i !== deal.stakeholders[0].personId)! }] }
    const { deal: settled } = openRounds(deal, [anna, bruno], 2)
    const sizes = [anna, bruno].map((side) => side.account.persons.length)
    const { counts } = openRounds(settled, [anna, bruno], 3)
    expect(counts).toEqual([0, 0, 0, 0, 0, 0])
    // Opening it again and again adds no one to either account (it added one empty person per open).
    expect([anna, bruno].map((side) => side.account.persons.length)).toEqual(sizes)
    for (const side of [anna, bruno]) {
      expect(side.account.persons.filter((p) => p.seenIn.length === 0)).toEqual([])
      const holders = side.account.persons.filter((p) => p.seenIn.some((r) => r.dealId === 'shared'))
      expect(holders.map((p) => p.seenIn.filter((r) => r.dealId === 'shared').length)).toEqual(holders.map(() => 1))
    }
  })
})
