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

/**
 * Median CPU times (user + system) of several tasks, run in turns: on a busy shared machine
 * wall-clock time measures the neighbours, CPU time measures the work.
 */
async function interleaved(tasks: Record<string, () => Promise<unknown>>, rounds = 7): Promise<Record<string, number>> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(tasks).map((k) => [k, []]))
  const wall: Record<string, number[]> = Object.fromEntries(Object.keys(tasks).map((k) => [k, []]))
  for (const run of Object.values(tasks)) await run()
  for (let i = 0; i < rounds; i++) {
    for (const [name, run] of Object.entries(tasks)) {
      const start = process.cpuUsage()
      const startWall = performance.now()
      await run()
      wall[name].push(performance.now() - startWall)
      const used = process.cpuUsage(start)
      times[name].push((used.user + used.system) / 1000)
    }
  }
  const median = (v: number[]) => v.sort((a, b) => a - b)[Math.floor(v.length / 2)]
  for (const name of Object.keys(tasks)) console.log(`${name}: wall-clock median ${median(wall[name]).toFixed(0)} ms`)
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]))
}

describe.skipIf(!process.env.DECK_BENCH)('deck benchmark (DECK_BENCH=1)', () => {
  it('1,000 stakeholders', async () => {
    const file = generateDeal({ stakeholders: 1000, seed: 3, today: TODAY })
    const links = file.deal.links.length
    const analysis = analyzeDeal(file.deal, file.roster, [], TODAY)
    const input = { deal: file.deal, roster: file.roster, analysis, language: 'en' as const, today: TODAY }
    const median = await interleaved({
      'deck, map slides only': () => buildDeck({ ...input, slides: ['map'] }),
      'deck, every slide': () => buildDeck({ ...input, slides: SLIDE_IDS }),
      [`bare pptxgenjs, 1000 shapes + ${links} lines`]: () => bare(1000, links),
      'analysis (not part of the deck)': async () => analyzeDeal(file.deal, file.roster, [], TODAY),
    })
    for (const [name, ms] of Object.entries(median)) console.log(`${name}: median ${ms.toFixed(0)} ms CPU`)
    const floor = median[`bare pptxgenjs, 1000 shapes + ${links} lines`]
    console.log(`ratio map/bare ${(median['deck, map slides only'] / floor).toFixed(2)}, full/bare ${(median['deck, every slide'] / floor).toFixed(2)}`)
  })
})
