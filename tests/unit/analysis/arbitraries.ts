import fc from 'fast-check'
import {
  BUYING_ROLES, CONTACT_CHANNELS, INFLUENCES, SELLER_KINDS, SELLER_LEVELS, STANCES, STAGES,
  type Deal, type Relationship, type Seller, type Stakeholder, type TeamSeat,
} from '@shared/model'
import { addDays } from '@shared/analysis'

/** Arbitrary valid deals for property tests: small pools of ids so collisions and edge cases are common. */
export const SELLER_POOL = ['ann', 'ben', 'cai', 'dev', 'eve']
export const TODAY = '2026-03-12'

const score = fc.integer({ min: 0, max: 5 })
const pastDate = fc.integer({ min: 0, max: 6000 }).map((d) => addDays(TODAY, -d))

export const sellerArb = (id: string): fc.Arbitrary<Seller> => fc.record({
  id: fc.constant(id),
  name: fc.constantFrom('Ann', 'Ben', 'Cai', 'Dev', 'Eve'),
  kinds: fc.subarray([...SELLER_KINDS], { minLength: 1 }),
  level: fc.constantFrom(...SELLER_LEVELS),
  archived: fc.boolean(),
})

export const rosterArb: fc.Arbitrary<Seller[]> = fc.subarray(SELLER_POOL).chain((ids) => fc.tuple(...ids.map(sellerArb)))

export const relationshipArb: fc.Arbitrary<Relationship> = fc.record({
  sellerId: fc.constantFrom(...SELLER_POOL),
  elements: fc.record(
    { value: score, goodwill: score, dignity: score, presence: score, frequency: score, length: score, depth: score },
    { requiredKeys: ['value', 'goodwill', 'dignity', 'presence', 'depth'] },
  ),
  knownSince: fc.option(pastDate, { nil: undefined }),
}).map((r) => (r.knownSince === undefined ? { sellerId: r.sellerId, elements: r.elements } : r))

export const stakeholderArb = (id: string): fc.Arbitrary<Stakeholder> => fc.record({
  id: fc.constant(id),
  name: fc.constantFrom('Li', 'Wu', 'Ana', 'Bo'),
  title: fc.constant(''),
  department: fc.constantFrom('', 'IT', 'Finance', ' it ', 'Ops'),
  buyingRole: fc.constantFrom(...BUYING_ROLES),
  influence: fc.constantFrom(...INFLUENCES),
  innerCircle: fc.boolean(),
  stance: fc.constantFrom(...STANCES),
  ownerIds: fc.subarray(SELLER_POOL),
  relationships: fc.uniqueArray(relationshipArb, { maxLength: 3, selector: (r) => r.sellerId }),
  contacts: fc.array(fc.record({ date: fc.integer({ min: 0, max: 500 }).map((d) => addDays(TODAY, -d)), channel: fc.constantFrom(...CONTACT_CHANNELS), sellerId: fc.constantFrom(...SELLER_POOL), note: fc.constant('') }), { maxLength: 6 }),
  actions: fc.array(fc.record({ id: fc.constant('a1'), what: fc.constant('Call'), done: fc.boolean() }), { maxLength: 1 }),
  notes: fc.constantFrom('', 'Motives known'),
  position: fc.constant({ x: 0, y: 0 }),
})

export const teamArb: fc.Arbitrary<TeamSeat[]> = fc.uniqueArray(
  fc.record({ sellerId: fc.constantFrom(...SELLER_POOL, 'ghost'), seat: fc.constantFrom(...SELLER_KINDS), lead: fc.boolean() }),
  { maxLength: 6, selector: (t) => `${t.seat}:${t.sellerId}` },
)

export const dealArb: fc.Arbitrary<Deal> = fc.record({
  stage: fc.constantFrom(...STAGES),
  team: teamArb,
  stakeholders: fc.integer({ min: 0, max: 12 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => stakeholderArb(`s${i}`)))),
}).map(({ stage, team, stakeholders }) => ({
  id: 'deal-p', name: 'Property deal', customer: 'Acme', stage, amount: { value: 1, currency: 'USD' },
  closeDate: null, competitors: [], notes: '', stakeholders, links: [], team,
}))

export const openDealsArb: fc.Arbitrary<Deal[]> = fc.array(
  fc.record({ id: fc.constantFrom('o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7'), stage: fc.constantFrom(...STAGES), team: teamArb }),
  { maxLength: 8 },
).map((deals) => deals.map((d) => ({ ...d, name: d.id, customer: '', amount: { value: 0, currency: 'USD' }, closeDate: null, competitors: [], notes: '', stakeholders: [], links: [] })))
