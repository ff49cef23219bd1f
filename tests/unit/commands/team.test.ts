import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyCommand, CommandError, type DealCommand } from '@shared/commands'
import { DealSchema, LIMITS, SELLER_KINDS, type Deal, type SellerKind } from '@shared/model'
import { aDeal } from '../../fixtures/builders'
import { applyAndUndo, refusal, undoSteps } from './harness'

const leadsOf = (deal: Deal, seat: SellerKind) => deal.team.filter((t) => t.seat === seat && t.lead).map((t) => t.sellerId)

describe('seat-seller', () => {
  it('seats a seller; the first in a lane with no lead becomes its lead, the next does not', () => {
    const { after } = applyAndUndo(aDeal().build(), { type: 'seat-seller', sellerId: 'anna', seat: 'account' })
    expect(after.team).toEqual([{ sellerId: 'anna', seat: 'account', lead: true }])
    const two = applyCommand(after, { type: 'seat-seller', sellerId: 'ben', seat: 'account' })
    expect(two.team[1]).toEqual({ sellerId: 'ben', seat: 'account', lead: false })
    // Another lane has its own lead.
    expect(applyCommand(two, { type: 'seat-seller', sellerId: 'ben', seat: 'project' }).team[2].lead).toBe(true)
  })

  it('seating a seller already in that seat changes nothing', () => {
    const deal = aDeal().seat('anna', 'account', { lead: true }).build()
    expect(applyCommand(deal, { type: 'seat-seller', sellerId: 'anna', seat: 'account' })).toBe(deal)
  })

  it('refuses a seat that is not a lane, a bad seller id and a full team', () => {
    expect(refusal(aDeal().build(), { type: 'seat-seller', sellerId: 'anna', seat: 'captain' as SellerKind })).toBe('invalid-value')
    expect(refusal(aDeal().build(), { type: 'seat-seller', sellerId: 'not an id', seat: 'account' })).toBe('invalid-value')
    const full = aDeal()
    for (let i = 0; i < LIMITS.team; i++) full.seat(`s${i}`, SELLER_KINDS[i % 3])
    expect(refusal(full.build(), { type: 'seat-seller', sellerId: 'one-more', seat: 'account' })).toBe('limit-reached')
  })

  it('is one undo step', () => {
    expect(undoSteps(aDeal().build(), [{ type: 'seat-seller', sellerId: 'a', seat: 'account' }, { type: 'seat-seller', sellerId: 'b', seat: 'account' }])).toBe(2)
  })
})

describe('unseat-seller', () => {
  it('removes the seat; removing the lead leaves the lane without one (the app does not pick the next)', () => {
    const deal = aDeal().seat('anna', 'account', { lead: true }).seat('ben', 'account').build()
    const { after, policy } = applyAndUndo(deal, { type: 'unseat-seller', sellerId: 'anna', seat: 'account' })
    expect(after.team).toEqual([{ sellerId: 'ben', seat: 'account', lead: false }])
    expect(policy.capture).toBe('step')
  })

  it('refuses a seat nobody sits in', () => {
    expect(refusal(aDeal().seat('anna', 'account').build(), { type: 'unseat-seller', sellerId: 'anna', seat: 'project' })).toBe('unknown-seat')
  })
})

describe('set-lead', () => {
  const lane = () => aDeal().seat('anna', 'account', { lead: true }).seat('ben', 'account').seat('chen', 'project', { lead: true }).build()

  it('makes one seat the lead of its lane and the old lead steps down; other lanes keep theirs', () => {
    const { after, policy } = applyAndUndo(lane(), { type: 'set-lead', sellerId: 'ben', seat: 'account', lead: true })
    expect(leadsOf(after, 'account')).toEqual(['ben'])
    expect(leadsOf(after, 'project')).toEqual(['chen'])
    expect(policy).toEqual({ capture: 'step' })
  })

  it('clears the lead; setting what is already so changes nothing', () => {
    const { after } = applyAndUndo(lane(), { type: 'set-lead', sellerId: 'anna', seat: 'account', lead: false })
    expect(leadsOf(after, 'account')).toEqual([])
    const deal = lane()
    expect(applyCommand(deal, { type: 'set-lead', sellerId: 'anna', seat: 'account', lead: true })).toBe(deal)
  })

  it('refuses a seat nobody sits in and a lead that is not true or false', () => {
    expect(refusal(lane(), { type: 'set-lead', sellerId: 'ben', seat: 'project', lead: true })).toBe('unknown-seat')
    expect(refusal(lane(), { type: 'set-lead', sellerId: 'ben', seat: 'account', lead: 'yes' as unknown as boolean })).toBe('invalid-value')
  })
})

describe('the lead rule holds through the team commands', () => {
  const sellers = ['anna', 'ben', 'chen', 'dana']
  const seat = fc.constantFrom(...SELLER_KINDS)
  const seller = fc.constantFrom(...sellers)
  const command: fc.Arbitrary<DealCommand> = fc.oneof(
    fc.record({ type: fc.constant('seat-seller' as const), sellerId: seller, seat }),
    fc.record({ type: fc.constant('unseat-seller' as const), sellerId: seller, seat }),
    fc.record({ type: fc.constant('set-lead' as const), sellerId: seller, seat, lead: fc.boolean() }),
  )

  it('any sequence of seat, unseat and set-lead keeps at most one lead per lane, and a seller seated in a lane with no lead leads it', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), (commands) => {
        let deal = aDeal().build()
        for (const c of commands) {
          const before = deal
          try {
            deal = applyCommand(deal, c)
          } catch (e) {
            if (!(e instanceof CommandError)) throw e
            continue
          }
          if (c.type === 'seat-seller' && deal !== before && leadsOf(before, c.seat).length === 0) expect(leadsOf(deal, c.seat)).toEqual([c.sellerId])
          for (const lane of SELLER_KINDS) expect(leadsOf(deal, lane).length).toBeLessThanOrEqual(1)
        }
        expect(DealSchema.safeParse(deal).success).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})
