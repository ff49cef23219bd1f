import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sampleWorkspace } from '@shared/sample-deal'
import { chineseDeal } from './chinese-deal'
import { deckOf, TODAY } from './deck-helpers'
import { hostileDeal } from './hostile-deal'

/** Opens exported decks in a real office suite: LibreOffice converts them to PDF. */
const soffice = ['soffice', 'libreoffice'].find((bin) => spawnSync(bin, ['--version'], { stdio: 'ignore' }).status === 0)
if (!soffice) console.warn('Skipping the LibreOffice deck tests: neither `soffice` nor `libreoffice` is on PATH (apt-get install libreoffice-impress poppler-utils).')

async function slideCount(pptx: Uint8Array): Promise<number> {
  const zip = await JSZip.loadAsync(pptx)
  return Object.keys(zip.files).filter((p) => /^ppt\/slides\/slide\d+\.xml$/.test(p)).length
}

describe.skipIf(!soffice)('an exported deck in LibreOffice', () => {
  let dir: string
  const decks: Record<'en' | 'zh' | 'att', { pptx: Uint8Array; names: string[] }> = {} as never

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'deck-lo-'))
    const sample = sampleWorkspace(TODAY)
    const zh = chineseDeal()
    decks.en = { pptx: await deckOf(sample.deal, sample.roster), names: sample.deal.stakeholders.map((s) => s.name) }
    decks.zh = { pptx: await deckOf(zh.deal, zh.roster, { language: 'zh-CN' }), names: zh.deal.stakeholders.map((s) => s.name) }
    // "AT&T" with control characters and markup in its names: the deck must open whole.
    const att = hostileDeal()
    decks.att = { pptx: await deckOf(att.deal, att.roster), names: ['Li "Na" & <co>', "Bo O'Brien"] }
    writeFileSync(join(dir, 'en.pptx'), decks.en.pptx)
    writeFileSync(join(dir, 'zh.pptx'), decks.zh.pptx)
    writeFileSync(join(dir, 'att.pptx'), decks.att.pptx)
    // A fresh profile per run, so parallel runs do not fight over one.
    execFileSync(soffice!, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'en.pptx'), join(dir, 'zh.pptx'), join(dir, 'att.pptx')], {
      stdio: 'pipe', timeout: 120_000,
    })
  }, 180_000)

  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  for (const lang of ['en', 'zh', 'att'] as const) {
    it(`renders every slide of the ${lang} deck as a page`, async () => {
      const info = execFileSync('pdfinfo', [join(dir, `${lang}.pdf`)], { encoding: 'utf8' })
      expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(await slideCount(decks[lang].pptx))
    })

    it(`shows every stakeholder's name in the ${lang} deck`, () => {
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, `${lang}.pdf`), '-'], { encoding: 'utf8' })
      for (const name of decks[lang].names) expect(text).toContain(name)
    })
  }

  it('shows "AT&T" and the deal name of the deck with control characters', () => {
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'att.pdf'), '-'], { encoding: 'utf8' })
    expect(text).toContain('AT&T <renewal> bell')
    expect(text).toContain('AT&T')
    expect(text).toContain('Send <the> "deck" & notes')
  })

  it('keeps the Chinese deck in Chinese', () => {
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'zh.pdf'), '-'], { encoding: 'utf8' })
    expect(text).toContain('客户关系图')
    expect(text).toContain('决策者')
  })
})

describe.skipIf(!soffice)('a moved card in LibreOffice', () => {
  it('keeps its lines glued: the connectors still name the moved card and LibreOffice draws them to it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deck-move-'))
    try {
      const { deal, roster } = sampleWorkspace(TODAY)
      const zip = await JSZip.loadAsync(await deckOf(deal, roster, { slides: ['map'] }))
      const path = 'ppt/slides/slide1.xml'
      const xml = await zip.file(path)!.async('string')
      // Drag the CEO's card 1.5 inches right and 1 down, as in PowerPoint: the card's group
      // (card, stance chip, owners) moves; chOff stays, so every child moves with it.
      const ceo = deal.stakeholders.find((s) => s.id === 'sh-ceo')!.name
      const group = new RegExp(`(<p:grpSp><p:nvGrpSpPr><p:cNvPr id="\\d+" name="${ceo}"/>[\\s\\S]*?<a:off x=")(\\d+)(" y=")(\\d+)`)
      const moved = xml.replace(group, (_all, a: string, x: string, b: string, y: string) => `${a}${Number(x) + 1_371_600}${b}${Number(y) + 914_400}`)
      expect(moved).not.toBe(xml)
      const cardId = new RegExp(`<p:sp><p:nvSpPr><p:cNvPr id="(\\d+)" name="${ceo}"`).exec(moved)![1]
      expect([...moved.matchAll(new RegExp(`<a:(?:stCxn|endCxn) id="${cardId}"`, 'g'))].length).toBeGreaterThan(0)
      zip.file(path, moved)
      writeFileSync(join(dir, 'moved.pptx'), await zip.generateAsync({ type: 'uint8array' }))
      execFileSync(soffice!, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'moved.pptx')], { stdio: 'pipe', timeout: 120_000 })
      execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', join(dir, 'moved.pdf'), join(dir, 'moved')])
      if (process.env.RENDER_DOCS) execFileSync('cp', [join(dir, 'moved-1.png'), join(import.meta.dirname, '../../../docs/slides/map-moved-card.png')])
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'moved.pdf'), '-'], { encoding: 'utf8' })
      expect(text).toContain(ceo)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)
})

describe.skipIf(!soffice)('the hospital deck in LibreOffice, English and Chinese', () => {
  it('puts every one of its names in the PDF text', async () => {
    const { hospitalErpFile } = await import('../../fixtures/scenarios/hospital-erp')
    const { deal, roster } = hospitalErpFile()
    const dir = mkdtempSync(join(tmpdir(), 'deck-hospital-'))
    try {
      writeFileSync(join(dir, 'en.pptx'), await deckOf(deal, roster))
      writeFileSync(join(dir, 'zh.pptx'), await deckOf(deal, roster, { language: 'zh-CN' }))
      execFileSync(soffice!, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'en.pptx'), join(dir, 'zh.pptx')], { stdio: 'pipe', timeout: 120_000 })
      for (const lang of ['en', 'zh']) {
        // Names may wrap inside a card: compare without line breaks.
        const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, `${lang}.pdf`), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
        for (const s of deal.stakeholders) expect(text, `${s.name} in the ${lang} deck`).toContain(s.name)
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 180_000)
})
