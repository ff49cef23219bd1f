import { describe, expect, it } from 'vitest'
import { addDays, analyzeDeal, stakeholderStrength } from '@shared/analysis'
import { aDeal, aSeller, aStakeholder } from '../../fixtures/builders'

const TODAY = '2026-03-12'
const amy = aSeller('amy', { kinds: ['account'] })

describe('a seat not yet identified (placeholder card)', () => {
  const deal = () => aDeal()
    .seat(amy, 'account', { lead: true })
    .withStakeholder('ceo', { name: 'Ana Ceo', buyingRole: 'decision-maker', influence: 'high' })
    .withStakeholder('coo', { name: '', placeholder: true, title: 'COO', department: 'Operations', buyingRole: 'approver', influence: 'high' })

  it('is counted by the findings: "the approver is not yet identified", as a warning', () => {
    const findings = analyzeDeal({ deal: deal().build(), roster: [amy], openDeals: [], settings: {}, today: TODAY }).findings
    const seat = findings.find((f) => f.code === 'seat-not-identified')
    expect(seat).toMatchObject({ severity: 'warning', stakeholderIds: ['coo'], params: { buyingRole: 'approver', seatName: 'COO, Operations' } })
    expect(seat?.message).toBe('The approver (COO, Operations) is not yet identified.')
    // No finding treats the empty seat as a person to call or own.
    expect(findings.filter((f) => f.stakeholderIds?.includes('coo') && f.code !== 'seat-not-identified')).toEqual([])
  })

  it('a placeholder decision maker does not count as the decision maker found', () => {
    const d = aDeal().withStakeholder('dm', { name: '', placeholder: true, title: 'CEO', buyingRole: 'decision-maker' }).build()
    const codes = analyzeDeal({ deal: d, roster: [], openDeals: [], settings: {}, today: TODAY }).findings.map((f) => f.code)
    expect(codes).toContain('decision-maker-unknown')
    expect(codes).toContain('seat-not-identified')
  })

  it('goes once the seat has a name', () => {
    const named = deal().build()
    named.stakeholders[1] = { ...named.stakeholders[1], name: 'Omar Reyes', placeholder: undefined }
    expect(analyzeDeal({ deal: named, roster: [amy], openDeals: [], settings: {}, today: TODAY }).findings.map((f) => f.code)).not.toContain('seat-not-identified')
  })
})

describe('"Stale" on a person just added', () => {
  const keyPlayer = (addedOn?: string) => aStakeholder('dm', { buyingRole: 'decision-maker', influence: 'high', ownerIds: ['amy'], ...(addedOn ? { addedOn } : {}) })
  const opts = { today: TODAY }
  it('never shows on a person added today, nor within their cadence', () => {
    expect(stakeholderStrength(keyPlayer(TODAY), opts).stale).toBe(false)
    expect(stakeholderStrength(keyPlayer(addDays(TODAY, -20)), opts).stale).toBe(false)
  })
  it('shows once the cadence has passed with no contact, and on people of older files', () => {
    expect(stakeholderStrength(keyPlayer(addDays(TODAY, -45)), opts).stale).toBe(true)
    expect(stakeholderStrength(keyPlayer(), opts).stale).toBe(true)
  })
})
