import type { Deal } from './deal'
import type { Relationship, Stakeholder, Position } from './stakeholder'
import { newId } from './primitives'

export function newDeal(fields: { name: string; customer?: string; id?: string }): Deal {
  return {
    id: fields.id ?? newId(),
    name: fields.name,
    customer: fields.customer ?? '',
    stage: 'lead',
    amount: { value: 0, currency: 'USD' },
    closeDate: null,
    competitors: [],
    notes: '',
    stakeholders: [],
    links: [],
    team: [],
  }
}

export function newStakeholder(fields: Partial<Stakeholder> & { name: string; position: Position }): Stakeholder {
  return {
    id: newId(),
    title: '',
    department: '',
    buyingRole: 'unknown',
    influence: 'medium',
    innerCircle: false,
    stance: 'unknown',
    ownerIds: [],
    relationships: [],
    contacts: [],
    actions: [],
    notes: '',
    ...fields,
  }
}

/** A seller's relationship nobody has scored yet: every scored element 0, frequency and length derived. */
export function newRelationship(sellerId: string): Relationship {
  return { sellerId, elements: { value: 0, goodwill: 0, dignity: 0, presence: 0, depth: 0 } }
}
