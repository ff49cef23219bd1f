import { describe, expect, it } from 'vitest'
import type { Rect } from '@shared/edge-routing'
import { labelSizeOf, placeLineLabel } from '@shared/line-label-place'

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
const boxOf = (c: { x: number; y: number }, s: { width: number; height: number }): Rect => ({ x: c.x - s.width / 2, y: c.y - s.height / 2, ...s })

describe('a line label is placed off the cards the line joins', () => {
  const size = labelSizeOf('ex-colleague')
  it('between two cards far apart it sits just above the middle of the line, as before', () => {
    const a = { x: 0, y: 0, width: 200, height: 100 }, b = { x: 500, y: 0, width: 200, height: 100 }
    const at = placeLineLabel([{ x: 200, y: 50 }, { x: 500, y: 50 }], size, [a, b])
    expect(at.x).toBe(350)
    expect(at.y + size.height / 2).toBeLessThanOrEqual(50)
  })
  it('between two cards closer than the label is wide it is lifted over the gap, covering neither card', () => {
    const a = { x: 0, y: 0, width: 216, height: 116 }, b = { x: 256, y: 0, width: 216, height: 116 }
    const at = placeLineLabel([{ x: 216, y: 58 }, { x: 256, y: 58 }], size, [a, b])
    expect(overlaps(boxOf(at, size), a) || overlaps(boxOf(at, size), b)).toBe(false)
    expect(at.x).toBe(236)
  })
  it('on a line with a long leg and a short one it sits on the long leg, outside both cards', () => {
    const a = { x: 0, y: 0, width: 200, height: 100 }, b = { x: 230, y: 300, width: 200, height: 100 }
    const route = [{ x: 200, y: 50 }, { x: 215, y: 50 }, { x: 215, y: 350 }, { x: 230, y: 350 }]
    const at = placeLineLabel(route, size, [a, b])
    expect(overlaps(boxOf(at, size), a) || overlaps(boxOf(at, size), b)).toBe(false)
    expect(at.y).toBeGreaterThan(100)
    expect(at.y).toBeLessThan(300)
  })
  it('a Chinese label is measured wider per character than a Latin one', () => {
    expect(labelSizeOf('前同事').width).toBeGreaterThan(labelSizeOf('abc').width)
  })
})
