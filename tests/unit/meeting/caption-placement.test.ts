import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { placeCaption, type ScreenRect } from '../../../renderer/meeting/caption-placement'

const overlap = (a: ScreenRect, b: ScreenRect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
const stage = { width: 1280, height: 650 }
const caption = { width: 560, height: 300 }

describe('where the meeting caption goes', () => {
  it('bottom left when the spotlight and its neighbours are elsewhere', () => {
    expect(placeCaption({ stage, caption, spotlight: { x: 800, y: 150, width: 270, height: 145 }, neighbours: [] }).spot).toBe('bottom-left')
  })

  it('moves off the spotlit card to a free corner', () => {
    const p = placeCaption({ stage, caption, spotlight: { x: 100, y: 400, width: 270, height: 145 }, neighbours: [] })
    expect(p.coversSpotlight).toBe(0)
    expect(overlap({ ...p, ...caption }, { x: 100, y: 400, width: 270, height: 145 })).toBe(false)
  })

  it('avoids the neighbours too when a place allows it', () => {
    const spotlight = { x: 100, y: 40, width: 270, height: 145 } // top left
    const neighbours = [{ x: 100, y: 450, width: 270, height: 145 }, { x: 900, y: 450, width: 270, height: 145 }] // both bottom corners
    const p = placeCaption({ stage, caption, spotlight, neighbours })
    expect(p.spot).toBe('top-right')
  })

  it('for any spotlit card that leaves room for the caption beside it, never covers it', () => {
    fc.assert(
      fc.property(
        fc.record({ x: fc.integer({ min: 0, max: 1000 }), y: fc.integer({ min: 0, max: 500 }) }),
        fc.array(fc.record({ x: fc.integer({ min: 0, max: 1100 }), y: fc.integer({ min: 0, max: 550 }) }), { maxLength: 6 }),
        (at, others) => {
          const spotlight = { ...at, width: 270, height: 145 }
          // Room on some side of the card, inside an 8 px margin and a 12 px gap.
          const room = spotlight.x - 20 >= caption.width || stage.width - (spotlight.x + 270) - 20 >= caption.width ||
            spotlight.y - 20 >= caption.height || stage.height - (spotlight.y + 145) - 20 >= caption.height
          fc.pre(room)
          const neighbours = others.map((o) => ({ ...o, width: 270, height: 145 }))
          const p = placeCaption({ stage, caption, spotlight, neighbours })
          expect(overlap({ ...p, ...caption }, spotlight)).toBe(false)
        },
      ),
      { numRuns: 500 },
    )
  })
})
