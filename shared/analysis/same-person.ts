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
