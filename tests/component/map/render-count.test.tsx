import { beforeEach, describe, expect, it, vi } from 'vitest'
import { act, render } from '@testing-library/react'
import { ReactFlowProvider } from '@xyflow/react'
import { StakeholderMap } from '../../../renderer/map/StakeholderMap'
import { useDealStore } from '../../../renderer/state/deal-store'
import { generateDeal } from '../../fixtures/generate-large-deal'
import { openDeal } from './helpers'

// Every card render renders its strength slot once with its id: a plain (unmemoised)
// stand-in records which cards rendered.
const renders = vi.hoisted(() => ({ ids: [] as string[] }))
vi.mock('../../../renderer/map/StrengthSlot', () => ({
  StrengthSlot: ({ stakeholderId }: { stakeholderId: string }) => {
    renders.ids.push(stakeholderId)
    return null
  },
}))

/** A mouse event whose `view` is the window (d3-drag listens on event.view). */
function mouse(target: EventTarget, type: string, clientX: number, clientY: number): void {
  const event = new MouseEvent(type, { bubbles: true, cancelable: true, clientX, clientY, button: 0 })
  Object.defineProperty(event, 'view', { value: window })
  act(() => {
    target.dispatchEvent(event)
  })
}

const file = generateDeal({ stakeholders: 150, links: 300, seed: 7 })

describe('map rendering at scale', () => {
  beforeEach(async () => {
    await openDeal(file.deal, file.roster)
  })

  it('dragging one card re-renders at most two card components', { timeout: 60_000 }, async () => {
    const { container } = render(
      <ReactFlowProvider>
        <StakeholderMap />
      </ReactFlowProvider>,
    )
    await act(() => new Promise((r) => setTimeout(r, 50))) // let React Flow measure the cards
    const id = file.deal.stakeholders[0].id
    const node = container.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`)!
    expect(node).not.toBeNull()
    const before = useDealStore.getState().deal!.stakeholders[0].position

    renders.ids = []
    mouse(node, 'mousedown', 10, 10)
    for (let step = 1; step <= 10; step++) mouse(window, 'mousemove', 10 + step * 8, 10 + step * 5)
    mouse(window, 'mouseup', 90, 60)
    await act(() => new Promise((r) => setTimeout(r, 0)))

    const after = useDealStore.getState().deal!.stakeholders[0].position
    expect(after).not.toEqual(before) // the drag really moved the card
    // The dragged card re-renders as it moves; no other card may (at most two components).
    const rendered = new Set(renders.ids)
    expect(rendered.has(id)).toBe(true)
    expect(rendered.size).toBeLessThanOrEqual(2)
    // And the whole drag is one undo step.
    act(() => useDealStore.getState().undo())
    expect(useDealStore.getState().deal!.stakeholders[0].position).toEqual(before)
  })
})
