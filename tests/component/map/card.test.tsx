import { describe, expect, it, beforeEach } from 'vitest'
import { act, render, screen, within } from '@testing-library/react'
import { ReactFlowProvider } from '@xyflow/react'
import { StakeholderMap } from '../../../renderer/map/StakeholderMap'
import { useUiStore } from '../../../renderer/state/ui-store'
import { aDeal, aSeller } from '../../fixtures/builders'
import { openDeal } from './helpers'

const roster = [aSeller('alice', { name: 'Alice Wong' }), aSeller('bob', { name: 'Bob Stone' })]
const deal = aDeal('d')
  .withStakeholder('li', {
    name: 'Li Wei', title: 'CIO', department: 'IT', buyingRole: 'decision-maker', stance: 'champion',
    influence: 'high', innerCircle: true, favoredCompetitor: 'NorthBridge', ownerIds: ['alice', 'bob'], position: { x: 0, y: 0 },
  })
  .withStakeholder('tom', { name: 'Tom Berg', title: 'Architect', department: 'IT', stance: 'opponent', influence: 'low', position: { x: 0, y: 250 } })
  .withLink('tom', 'li')
  .build()

function renderMap() {
  return render(
    <ReactFlowProvider>
      <div style={{ width: '1000px', height: '800px' }}>
        <StakeholderMap />
      </div>
    </ReactFlowProvider>,
  )
}

describe('stakeholder card', () => {
  beforeEach(async () => {
    await openDeal(deal, roster)
  })

  it('shows who the person is, their role, stance, influence, owners and favoured competitor', async () => {
    renderMap()
    const node = await screen.findByRole('group', { name: 'Li Wei' }).catch(() => screen.findByLabelText('Li Wei'))
    const card = within(node).getByTestId('stakeholder-card')
    expect(card.textContent).toContain('Li Wei')
    expect(card.textContent).toContain('CIO')
    expect(card.textContent).toContain('IT')
    expect(card.textContent).toContain('Decides') // buying role badge label
    expect(card.textContent).toContain('Champion') // stance in words, next to its shape
    expect(card.querySelector('.stance-icon.stance-champion')).not.toBeNull()
    expect(card.className).toContain('influence-high')
    expect(within(card).getAllByText('Inner circle').length).toBeGreaterThan(0)
    expect(card.textContent).toContain('NorthBridge')
    expect(within(card).getByTitle('Alice Wong').textContent).toContain('AW')
    expect(within(card).getByTitle('Bob Stone').textContent).toContain('BS')
  })

  it('marks a low-influence opponent differently from a high-influence champion', async () => {
    renderMap()
    const tom = within(await screen.findByLabelText('Tom Berg')).getByTestId('stakeholder-card')
    expect(tom.className).toContain('influence-low')
    expect(tom.className).toContain('stance-opponent')
    expect(tom.querySelector('.stance-icon.stance-opponent')).not.toBeNull()
    expect(tom.className).not.toContain('inner-circle')
  })

  it('dims cards that do not match a filter', async () => {
    renderMap()
    await screen.findByLabelText('Tom Berg')
    act(() => useUiStore.getState().setFilters({ stances: ['champion'], buyingRoles: [], departments: [], influences: [] }))
    const tom = within(screen.getByLabelText('Tom Berg')).getByTestId('stakeholder-card')
    const li = within(screen.getByLabelText('Li Wei')).getByTestId('stakeholder-card')
    expect(tom.className).toContain('dimmed')
    expect(li.className).not.toContain('dimmed')
  })
})
