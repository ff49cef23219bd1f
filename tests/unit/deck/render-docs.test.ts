import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Deal, Language, Seller } from '@shared/model'
import { sampleWorkspace } from '@shared/sample-deal'
import { generateDeal } from '../../fixtures/generate-large-deal'
import { hospitalErpFile } from '../../fixtures/scenarios/hospital-erp'
import { deckOf, TODAY } from './deck-helpers'

/**
 * Renders decks to docs/slides/<deck>-<language>-N.png through LibreOffice, for the README:
 * the sample deal and the 20-person hospital map in English and Chinese, and the overview
 * of a 150-person deal. Not part of the normal run:
 *   RENDER_DOCS=1 npx vitest run --project unit tests/unit/deck/render-docs.test.ts
 */
const OUT = join(import.meta.dirname, '../../../docs/slides')

function render(deck: Uint8Array, prefix: string, pages?: { first: number; last: number }): number {
  const work = mkdtempSync(join(tmpdir(), 'deck-docs-'))
  try {
    writeFileSync(join(work, 'deck.pptx'), deck)
    execFileSync('soffice', [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', work, join(work, 'deck.pptx')], { stdio: 'pipe' })
    const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : []
    execFileSync('pdftoppm', ['-png', '-r', '50', ...range, join(work, 'deck.pdf'), join(work, 'slide')])
    for (const old of readdirSync(OUT)) if (old.startsWith(`${prefix}-`) && old.endsWith('.png')) rmSync(join(OUT, old))
    const pngs = readdirSync(work).filter((f) => /^slide-\d+\.png$/.test(f))
    // pdftoppm pads page numbers (slide-01.png); the docs use -1.png.
    for (const png of pngs) renameSync(join(work, png), join(OUT, `${prefix}-${Number(/(\d+)/.exec(png)![1])}.png`))
    return pngs.length
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

const CHANGES: Record<Language, string[]> = {
  en: ['Stage moved from Qualify to Propose', 'Daniel Okafor (CIO) moved from neutral to supporter', 'Chen Wei took the project seat and leads the pursuit'],
  'zh-CN': ['阶段从“资格确认”进入“方案”', 'Daniel Okafor（CIO）从中立转为支持', '陈伟担任攻击（项目）席位并牵头'],
}

describe.skipIf(!process.env.RENDER_DOCS)('docs/slides renders (RENDER_DOCS=1)', () => {
  mkdirSync(OUT, { recursive: true })
  const decks: Array<[string, () => { deal: Deal; roster: Seller[] }]> = [
    ['sample', () => sampleWorkspace(TODAY)],
    ['hospital', () => hospitalErpFile()],
  ]
  for (const [name, make] of decks) {
    for (const language of ['en', 'zh-CN'] as const) {
      it(`renders every slide of the ${name} deck in ${language}`, async () => {
        const { deal, roster } = make()
        const deck = await deckOf(deal, roster, { language, changes: CHANGES[language] })
        if (name === 'sample' && language === 'en') writeFileSync(join(OUT, 'sample-deck.pptx'), deck)
        expect(render(deck, `${name}-${language}`)).toBeGreaterThan(3)
      }, 120_000)
    }
  }

  it('renders the map slides of a 150-person deal', async () => {
    const { deal, roster } = generateDeal({ stakeholders: 150, seed: 7, today: TODAY })
    const deck = await deckOf(deal, roster, { slides: ['map'] })
    const count = render(deck, 'large-150')
    writeFileSync(join(OUT, 'large-150.txt'), `A 150-person deal: ${count} map slides.\n`)
    expect(count).toBeGreaterThan(1)
  }, 120_000)
})
