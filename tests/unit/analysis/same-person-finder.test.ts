import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { samePerson, samePersonFinder, type PersonFacts } from '@shared/analysis'

// The team builder finds a key player's cards in the account's other deals by look-up
// (docs/performance.md, "Analysis at 1,000 people, part 2"); it must find exactly the cards the
// account rules (samePerson) call the same person, or a seller's ties would be miscounted.
const cardArb: fc.Arbitrary<PersonFacts> = fc.record({
  name: fc.constantFrom('Li Wei', ' li  wei ', 'LI WEI', 'Ana', '', 'Ｌｉ Ｗｅｉ'),
  placeholder: fc.option(fc.constant(true as const), { nil: undefined }),
  email: fc.option(fc.constantFrom('li@acme.com', ' LI@acme.com ', 'ana@acme.com', '', '  '), { nil: undefined }),
  personId: fc.option(fc.constantFrom('p-1', 'p-2', ''), { nil: undefined }),
})

describe('finding the same person among many cards', () => {
  it('finds exactly the cards samePerson matches, in their order', () => {
    fc.assert(fc.property(cardArb, fc.array(cardArb, { maxLength: 30 }), (card, cards) => {
      const expected = cards.flatMap((other, i) => (samePerson(card, other) ? [i] : []))
      expect(samePersonFinder(cards)(card)).toEqual(expected)
    }), { numRuns: 3000 })
  })

  it('matches on the personId when both have one, else the email, else the name', () => {
    const cards: PersonFacts[] = [
      { name: 'Li Wei', personId: 'p-1' },
      { name: 'Li Wei', personId: 'p-2' },
      { name: 'Someone Else', email: 'LI@acme.com' },
      { name: 'li wei' },
      { name: 'Li Wei', placeholder: true },
    ]
    expect(samePersonFinder(cards)({ name: 'Li Wei', personId: 'p-1', email: 'li@acme.com' })).toEqual([0, 2, 3])
    expect(samePersonFinder(cards)({ name: 'Li Wei' })).toEqual([0, 1, 3])
  })
})
