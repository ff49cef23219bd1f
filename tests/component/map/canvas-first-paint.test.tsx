import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { act, render } from '@testing-library/react'
import { ReactFlowProvider } from '@xyflow/react'
import { StakeholderMap } from '../../../renderer/map/StakeholderMap'
import { generateDeal } from '../../fixtures/generate-large-deal'
import { openDeal } from './helpers'

// Only the reports-to tree: no sideways line waits to be routed, so nothing after the open
// changes the scene and every painting of it is the open's own.
const file = generateDeal({ stakeholders: 400, links: 399, seed: 7 })

/** A 2D context that counts the cards it is asked to draw (`rect`), enough for paintScene. */
function countingContexts(): { cardsDrawn: () => number } {
  let rects = 0
  const contexts = new WeakMap<HTMLCanvasElement, CanvasRenderingContext2D>()
  const contextOf = (canvas: HTMLCanvasElement) => {
    let ctx = contexts.get(canvas)
    if (!ctx) {
      ctx = new Proxy({} as Record<string | symbol, unknown>, {
        get(target, key) {
          if (key === 'canvas') return canvas
          if (key in target) return target[key]
          if (key === 'measureText') return () => ({ width: 10 })
          return (...args: unknown[]) => {
            if (key === 'rect' && args.length === 4) rects++
          }
        },
        set(target, key, value) {
          target[key] = value
          return true
        },
      }) as unknown as CanvasRenderingContext2D
      contexts.set(canvas, ctx)
    }
    return ctx
  }
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
    return contextOf(this) as never
  })
  return { cardsDrawn: () => rects }
}

/**
 * The open of a large map paints its scene once (docs/performance.md, "Open, part 3"): the
 * canvas layer drew the fitted map synchronously, and on the same mount cleared its picture
 * for a "theme change" and painted all of it again in the next frame, on the open's critical
 * path.
 */
describe('the far-out canvas when a large map opens', () => {
  beforeEach(async () => {
    await openDeal(file.deal, file.roster)
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(() => ({ x: 0, y: 0, left: 0, top: 0, right: 1200, bottom: 800, width: 1200, height: 800, toJSON: () => ({}) }) as DOMRect)
  })
  afterEach(() => vi.restoreAllMocks())

  it('paints every card once, not twice', async () => {
    const counter = countingContexts()
    const { container } = render(
      <ReactFlowProvider>
        <StakeholderMap />
      </ReactFlowProvider>,
    )
    // Several frames: a second painting would be scheduled for the next one.
    await act(() => new Promise((r) => setTimeout(r, 200)))
    const canvas = container.querySelector<HTMLCanvasElement>('[data-testid="map-canvas-layer"]')!
    expect(canvas.dataset.drawnCards).toBe('400')
    expect(counter.cardsDrawn()).toBe(400)
  })

  it('paints again when the theme changes', async () => {
    const counter = countingContexts()
    render(
      <ReactFlowProvider>
        <StakeholderMap />
      </ReactFlowProvider>,
    )
    await act(() => new Promise((r) => setTimeout(r, 200)))
    const before = counter.cardsDrawn()
    // The theme switch is rendered when this act ends; its painting comes in a later frame.
    await act(async () => {
      document.documentElement.dataset.theme = 'dark'
    })
    await act(() => new Promise((r) => setTimeout(r, 200)))
    delete document.documentElement.dataset.theme
    expect(counter.cardsDrawn()).toBe(before + 400)
  })
})
