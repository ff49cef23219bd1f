import { describe, expect, it } from 'vitest'
import { analysisInputs, analyzeDeal, keyPeopleTies, samePerson } from '@shared/analysis'
import { accountStrengths } from '@shared/growth'
import { aDeal, aSeller, aStakeholder, aWorkspace } from '../../fixtures/builders'

const TODAY = '2026-03-12'
const STRONG = { value: 5, goodwill: 5, dignity: 5, presence: 5, depth: 5, frequency: 5, length: 5 }
const WEAK = { value: 1, goodwill: 1, dignity: 1, presence: 1, depth: 1, frequency: 1, length: 1 }

describe('samePerson: personId, then email, then name', () => {
  it('matches by personId when both have one, even when names differ', () => {
    expect(samePerson(aStakeholder('a', { name: 'Li Wei', personId: 'p1' }), aStakeholder('b', { name: 'Wei Li', personId: 'p1' }))).toBe(true)
    expect(samePerson(aStakeholder('a', { name: 'Li Wei', personId: 'p1' }), aStakeholder('b', { name: 'Li Wei', personId: 'p2' }))).toBe(false)
  })
  it('then by email, case folded; different emails are different people with one name', () => {
    expect(samePerson(aStakeholder('a', { name: 'Li', email: 'LI@acme.com' }), aStakeholder('b', { name: 'Lee', email: 'li@acme.com' }))).toBe(true)
    expect(samePerson(aStakeholder('a', { name: 'Li Wei', email: 'a@acme.com' }), aStakeholder('b', { name: 'Li Wei', email: 'b@acme.com' }))).toBe(false)
  })
  it('then by name (spacing and case folded); a placeholder is nobody', () => {
    expect(samePerson(aStakeholder('a', { name: ' li  wei ' }), aStakeholder('b', { name: 'Li Wei', email: 'x@acme.com' }))).toBe(true)
    expect(samePerson(aStakeholder('a', { name: '', placeholder: true, title: 'CFO' }), aStakeholder('b', { name: '', placeholder: true, title: 'CFO' }))).toBe(false)
  })
})

describe('team builder: suggestions for a gap rank by qualification, then load, then ties with the account\'s key people', () => {
  // Three top account sellers, all qualified for control and of the matching kind.
  const roster = [
    aSeller('amy', { level: 'top', kinds: ['account'] }),
    aSeller('ben', { level: 'top', kinds: ['account'] }),
    aSeller('cai', { level: 'top', kinds: ['account'] }),
    aSeller('dan', { level: 'mid', kinds: ['account'] }), // not qualified for control
    aSeller('eve', { level: 'top', kinds: ['solution'] }), // qualified, other kind
  ]
  // The deal lacks its control seat; its CFO is a key player.
  const deal = aDeal('new').named('New pursuit', 'Acme Bank').seat('eve', 'solution').seat('amy', 'project')
    .withStakeholder('cfo', { name: 'Chen Fang', email: 'chen@acme.example', buyingRole: 'decision-maker' })
    .withStakeholder('clerk', { name: 'Ma Lin', influence: 'low' })
    .build()
  // An earlier deal of the same customer (typed differently) where Cai knows the CFO well and Ben a little;
  // Amy knows only a minor person. A deal of another customer with the same name must not count.
  const earlier = aDeal('old').named('Old pursuit', ' acme bank ').stage('won')
    .withStakeholder('c1', { name: 'Fang Chen (old card)', email: 'CHEN@acme.example' })
    .withRelationship('c1', 'cai', STRONG)
    .withRelationship('c1', 'ben', WEAK)
    .withStakeholder('m1', { name: 'Ma Lin' })
    .withRelationship('m1', 'amy', STRONG)
    .build()
  const elsewhere = aDeal('else').named('Other customer', 'Other Corp')
    .withStakeholder('x', { name: 'Chen Fang', email: 'chen@acme.example' })
    .withRelationship('x', 'amy', STRONG)
    .build()
  const fullDeals = [deal, earlier, elsewhere]
  const workspace = (deals = fullDeals) => ({ roster, deals, settings: aWorkspace(roster).settings })

  it('ties count each key person once at the seller\'s best strength, across the same customer\'s deals only', () => {
    const ties = keyPeopleTies(deal, fullDeals, { today: TODAY })
    expect(ties.get('cai')).toEqual({ people: 1, strength: 100 })
    expect(ties.get('ben')?.people).toBe(1)
    expect(ties.get('ben')!.strength).toBeLessThan(100)
    expect(ties.has('amy')).toBe(false) // knows the clerk (not key) and the CFO of another customer's deal
  })

  it('with equal load, the seller who knows the account\'s key people ranks first; the unqualified are not offered', () => {
    const analysis = analyzeDeal(analysisInputs(deal, workspace(), TODAY))
    const control = analysis.team.suggestions.find((s) => s.role === 'control')!
    expect(control.sellerIds).toEqual(['cai', 'ben', 'amy', 'eve'])
    expect(control.candidates[0]).toMatchObject({ sellerId: 'cai', kindMatches: true, load: 0, ties: { people: 1, strength: 100 } })
    expect(control.sellerIds).not.toContain('dan')
  })

  it('load comes before ties: a busier seller who knows the CFO ranks after an idle one', () => {
    const busy = [1, 2].map((n) => aDeal(`busy-${n}`).named(`Busy ${n}`, 'Zeta').seat('cai', 'account').build())
    const analysis = analyzeDeal(analysisInputs(deal, workspace([...fullDeals, ...busy]), TODAY))
    const control = analysis.team.suggestions.find((s) => s.role === 'control')!
    expect(control.sellerIds.slice(0, 3)).toEqual(['ben', 'amy', 'cai'])
    expect(control.candidates.find((c) => c.sellerId === 'cai')).toMatchObject({ load: 2, overloaded: false })
  })

  it('works from the deal alone: without other deals the ranking falls back to load and level', () => {
    const analysis = analyzeDeal(analysisInputs(deal, workspace([deal]), TODAY))
    expect(analysis.team.suggestions.find((s) => s.role === 'control')!.sellerIds).toEqual(['amy', 'ben', 'cai', 'eve'])
  })
})

describe('relationship strength per account for one seller', () => {
  it('groups by customer, counts one person on two deals once at their best score', () => {
    const a = aDeal('a').named('A', 'Acme').withStakeholder('li', { name: 'Li', personId: 'p-li' }).withRelationship('li', 'ana', WEAK).build()
    const b = aDeal('b').named('B', 'ACME ').withStakeholder('li2', { name: 'Li Wei', personId: 'p-li' }).withRelationship('li2', 'ana', STRONG)
      .withStakeholder('wu', { name: 'Wu' }).withRelationship('wu', 'bo', STRONG).build()
    const c = aDeal('c').named('C', 'Beta').withStakeholder('zh', { name: 'Zhao' }).withRelationship('zh', 'ana', WEAK).build()
    const accounts = accountStrengths('ana', [a, b, c], { today: TODAY })
    expect(accounts.map((x) => [x.customer, x.people, x.best, x.band])).toEqual([['Acme', 1, 100, 'strong'], ['Beta', 1, 20, 'weak']])
    expect(accounts[0].bands).toEqual({ strong: 1, workable: 0, weak: 0 })
  })
})
