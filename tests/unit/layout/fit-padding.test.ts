import { describe, expect, it } from 'vitest'
import { fitPadding, FIT_MARGIN } from '../../../renderer/map/fit-padding'

const canvas = { width: 1000, height: 700 }
// The legend at the bottom left (60 px in, 12 px up, 230 × 170), the minimap at the bottom right.
const legend = { x: 60, y: 700 - 12 - 170, width: 230, height: 170 }
const minimap = { x: 1000 - 15 - 200, y: 700 - 15 - 150, width: 200, height: 150 }

describe('fit padding round the overlays', () => {
  it('a wide chart gives up height: both bottom corners become one bottom band', () => {
    const pad = fitPadding(canvas, [legend, minimap], { width: 2000, height: 600 })
    expect(pad.bottom).toBe(12 + 170 + FIT_MARGIN)
    expect(pad.left).toBe(FIT_MARGIN)
    expect(pad.right).toBe(FIT_MARGIN)
  })

  it('a tall chart gives up width: the overlays become side bands', () => {
    const pad = fitPadding(canvas, [legend, minimap], { width: 400, height: 2000 })
    expect(pad.bottom).toBe(FIT_MARGIN)
    expect(pad.left).toBe(60 + 230 + FIT_MARGIN)
    expect(pad.right).toBe(15 + 200 + FIT_MARGIN)
  })

  it('ignores folded (empty) and off-canvas overlays', () => {
    const pad = fitPadding(canvas, [{ x: 10, y: 10, width: 0, height: 0 }, { x: 2000, y: 0, width: 50, height: 50 }], { width: 100, height: 100 })
    expect(pad).toEqual({ top: FIT_MARGIN, right: FIT_MARGIN, bottom: FIT_MARGIN, left: FIT_MARGIN })
  })
})
