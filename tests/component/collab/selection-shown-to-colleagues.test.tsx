import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { SearchBox } from '../../../renderer/map/SearchBox'
import { useDealStore, type SharedSink } from '../../../renderer/state/deal-store'
import { aDeal } from '../../fixtures/builders'
import { openDealInStores } from '../relationships-helpers'

function sharedSink() {
  return { apply: vi.fn(async () => undefined), undo: vi.fn(async () => null), redo: vi.fn(async () => null), select: vi.fn((ids: string[]) => void ids), canUndo: false, canRedo: false } satisfies SharedSink
}

/**
 * A colleague sees whom you picked however you picked them (docs/collaboration-app.md:
 * "Colleagues' selections are outlined on the map"): the search box, a finding's "show on
 * map", a line of the comparison: they select by focusing, not by a click on the card.
 */
describe('a shared deal tells colleagues whom you selected', () => {
  afterEach(() => useDealStore.getState().setSharedSink(null))

  it('sends the person picked with the search box to the team, as a click on the card does', async () => {
    openDealInStores(aDeal().named('Northwind rollout', 'Northwind').withStakeholder('grace', { name: 'Grace Liu', title: 'CIO' }).withStakeholder('omar', { name: 'Omar Haddad' }).build(), [])
    const sink = sharedSink()
    useDealStore.getState().setSharedSink(sink)
    render(<SearchBox />)
    const box = screen.getByRole('combobox')
    fireEvent.change(box, { target: { value: 'Grace' } })
    await act(async () => {
      fireEvent.keyDown(box, { key: 'Enter' })
    })
    expect(useDealStore.getState().selection).toEqual(['grace'])
    expect(sink.select).toHaveBeenLastCalledWith(['grace'])
  })

  it('sends a focus on people already selected only once', () => {
    openDealInStores(aDeal().withStakeholder('grace', { name: 'Grace Liu' }).build(), [])
    const sink = sharedSink()
    useDealStore.getState().setSharedSink(sink)
    useDealStore.getState().focus(['grace'])
    useDealStore.getState().focus(['grace'])
    expect(sink.select).toHaveBeenCalledTimes(1)
  })
})
