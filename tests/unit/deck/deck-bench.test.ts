import PptxGenJS from 'pptxgenjs'
import { describe, it } from 'vitest'
import { generateDeal } from '../../fixtures/generate-large-deal'
import { analyzeDeal } from '@shared/analysis'
import { buildDeck, SLIDE_IDS } from '@shared/deck'
import { TODAY } from './deck-helpers'

/**
 * How long a 1,000-stakeholder deck takes, against bare pptxgenjs writing the same number of
 * shapes and lines (the floor any deck builder on pptxgenjs pays). Prints; asserts nothing
 * about time. Run: DECK_BENCH=1 npx vitest run --project unit tests/unit/deck/deck-bench.test.ts
 */
async function bare(shapes: number, lines: number): Promise<Uint8Array> {
  const pres = new PptxGenJS()
  pres.layout = 'LAYOUT_WIDE'
  const perSlide = 36
  for (let i = 0; i < shapes; i += perSlide) {
    const slide = pres.addSlide()
    for (let j = i; j < Math.min(shapes, i + perSlide); j++) {
      // Formatted as the deck's cards: three runs of 9 pt Arial in a filled, bordered box.
      const run = { fontFace: 'Arial', fontSize: 9, color: '000000' }
      slide.addText(
        [
          { text: `✓ Person ${j} ★`, options: { ...run, bold: true, breakLine: true } },
          { text: 'Head of Something', options: { ...run, breakLine: true } },
          { text: 'Technical evaluator · AB, CD', options: run },
        ],
        {
          shape: 'roundRect', rectRadius: 0.08, x: (j % 6) * 2, y: Math.floor((j % perSlide) / 6), w: 1.7, h: 0.68,
          fill: { color: '56B4E9' }, line: { color: '1A1A1A', width: 1.5 }, margin: 3, valign: 'middle', objectName: `Stakeholder ${j}`,
        },
      )
    }
    for (let k = 0; k < Math.round((lines * perSlide) / shapes); k++) {
      slide.addShape('line', { x: 1, y: 1, w: 2, h: 1, line: { color: '0072B2', width: 1.25, dashType: 'dash', endArrowType: 'triangle' } })
    }
  }
  return (await pres.write({ outputType: 'uint8array', compression: true })) as Uint8Array
}

async function timed<T>(label: string, run: () => Promise<T>, repeats = 5): Promise<number> {
  await run()
  const times: number[] = []
  for (let i = 0; i < repeats; i++) {
    const start = performance.now()
    await run()
    times.push(performance.now() - start)
  }
  const median = times.sort((a, b) => a - b)[Math.floor(repeats / 2)]
  console.log(`${label}: median ${median.toFixed(0)} ms`)
  return median
}

describe.skipIf(!process.env.DECK_BENCH)('deck benchmark (DECK_BENCH=1)', () => {
  it('1,000 stakeholders', async () => {
    const file = generateDeal({ stakeholders: 1000, seed: 3, today: TODAY })
    const links = file.deal.links.length
    const analysis = analyzeDeal(file.deal, file.roster, [], TODAY)
    const input = { deal: file.deal, roster: file.roster, analysis, language: 'en' as const, today: TODAY }
    await timed('analysis (not part of the deck)', async () => analyzeDeal(file.deal, file.roster, [], TODAY))
    const map = await timed('deck, map slides only', () => buildDeck({ ...input, slides: ['map'] }))
    const full = await timed('deck, every slide', () => buildDeck({ ...input, slides: SLIDE_IDS }))
    const floor = await timed(`bare pptxgenjs, 1000 shapes + ${links} lines`, () => bare(1000, links))
    console.log(`ratio map/bare ${(map / floor).toFixed(2)}, full/bare ${(full / floor).toFixed(2)}`)
  })
})
