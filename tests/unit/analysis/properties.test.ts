import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DealSchema, ELEMENTS, SELLER_KINDS, type Element } from '@shared/model'
import { ROLE_OF_SEAT } from '@shared/method'
import { addDays, analyzeDeal, analyzeTeamCoverage, scoreRelationship, stakeholderStrength, type TeamVerdict } from '@shared/analysis'
import { aSeller } from '../../fixtures/builders'
import { TODAY, dealArb, openDealsArb, relationshipArb, rosterArb, stakeholderArb } from './arbitraries'

const VERDICT_RANK: Record<TeamVerdict, number> = { covered: 0, 'at-risk': 1, gaps: 2 }

describe('properties of the analysis', () => {
  it('the arbitrary deals are valid deals', () => {
    fc.assert(fc.property(dealArb, (deal) => DealSchema.safeParse(deal).success))
  })

  it('analyzeDeal never throws on a valid deal and is deterministic for a fixed date', () => {
    fc.assert(fc.property(dealArb, rosterArb, openDealsArb, fc.integer({ min: 0, max: 3000 }), (deal, roster, open, shift) => {
      const today = addDays(TODAY, shift - 1000)
      const first = analyzeDeal({ deal, roster, openDeals: open, settings: {}, today })
      const second = analyzeDeal({ deal: structuredClone(deal), roster: structuredClone(roster), openDeals: structuredClone(open), settings: {}, today })
      expect(JSON.parse(JSON.stringify(second))).toEqual(JSON.parse(JSON.stringify(first)))
      expect(Object.keys(first.relationships)).toHaveLength(deal.stakeholders.length)
      for (const v of Object.values(first.coverage)) expect(v >= 0 && v <= 100).toBe(true)
    }), { numRuns: 300 })
  })

  it('adding a qualified seat (a new, unloaded top seller of the seat\'s kind) never makes the verdict worse', () => {
    fc.assert(fc.property(dealArb, rosterArb, openDealsArb, fc.constantFrom(...SELLER_KINDS), (deal, roster, open, seat) => {
      const before = analyzeTeamCoverage(deal, roster, open)
      const newcomer = aSeller('newcomer', { level: 'top', kinds: [seat] })
      const withSeat = { ...deal, team: [...deal.team, { sellerId: newcomer.id, seat, lead: false }] }
      const after = analyzeTeamCoverage(withSeat, [...roster, newcomer], open)
      expect(after.roles[ROLE_OF_SEAT[seat]].covered).toBe(true)
      expect(VERDICT_RANK[after.verdict]).toBeLessThanOrEqual(VERDICT_RANK[before.verdict])
    }), { numRuns: 500 })
  })

  it('raising any element never lowers the total', () => {
    fc.assert(fc.property(relationshipArb, stakeholderArb('s'), fc.constantFrom(...ELEMENTS), fc.integer({ min: 1, max: 5 }), (rel, s, element: Element, step) => {
      const before = scoreRelationship(rel, s, { today: TODAY })
      const raised = { ...rel, elements: { ...rel.elements, [element]: Math.min(5, before.elements[element].score + step) } }
      const after = scoreRelationship(raised, s, { today: TODAY })
      expect(after.total).toBeGreaterThanOrEqual(before.total)
      expect(after.elements[element].score).toBeGreaterThanOrEqual(before.elements[element].score)
    }), { numRuns: 500 })
  })

  it('a stakeholder\'s strength is the best total scoreRelationship gives any of its relationships', () => {
    fc.assert(fc.property(stakeholderArb('s'), (s) => {
      const totals = s.relationships.map((r) => scoreRelationship(r, s, { today: TODAY }))
      const best = Math.max(0, ...totals.map((t) => t.total))
      const strength = stakeholderStrength(s, { today: TODAY })
      expect(strength.strength).toBe(best)
      expect(strength.stale).toBe(totals[0]?.stale ?? strength.stale)
      if (best > 0) expect(totals.find((t) => t.total === best)!.sellerId).toBe(strength.bestSellerId)
    }), { numRuns: 500 })
  })
})
