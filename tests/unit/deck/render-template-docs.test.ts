import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { applyTemplate } from '@shared/deck/template'
import { mapSvg } from '@shared/image/map-svg'
import { sampleWorkspace } from '@shared/sample-deal'
import { rasterizeSvg } from '../../../electron/main/export/map-png'
import { chineseDeal } from './chinese-deal'
import { deckOf, TODAY } from './deck-helpers'
import { pdfPages, toPdf } from '../../fixtures/office'

/**
 * Renders, for docs/slides.md: the sample deal's deck in the sample company template
 * (docs/slides/template/slide-N.png, through LibreOffice) and the map's pictures
 * (docs/images/map-*.svg|png, the app's and the CLI's SVG and PNG). Not part of the normal run:
 *   RENDER_DOCS=1 npx vitest run --project unit tests/unit/deck/render-template-docs.test.ts
 */
const DOCS = join(import.meta.dirname, '../../../docs')
const TEMPLATE = join(import.meta.dirname, '../../fixtures/templates/sample-corp.pptx')

describe.skipIf(!process.env.RENDER_DOCS)('docs pictures of the template and the map images (RENDER_DOCS=1)', () => {
  it('renders the sample deck in the sample template', async () => {
    const { deal, roster } = sampleWorkspace(TODAY)
    const work = mkdtempSync(join(tmpdir(), 'template-docs-'))
    const out = join(DOCS, 'slides', 'template')
    try {
      const deck = await applyTemplate(await deckOf(deal, roster), new Uint8Array(readFileSync(TEMPLATE)))
      mkdirSync(out, { recursive: true })
      writeFileSync(join(work, 'themed.pptx'), deck)
      const [pdf] = await toPdf([join(work, 'themed.pptx')], work)
      pdfPages(pdf, join(work, 'slide'), 60)
      for (const old of readdirSync(out)) if (/^slide-\d+\.png$/.test(old)) rmSync(join(out, old))
      const pngs = readdirSync(work).filter((f) => /^slide-\d+\.png$/.test(f))
      for (const png of pngs) renameSync(join(work, png), join(out, `slide-${Number(/(\d+)/.exec(png)![1])}.png`))
      expect(pngs.length).toBeGreaterThan(4)
    } finally {
      rmSync(work, { recursive: true, force: true })
    }
  }, 120_000)

  it('renders the map pictures in English and Chinese', async () => {
    const images = join(DOCS, 'images')
    mkdirSync(images, { recursive: true })
    const sample = sampleWorkspace(TODAY)
    const zh = chineseDeal()
    for (const [name, input] of [
      ['map-sample', { deal: sample.deal, roster: sample.roster, language: 'en' as const, today: TODAY }],
      ['map-zh-CN', { deal: zh.deal, roster: zh.roster, language: 'zh-CN' as const, today: TODAY }],
    ] as const) {
      const image = mapSvg(input)
      writeFileSync(join(images, `${name}.svg`), image.svg)
      writeFileSync(join(images, `${name}.png`), (await rasterizeSvg(image.svg, image)).png)
    }
    expect(readdirSync(images).length).toBeGreaterThanOrEqual(4)
  })
})
