import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { act, render } from '@testing-library/react'
import { ReactFlowProvider } from '@xyflow/react'
import { StakeholderMap } from '../../../renderer/map/StakeholderMap'
import { generateDeal } from '../../fixtures/generate-large-deal'
import { openDeal } from './helpers'

const file = generateDeal({ stakeholders: 400, links: 800, seed: 7 })

/**
 * A large map opens fitted and far out, so its first frame is the canvas layer
 * (docs/performance.md, "Open, part 2"): React Flow must never mount the 400 DOM cards that
 * the canvas replaces (a frame of them at zoom 1 was most of the open's render time).
 */
describe('opening a large map', () => {
  beforeEach(async () => {
    await openDeal(file.deal, file.roster)
    // jsdom lays nothing out: the map's area is a 1200 × 800 window.
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(() => ({ x: 0, y: 0, left: 0, top: 0, right: 1200, bottom: 800, width: 1200, height: 800, toJSON: () => ({}) }) as DOMRect)
  })
  afterEach(() => vi.restoreAllMocks())

  it('mounts no DOM card: the first frame is already the fitted canvas', async () => {
    let mounted = 0
    const observer = new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) {
        if (!(n instanceof HTMLElement)) continue
        mounted += (n.matches('.react-flow__node-stakeholder') ? 1 : 0) + n.querySelectorAll('.react-flow__node-stakeholder').length
      }
    })
    observer.observe(document.body, { childList: true, subtree: true })
    const { container } = render(
      <ReactFlowProvider>
        <StakeholderMap />
      </ReactFlowProvider>,
    )
    await act(() => new Promise((r) => setTimeout(r, 50)))
    observer.disconnect()
    expect(container.querySelector('[data-testid="map-canvas-layer"]')).not.toBeNull()
    expect(mounted).toBe(0)
  })
})
