import { newDeal, newStakeholder, type Deal, type Seller, type Stakeholder } from '@shared/model'

/** Small builders so each test states only what it is about. */
export function aSeller(id: string, name: string, extra: Partial<Seller> = {}): Seller {
  return { id, name, kinds: ['account'], level: 'senior', ...extra }
}

export function aPerson(id: string, name: string, extra: Partial<Stakeholder> = {}): Stakeholder {
  return newStakeholder({ id, name, position: { x: 0, y: 0 }, ...extra })
}

export function aDeal(people: Stakeholder[] = [], extra: Partial<Deal> = {}): Deal {
  return { ...newDeal({ id: 'deal-1', name: 'Northwind ERP', customer: 'Northwind' }), stakeholders: people, ...extra }
}

export function edit(deal: Deal, id: string, patch: Partial<Stakeholder>): Deal {
  return { ...deal, stakeholders: deal.stakeholders.map((s) => (s.id === id ? { ...s, ...patch } : s)) }
}
