import { describe, expect, it, beforeEach } from 'vitest'
import { act, fireEvent, render, screen } from '@testing-library/react'
import { reportsToCycleMembers } from '@shared/reports-to'
import { ConnectionPopover } from '../../../renderer/map/ConnectionPopover'
import { CycleWarning } from '../../../renderer/map/CycleWarning'
import { connectStakeholders, useConnectionPopover } from '../../../renderer/map/connect'
import { useDealStore } from '../../../renderer/state/deal-store'
import { aDeal } from '../../fixtures/builders'
import { openDeal } from './helpers'

// Ben reports to Ana. Drawing from Ben's card onto Ana's would, read as reports-to, make a loop.
const deal = aDeal('d')
  .withStakeholder('ana', { name: 'Ana Silva', position: { x: 0, y: 0 } })
  .withStakeholder('ben', { name: 'Ben Okafor', position: { x: 400, y: 0 } })
  .withLink('ben', 'ana')
  .build()

/** Every deal the store held since the start, so a loop that existed for one render is caught. */
function recordLoops(): () => boolean {
  let looped = false
  const stop = useDealStore.subscribe((s) => {
    if (s.deal && reportsToCycleMembers(s.deal.links).size > 0) looped = true
  })
  return () => {
    stop()
    return looped
  }
}

describe('choosing the kind of a line just drawn', () => {
  beforeEach(async () => {
    useConnectionPopover.setState({ pending: null })
    await openDeal(deal)
  })

  const renderBoth = () => render(<><CycleWarning /><ConnectionPopover /></>)

  it('no reports-to loop warning flashes while the kind is still being chosen; the line is made once, as an ally', () => {
    renderBoth()
    const looped = recordLoops()
    act(() => connectStakeholders('ben', 'ana'))
    expect(screen.getByTestId('connection-popover')).toBeTruthy()
    expect(screen.queryByTestId('cycle-warning')).toBeNull()
    expect(useDealStore.getState().deal?.links).toHaveLength(1) // nothing drawn yet
    fireEvent.click(screen.getByTestId('connect-kind-ally'))
    expect(screen.queryByTestId('connection-popover')).toBeNull()
    expect(screen.queryByTestId('cycle-warning')).toBeNull()
    expect(looped()).toBe(false)
    const links = useDealStore.getState().deal?.links ?? []
    expect(links.map((l) => `${l.from}→${l.to}:${l.kind}`)).toEqual(['ben→ana:reports-to', 'ben→ana:ally'])
    // One undo step takes the line away.
    act(() => useDealStore.getState().undo())
    expect(useDealStore.getState().deal?.links).toHaveLength(1)
  })

  it('Esc cancels: no line is made', () => {
    renderBoth()
    const before = useDealStore.getState().deal
    act(() => connectStakeholders('ben', 'ana'))
    fireEvent.keyDown(window, { key: 'Escape' })
    expect(screen.queryByTestId('connection-popover')).toBeNull()
    expect(useDealStore.getState().deal).toBe(before)
  })

  it('choosing reports-to makes the line then, and only then is the loop reported', () => {
    renderBoth()
    act(() => connectStakeholders('ben', 'ana'))
    expect(screen.queryByTestId('cycle-warning')).toBeNull()
    fireEvent.click(screen.getByTestId('connect-kind-reports-to'))
    expect(screen.getByTestId('cycle-warning')).toBeTruthy()
  })
})

describe('an influence line, which has a direction', () => {
  beforeEach(async () => {
    useConnectionPopover.setState({ pending: null })
    await openDeal(deal)
  })

  // Dragged from a card's top dot, the pending line is turned round (the drop card is the upper
  // end, as for reports-to), so the popover must offer influence both ways round or the user
  // who drew "Ben influences Ana" could only make "Ana influences Ben".
  it('is offered both ways round, and the one chosen is the one made', () => {
    render(<ConnectionPopover />)
    act(() => connectStakeholders('ana', 'ben'))
    expect(screen.getByTestId('connect-kind-influences').textContent).toBe('Ana Silva influences Ben Okafor')
    expect(screen.getByTestId('connect-kind-influences-reversed').textContent).toBe('Ben Okafor influences Ana Silva')
    fireEvent.click(screen.getByTestId('connect-kind-influences-reversed'))
    const links = useDealStore.getState().deal?.links ?? []
    expect(links.filter((l) => l.kind === 'influences').map((l) => `${l.from}→${l.to}`)).toEqual(['ben→ana'])
  })
})
