import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sampleWorkspace } from '@shared/sample-deal'
import { deckOf, TODAY } from './deck-helpers'

/**
 * Renders the sample deal's deck to docs/slides/slide-N.png through LibreOffice, for the
 * README. Not part of the normal run:
 *   RENDER_DOCS=1 npx vitest run --project unit tests/unit/deck/render-docs.test.ts
 */
const OUT = join(import.meta.dirname, '../../../docs/slides')

describe.skipIf(!process.env.RENDER_DOCS)('docs/slides renders (RENDER_DOCS=1)', () => {
  it('renders every slide of the sample deck', async () => {
    const { deal, roster } = sampleWorkspace(TODAY)
    const work = mkdtempSync(join(tmpdir(), 'deck-docs-'))
    try {
      const changes = [
        'Stage moved from Qualify to Propose',
        'Daniel Okafor (CIO) moved from neutral to supporter',
        'Chen Wei took the project seat and leads the pursuit',
        'New stakeholder: Marcus Hill, Vendor Manager',
      ]
      const deck = await deckOf(deal, roster, { changes })
      mkdirSync(OUT, { recursive: true })
      writeFileSync(join(work, 'sample.pptx'), deck)
      writeFileSync(join(OUT, 'sample-deck.pptx'), deck)
      execFileSync('soffice', [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', work, join(work, 'sample.pptx')], { stdio: 'pipe' })
      execFileSync('pdftoppm', ['-png', '-r', '60', join(work, 'sample.pdf'), join(work, 'slide')])
      for (const old of readdirSync(OUT)) if (/^slide-\d+\.png$/.test(old)) rmSync(join(OUT, old))
      const pngs = readdirSync(work).filter((f) => /^slide-\d+\.png$/.test(f))
      // pdftoppm pads page numbers (slide-01.png); the docs use slide-1.png.
      for (const png of pngs) renameSync(join(work, png), join(OUT, `slide-${Number(/(\d+)/.exec(png)![1])}.png`))
      expect(pngs.length).toBeGreaterThan(4)
    } finally {
      rmSync(work, { recursive: true, force: true })
    }
  }, 120_000)
})
