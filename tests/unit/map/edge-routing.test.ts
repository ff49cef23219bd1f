import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { facingSides, midpointOf, routeLateral, segmentCrossesRect, type Rect } from '@shared/edge-routing'

const card = (x: number, y: number): Rect => ({ x, y, width: 216, height: 116 })
const crossings = (route: ReturnType<typeof routeLateral>, others: Rect[]) =>
  route.slice(1).flatMap((q, i) => others.filter((r) => segmentCrossesRect(route[i], q, r)))

describe('lateral line routing', () => {
  it('two cards on one row face each other sideways', () => {
    expect(facingSides(card(0, 0), card(400, 0))).toEqual(['right', 'left'])
    expect(facingSides(card(400, 0), card(0, 20))).toEqual(['left', 'right'])
    expect(facingSides(card(0, 0), card(30, 300))).toEqual(['bottom', 'top'])
  })

  it('is a straight line between the facing sides when nothing is in the way', () => {
    expect(routeLateral(card(0, 0), card(400, 0), [])).toEqual([{ x: 216, y: 58 }, { x: 400, y: 58 }])
  })

  it('goes round a card standing between the two, not through it', () => {
    const middle = card(300, 0)
    const route = routeLateral(card(0, 0), card(600, 0), [middle])
    expect(route.length).toBeGreaterThan(2)
    expect(crossings(route, [middle])).toEqual([])
    expect(route[0]).toEqual({ x: 216, y: 58 })
    expect(route[route.length - 1]).toEqual({ x: 600, y: 58 })
  })

  it('for random layouts of cards, no segment of a line crosses a third card', () => {
    // Cards on a coarse grid with jitter never overlap, and keep at least 24 px between them.
    const layout = fc
      .uniqueArray(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 5 })), { minLength: 3, maxLength: 18, selector: ([c, r]) => `${c},${r}` })
      .chain((cells) => fc.tuple(fc.constant(cells), fc.array(fc.tuple(fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 24 })), { minLength: cells.length, maxLength: cells.length })))
      .map(([cells, jitter]) => cells.map(([c, r], i) => card(c * 264 + jitter[i][0], r * 164 + jitter[i][1])))
    fc.assert(
      fc.property(layout, fc.nat(), fc.nat(), (rects, i, j) => {
        const a = i % rects.length
        const b = (a + 1 + (j % (rects.length - 1))) % rects.length
        const others = rects.filter((_, k) => k !== a && k !== b)
        const route = routeLateral(rects[a], rects[b], others)
        expect(crossings(route, others)).toEqual([])
      }),
      { numRuns: 300 },
    )
  })

  it('puts the label halfway along the line', () => {
    expect(midpointOf([{ x: 0, y: 0 }, { x: 100, y: 0 }, { x: 100, y: 100 }])).toEqual({ x: 100, y: 0 })
  })
})
