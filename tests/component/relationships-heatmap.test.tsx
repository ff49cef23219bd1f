import { act, fireEvent, render, screen } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { Heatmap } from '../../renderer/relationships/heatmap/Heatmap'
import { useDealStore } from '../../renderer/state/deal-store'
import { aDeal, aSeller, aStakeholder } from '../fixtures/builders'
import { openDealInStores, person } from './relationships-helpers'

const anna = aSeller('anna', { name: 'Anna' })
const ben = aSeller('ben', { name: 'Ben' })

function setup() {
  const deal = aDeal()
    .withStakeholder('cio', { name: 'Carla', buyingRole: 'decision-maker', stance: 'supporter' })
    .withRelationship('cio', anna, { value: 4, goodwill: 4, dignity: 4, presence: 4, depth: 4 }, { knownSince: '2015-01-01' })
    .withContact('cio', anna, '2026-03-01')
    .withStakeholder('cfo', { name: 'Bruno', buyingRole: 'approver' })
    .withRelationship('cfo', ben, { value: 1, goodwill: 1, dignity: 1, presence: 1, depth: 1 })
    .withStakeholder('arch', { name: 'Aiko' })
    .ownedBy('arch', anna)
    .withStakeholder('ops', { name: 'Dmitri' })
    .build()
  openDealInStores(deal, [anna, ben])
  return render(<Heatmap />)
}

const rowNames = () => screen.getAllByTestId('heatmap-row').map((r) => r.getAttribute('data-stakeholder-id'))
const cell = (stakeholderId: string, element: string) =>
  screen.getAllByTestId('heatmap-row').find((r) => r.getAttribute('data-stakeholder-id') === stakeholderId)!.querySelector<HTMLElement>(`[data-element="${element}"]`)!

describe('the relationship heatmap', () => {
  beforeEach(() => setup())

  it('lists one row per relationship, an owned person without one as not assessed, and an unowned person as a gap', () => {
    expect(rowNames()).toEqual(['cio', 'cfo', 'arch', 'ops'])
    const arch = screen.getAllByTestId('heatmap-row')[2]
    expect(arch.getAttribute('data-seller-id')).toBe('anna')
    expect(arch.querySelector('.hm-col-band [title="Not assessed yet"]')?.textContent).toBe('—')
    expect(screen.getAllByTestId('heatmap-row')[3].getAttribute('data-seller-id')).toBe('')
  })

  it('sorts by any column, and flips the order on a second click', () => {
    fireEvent.click(screen.getByTestId('sort-total'))
    expect(rowNames()).toEqual(['cio', 'cfo', 'arch', 'ops'])
    fireEvent.click(screen.getByTestId('sort-total'))
    expect(rowNames().slice(-2)).toEqual(['cfo', 'cio'])
    fireEvent.click(screen.getByTestId('sort-name'))
    expect(rowNames()).toEqual(['arch', 'cfo', 'cio', 'ops'])
    fireEvent.click(screen.getByTestId('sort-value'))
    expect(rowNames()[0]).toBe('cio')
  })

  it('marks derived cells (frequency, length) and edits a cell in place by typing a score', () => {
    expect(cell('cio', 'frequency').getAttribute('data-derived')).toBe('true')
    expect(cell('cio', 'value').getAttribute('data-derived')).toBe('false')
    fireEvent.click(cell('cfo', 'goodwill'))
    const body = screen.getByTestId('heatmap-body')
    fireEvent.keyDown(body, { key: '5' })
    expect(person('cfo').relationships[0].elements.goodwill).toBe(5)
    expect(cell('cfo', 'goodwill').textContent).toBe('5')
    // Arrow keys move to the next cell; + nudges it up.
    fireEvent.keyDown(body, { key: 'ArrowRight' })
    fireEvent.keyDown(body, { key: '+' })
    expect(person('cfo').relationships[0].elements.dignity).toBe(2)
  })

  it('overrides a derived cell, and Delete puts it back to derived', () => {
    fireEvent.click(cell('cio', 'length'))
    const body = screen.getByTestId('heatmap-body')
    fireEvent.keyDown(body, { key: '2' })
    expect(person('cio').relationships[0].elements.length).toBe(2)
    expect(cell('cio', 'length').className).toContain('override')
    fireEvent.keyDown(body, { key: 'Delete' })
    expect(person('cio').relationships[0].elements.length).toBeUndefined()
    expect(cell('cio', 'length').getAttribute('data-derived')).toBe('true')
    expect(useDealStore.getState().deal?.stakeholders).toHaveLength(4) // Delete never reached the map
  })

  it('creates the owner\'s relationship when a not-assessed row is scored; an unowned row is read-only', () => {
    fireEvent.click(cell('arch', 'depth'))
    fireEvent.keyDown(screen.getByTestId('heatmap-body'), { key: '3' })
    expect(person('arch').relationships).toEqual([expect.objectContaining({ sellerId: 'anna', elements: expect.objectContaining({ depth: 3 }) })])
    fireEvent.click(cell('ops', 'depth'))
    fireEvent.keyDown(screen.getByTestId('heatmap-body'), { key: '3' })
    expect(person('ops').relationships).toEqual([])
  })

  it('draws only the rows in view for a large deal', () => {
    const big = aDeal('big')
    for (let i = 0; i < 1000; i++) big.withStakeholder(aStakeholder(`p${i}`, { ownerIds: ['anna'] }))
    act(() => openDealInStores(big.build(), [anna]))
    expect(screen.getAllByTestId('heatmap-row').length).toBeLessThan(100)
    expect(screen.getByText(/1,?000 rows/)).toBeTruthy()
  })
})
