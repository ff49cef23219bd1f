import { bandOf, customerKey, samePerson, indexContacts, scoreWithIndex, type Band } from '../analysis'
import type { CadenceDays } from '../method'
import type { Stakeholder } from '../model'
import type { HistoryDeal } from './seats'

/** A seller's relationships with one account's people, summarised across its deals. */
export interface AccountStrength {
  customer: string
  /** People of the account the seller has a relationship with (one person in three deals counts once). */
  people: number
  /** The average of the seller's best strength with each of them (0–100). */
  average: number
  best: number
  band: Band
  /** How many of those relationships are strong, workable, weak (none are left out of `people` but not counted here). */
  bands: Record<'strong' | 'workable' | 'weak', number>
}

/**
 * Relationship strength per account for one seller (docs/growth.md#profile), scored with the
 * same scorer as the deal's relationships (scoreRelationship). The same person on several deals
 * of one customer (matched by personId, email, then name) counts once, at their best score.
 */
export function accountStrengths(sellerId: string, deals: readonly HistoryDeal[], options: { today: string; cadenceDays?: CadenceDays }): AccountStrength[] {
  const accounts = new Map<string, { customer: string; people: Array<{ card: Stakeholder; total: number }> }>()
  for (const deal of deals) {
    const key = customerKey(deal.customer)
    if (key === '') continue
    for (const card of deal.stakeholders) {
      const r = card.relationships.find((x) => x.sellerId === sellerId)
      if (!r) continue
      const total = scoreWithIndex(r, card, indexContacts(card, options.today), options).total
      const account = accounts.get(key) ?? { customer: deal.customer.trim(), people: [] }
      accounts.set(key, account)
      const known = account.people.find((p) => samePerson(p.card, card))
      if (!known) account.people.push({ card, total })
      else if (total > known.total) known.total = total
    }
  }
  return [...accounts.values()]
    .map(({ customer, people }): AccountStrength => {
      const totals = people.map((p) => p.total)
      const average = Math.round(totals.reduce((a, b) => a + b, 0) / totals.length)
      const bands = { strong: 0, workable: 0, weak: 0 }
      for (const t of totals) {
        const band = bandOf(t)
        if (band !== 'none') bands[band]++
      }
      return { customer, people: people.length, average, best: Math.max(...totals), band: bandOf(average), bands }
    })
    .sort((a, b) => b.average - a.average || a.customer.localeCompare(b.customer, 'en'))
}
