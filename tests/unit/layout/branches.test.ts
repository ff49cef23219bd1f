import { describe, expect, it } from 'vitest'
import { branchView, peopleUnder, reportsOf } from '@shared/branches'
import { hospitalErpDeal } from '../../fixtures/scenarios/hospital-erp'
import { aDeal } from '../../fixtures/builders'

describe('branches of the org chart', () => {
  const deal = hospitalErpDeal().build()

  it('collapsing the CFO hides the three people under them and says so', () => {
    const view = branchView(deal, new Set(['cfo']), null)
    expect([...view.hidden].sort()).toEqual(['controller', 'payroll', 'procurement'])
    expect(view.hiddenUnder.get('cfo')).toBe(3)
    expect(view.reportCount.get('ceo')).toBe(7)
  })

  it("focusing on the CIO's branch shows only the CIO and their team; a department shows only its people", () => {
    const branch = branchView(deal, new Set(), { kind: 'branch', id: 'cio' })
    expect(deal.stakeholders.filter((s) => !branch.hidden.has(s.id)).map((s) => s.id).sort()).toEqual(['apps', 'architect', 'cio', 'security'])
    const finance = branchView(deal, new Set(), { kind: 'department', key: 'finance' })
    expect(deal.stakeholders.filter((s) => !finance.hidden.has(s.id)).map((s) => s.id).sort()).toEqual(['cfo', 'controller', 'payroll', 'procurement'])
  })

  it('a collapsed manager inside a collapsed branch counts only what it alone hides', () => {
    const view = branchView(deal, new Set(['ceo', 'cfo']), null)
    expect(view.hidden.size).toBe(18)
    expect(view.hiddenUnder.get('ceo')).toBe(18)
  })

  it('survives a reports-to loop', () => {
    const loop = aDeal('l').withStakeholder('a').withStakeholder('b').withLink('a', 'b').withLink('b', 'a').build()
    expect([...peopleUnder('a', reportsOf(loop.links))]).toEqual(['b'])
  })
})
