import { fireEvent, render, screen, within } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { InsightsPanel } from '../../renderer/insights/InsightsPanel'
import { useDealStore } from '../../renderer/state/deal-store'
import { aDeal, aSeller } from '../fixtures/builders'
import { openDealInStores, person } from './relationships-helpers'

const anna = aSeller('anna', { name: 'Anna', kinds: ['account'], level: 'senior' })

function setup() {
  const deal = aDeal()
    .seat(anna, 'account', { lead: true })
    .withStakeholder('cfo', { name: 'Bruno Keller', buyingRole: 'approver', influence: 'high', stance: 'supporter', department: 'Finance' })
    .ownedBy('cfo', anna)
    .withRelationship('cfo', anna, { value: 1, depth: 1 })
    .withContact('cfo', anna, '2025-11-01')
    .withStakeholder('coo', { name: 'Rita Sousa', influence: 'high', stance: 'opponent', department: 'Operations' })
    .build()
  openDealInStores(deal, [anna])
  return render(<InsightsPanel />)
}

describe('the insights panel', () => {
  beforeEach(() => setup())

  it('shows the map status with its meaning and the three coverage numbers with their definitions', () => {
    const status = screen.getByTestId('insights-map-status')
    expect(status.getAttribute('data-status')).toBe('green')
    expect(status.textContent).toContain('including the decision maker or an approver')
    for (const d of ['deep', 'broad', 'transparent']) {
      const item = screen.getByTestId(`coverage-${d}`)
      expect(Number(item.getAttribute('data-value'))).toBeGreaterThanOrEqual(0)
      expect(item.querySelector('.coverage-definition')?.textContent?.length).toBeGreaterThan(40)
    }
  })

  it('lists findings most severe first, in plain words', () => {
    const findings = screen.getAllByTestId('finding')
    const severities = findings.map((f) => f.className.match(/severity-(\w+)/)?.[1])
    const rank = { error: 0, warning: 1, info: 2 } as Record<string, number>
    expect(severities.map((s) => rank[s!])).toEqual([...severities.map((s) => rank[s!])].sort())
    // Bruno is both weak and stale: one finding that names him once, with both reasons.
    const bruno = findings.filter((f) => f.getAttribute('data-stakeholders') === 'cfo' && f.getAttribute('data-code') !== 'department-uncovered')
    expect(bruno).toHaveLength(1)
    expect(bruno[0].getAttribute('data-codes')).toBe('key-player-weak key-player-stale')
    expect(bruno[0].querySelector('.finding-message')?.textContent).toBe('Bruno Keller: 2 things to look at')
    const reasons = within(bruno[0]).getAllByTestId('finding-reason').map((r) => r.querySelector('.finding-reason-text')?.textContent)
    expect(reasons[1]).toBe('No one has been in touch with Bruno Keller (approver) for 131 days; the cadence is 30.')
  })

  it('selects and focuses the people of a finding when it is clicked', () => {
    const opponent = screen.getAllByTestId('finding').find((f) => f.getAttribute('data-code') === 'opponent-high-influence')!
    fireEvent.click(within(opponent).getByRole('button'))
    expect(useDealStore.getState().selection).toEqual(['coo'])
    expect(useDealStore.getState().focusRequest?.id).toBe('coo')
  })

  it('adds a proposed action with one click, and then shows it as planned', () => {
    const proposal = screen.getAllByTestId('proposal').find((p) => p.getAttribute('data-id') === 'key-player-stale:cfo')!
    fireEvent.click(within(proposal).getByTestId('proposal-add'))
    expect(person('cfo').actions).toEqual([expect.objectContaining({ what: 'Get in touch with Bruno Keller', ownerId: 'anna', done: false })])
    const again = screen.getAllByTestId('proposal').find((p) => p.getAttribute('data-id') === 'key-player-stale:cfo')!
    expect(within(again).getByTestId('proposal-add').textContent).toBe('Planned')
  })

  it('drops the opponent finding once an action is planned for that person', () => {
    const proposal = screen.getAllByTestId('proposal').find((p) => p.getAttribute('data-id') === 'opponent-high-influence:coo')!
    fireEvent.click(within(proposal).getByTestId('proposal-add'))
    expect(screen.getAllByTestId('finding').some((f) => f.getAttribute('data-code') === 'opponent-high-influence')).toBe(false)
  })
})
