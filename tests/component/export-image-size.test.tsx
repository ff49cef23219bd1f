import { describe, expect, it } from 'vitest'
import { imageScale, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE } from '../../renderer/export/image-size'
import { deckFileName, normalizeDeckFileName } from '../../renderer/export/file-names'

describe('the size of a map image', () => {
  it('keeps 2× for an ordinary map', () => {
    expect(imageScale(1836, 728)).toEqual({ pixelRatio: 2, reduced: false, width: 3672, height: 1456 })
  })

  it('draws a very wide map smaller so no side passes the browser limit, and says so', () => {
    const scale = imageScale(12_000, 2_000)
    expect(scale.reduced).toBe(true)
    expect(scale.width).toBeLessThanOrEqual(MAX_IMAGE_SIDE)
    expect(scale.pixelRatio).toBeLessThan(2)
  })

  it('draws a huge square map within the pixel budget', () => {
    const scale = imageScale(9_000, 9_000)
    expect(scale.reduced).toBe(true)
    expect(scale.width * scale.height).toBeLessThanOrEqual(MAX_IMAGE_PIXELS)
  })
})

describe('deck file names', () => {
  it('keep a name every OS accepts and end in .pptx', () => {
    expect(deckFileName('Atlas: "Phase 2" / EMEA', '2026-03-12')).toBe('Atlas Phase 2 EMEA – war room 2026-03-12.pptx')
    expect(normalizeDeckFileName('Board deck', 'x.pptx')).toBe('Board deck.pptx')
    expect(normalizeDeckFileName('Board deck.PPTX', 'x.pptx')).toBe('Board deck.pptx')
    expect(normalizeDeckFileName('   ', 'fallback.pptx')).toBe('fallback.pptx')
  })
})
