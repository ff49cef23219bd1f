import { describe, expect, it } from 'vitest'
import { mapSvg } from '@shared/image/map-svg'
import { rasterizeSvg } from '../../../electron/main/export/map-png'
import { generateDeal } from '../../fixtures/generate-large-deal'
import { parseXmlStrictly } from '../deck/xml-parts'

describe('the picture of a 1,000-person map', () => {
  it('is drawn whole as SVG and rasterised to a PNG no larger than the pixel cap, off the main thread', async () => {
    const file = generateDeal({ stakeholders: 1000, links: 2000, seed: 7 })
    const image = mapSvg({ deal: file.deal, roster: file.roster, language: 'en', today: '2026-03-12' })
    expect(image.cards).toHaveLength(1000)
    const doc = parseXmlStrictly(image.svg, 'big.svg')
    expect(doc.getElementsByTagName('title').length).toBe(1001)
    let ticks = 0
    const timer = setInterval(() => void (ticks += 1), 5)
    const png = await rasterizeSvg(image.svg, image)
    clearInterval(timer)
    expect(png.width * png.height).toBeLessThanOrEqual(64_000_000)
    expect(png.scale).toBeGreaterThan(0)
    // The event loop kept turning while resvg drew: main keeps answering the page.
    expect(ticks).toBeGreaterThan(0)
  }, 120_000)
})
