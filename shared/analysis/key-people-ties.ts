import type { Deal, Stakeholder } from '../model'
import type { CadenceDays } from '../method'
import { isKeyPlayer } from './key-players'
import { scoreCard, scoringDay } from './stakeholder-strength'
import { sameCustomerDeals, samePersonFinder } from './same-person'

/** A seller's existing relationships with one deal's key people, across the account. */
export interface KeyPeopleTies {
  /** How many of the deal's key people the seller has a relationship with (here or in the customer's other deals). */
  people: number
  /** The sum of the seller's best relationship strength (0–100) with each of them. */
  strength: number
}

/** The other deals of the account, as far as the ties need them. */
export type AccountDeal = Pick<Deal, 'id' | 'customer' | 'stakeholders'>

/**
 * Who on our side already knows this deal's key people: for each key player of `deal`, every
 * card of the same person in this deal and in the same customer's other deals (matched by
 * personId, then email, then name; see samePerson) is searched for relationships, and each
 * seller's best strength with that person counts once. It works from the deals alone, so a
 * workspace without an account registry ranks the same way (docs/growth.md#team-builder).
 */
export function keyPeopleTies(
  deal: Pick<Deal, 'id' | 'customer' | 'stakeholders'>,
  accountDeals: readonly AccountDeal[],
  options: { today: string; cadenceDays?: CadenceDays },
): Map<string, KeyPeopleTies> {
  const others = sameCustomerDeals(deal, accountDeals).flatMap((d) => d.stakeholders)
  const sameCardsAs = samePersonFinder(others)
  const day = scoringDay(options)
  const ties = new Map<string, KeyPeopleTies>()
  for (const person of deal.stakeholders) {
    if (person.placeholder || !isKeyPlayer(person)) continue
    const cards: Stakeholder[] = [person, ...sameCardsAs(person).map((i) => others[i])]
    const best = new Map<string, number>()
    for (const card of cards) {
      if (card.relationships.length === 0) continue
      const { totals } = scoreCard(card, day)
      for (let k = 0; k < totals.length; k++) {
        const sellerId = card.relationships[k].sellerId
        if (totals[k] > (best.get(sellerId) ?? -1)) best.set(sellerId, totals[k])
      }
    }
    for (const [sellerId, strength] of best) {
      const tie = ties.get(sellerId) ?? { people: 0, strength: 0 }
      ties.set(sellerId, { people: tie.people + 1, strength: tie.strength + strength })
    }
  }
  return ties
}
