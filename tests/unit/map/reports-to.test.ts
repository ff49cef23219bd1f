import { describe, expect, it } from 'vitest'
import { reportsToCycleMembers } from '@shared/reports-to'
import { aDeal } from '../../fixtures/builders'

describe('reports-to cycles', () => {
  it('finds the people in a loop and only them', () => {
    const deal = aDeal('d')
      .withStakeholder('a').withStakeholder('b').withStakeholder('c').withStakeholder('d')
      .withLink('a', 'b').withLink('b', 'c').withLink('c', 'a') // loop
      .withLink('d', 'a') // d reports into the loop but is not part of it
      .build()
    expect([...reportsToCycleMembers(deal.links)].sort()).toEqual(['a', 'b', 'c'])
  })

  it('ignores other line kinds and a clean org chart', () => {
    const deal = aDeal('d').withStakeholder('a').withStakeholder('b').withLink('a', 'b').withLink('b', 'a', 'influences').build()
    expect(reportsToCycleMembers(deal.links).size).toBe(0)
  })

  it('handles a very deep chain without overflowing the stack', () => {
    const links = Array.from({ length: 50_000 }, (_, i) => ({ id: `l${i}`, from: `p${i}`, to: `p${i + 1}`, kind: 'reports-to' as const }))
    links.push({ id: 'back', from: 'p50000', to: 'p0', kind: 'reports-to' })
    expect(reportsToCycleMembers(links).size).toBe(50_001)
  })
})
