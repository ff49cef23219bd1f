import type { Deal, Stakeholder } from '../model'

/** What tells two cards apart as people: the account id, the work email, the name. */
export type PersonFacts = Pick<Stakeholder, 'name' | 'placeholder' | 'email' | 'personId'>

const fold = (text: string) => text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en')

/**
 * Whether two cards (of one customer's deals) are the same human being, matched as the account
 * rules say (docs/method.md, "Accounts"): by personId when both have one, else by email when
 * both have one, else by name. Two different personIds or emails are two people even with one
 * name. A placeholder (a seat with no name yet) is nobody in particular.
 */
export function samePerson(a: PersonFacts, b: PersonFacts): boolean {
  if (a.placeholder || b.placeholder) return false
  if (a.personId && b.personId) return a.personId === b.personId
  if (a.email && b.email) return fold(a.email) === fold(b.email)
  const name = fold(a.name)
  return name !== '' && name === fold(b.name)
}

/** Customers are free text typed per deal; " Acme " and "acme" are one account. */
export function customerKey(customer: string): string {
  return fold(customer)
}

/** The deals of the same customer as `deal` (itself excluded), from a list of any deals. */
export function sameCustomerDeals<D extends Pick<Deal, 'id' | 'customer'>>(deal: Pick<Deal, 'id' | 'customer'>, deals: readonly D[]): D[] {
  // Folding the customer's name (NFKC, case) is the costly part: none when there is nothing to match.
  if (deals.length === 0) return []
  const key = customerKey(deal.customer)
  if (key === '') return []
  return deals.filter((d) => d.id !== deal.id && customerKey(d.customer) === key)
}

/** The cards of one what-they-carry class, by each key samePerson may compare them on. */
interface CardsByKey {
  byPersonId: Map<string, number[]>
  byEmail: Map<string, number[]>
  byName: Map<string, number[]>
}

/**
 * Finds, for any card, the cards of `cards` that samePerson matches with it, by look-up: each
 * card is folded once, not once per comparison, and a deal's key player is not compared with
 * every card of the account's other deals (docs/performance.md, "Analysis at 1,000 people,
 * part 2"). Matches come in the order of `cards`. samePerson's rules, kept beside it: which key
 * two cards compare on depends on what both carry, so the cards are split by whether they
 * carry a personId and an email, and each class is looked up on the key that rule picks.
 */
export function samePersonFinder(cards: readonly PersonFacts[]): (card: PersonFacts) => number[] {
  if (cards.length === 0) return () => []
  const classes: CardsByKey[] = [0, 1, 2, 3].map(() => ({ byPersonId: new Map(), byEmail: new Map(), byName: new Map() }))
  const add = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key)
    if (list) list.push(i)
    else map.set(key, [i])
  }
  cards.forEach((b, i) => {
    if (b.placeholder) return
    // Every key the card may be compared on: with a card that lacks a personId, one that has
    // one is compared on the email, and without two emails on the name.
    const cls = classes[classOf(b)]
    if (b.personId) add(cls.byPersonId, b.personId, i)
    if (b.email) add(cls.byEmail, fold(b.email), i)
    add(cls.byName, fold(b.name), i)
  })
  return (a) => {
    if (a.placeholder) return []
    const email = a.email ? fold(a.email) : undefined
    const name = fold(a.name)
    const found: number[] = []
    for (let c = 0; c < classes.length; c++) {
      const hasPersonId = c >= 2
      const hasEmail = (c & 1) === 1
      let matches: number[] | undefined
      if (a.personId && hasPersonId) matches = classes[c].byPersonId.get(a.personId)
      else if (email !== undefined && hasEmail) matches = classes[c].byEmail.get(email)
      else matches = name === '' ? undefined : classes[c].byName.get(name)
      if (matches) found.push(...matches)
    }
    return found.sort((x, y) => x - y)
  }
}

/** 0–3: whether a card carries a personId (2) and an email (1). */
function classOf(card: PersonFacts): number {
  return (card.personId ? 2 : 0) + (card.email ? 1 : 0)
}
