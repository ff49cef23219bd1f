import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { render, screen } from '@testing-library/react'
import { ReactFlowProvider } from '@xyflow/react'
import { DEFAULT_SETTINGS } from '@shared/model'
import { StakeholderMap } from '../../../renderer/map/StakeholderMap'
import { MapStatusBadge } from '../../../renderer/insights/MapStatusBadge'
import { analysisOf } from '../../../renderer/state/use-deal-analysis'
import { useWorkspaceStore } from '../../../renderer/state/workspace-store'
import { generateDeal } from '../../fixtures/generate-large-deal'
import { openDeal } from './helpers'

const file = generateDeal({ stakeholders: 400, links: 800, seed: 7 })

/** A 2D context that does nothing, so the canvas layer can say what it drew. */
const quietContext = () => new Proxy({}, { get: (_t, key) => (key === 'measureText' ? () => ({ width: 10 }) : () => undefined), set: () => true })

/**
 * Opening a large deal, the map's first frame does not wait for the deal's analysis
 * (docs/performance.md, "Open, part 3"): the far-out canvas draws every card, and the map
 * status (and the strengths the DOM cards would show) follow in the next frame, the same as
 * they were.
 */
describe('a large deal opening', () => {
  beforeEach(async () => {
    await openDeal(file.deal, file.roster)
    useWorkspaceStore.setState({ settings: DEFAULT_SETTINGS, deals: [] })
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(() => ({ x: 0, y: 0, left: 0, top: 0, right: 1200, bottom: 800, width: 1200, height: 800, toJSON: () => ({}) }) as DOMRect)
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(quietContext as never)
  })
  afterEach(() => vi.restoreAllMocks())

  it('draws every card in the first frame, and shows the map status in the next', async () => {
    const { container } = render(
      <ReactFlowProvider>
        <MapStatusBadge />
        <StakeholderMap />
      </ReactFlowProvider>,
    )
    // The first frame, as committed: the whole map drawn, the status not yet there.
    expect(container.querySelector<HTMLCanvasElement>('[data-testid="map-canvas-layer"]')!.dataset.drawnCards).toBe('400')
    expect(screen.queryByTestId('map-status')).toBeNull()

    const status = await screen.findByTestId('map-status')
    const { roster, deals, settings } = useWorkspaceStore.getState()
    expect(status.dataset.status).toBe(analysisOf(file.deal, { roster, deals, settings }).mapStatus)
  })
})
