import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { mapSvg, type MapSvg } from '@shared/image/map-svg'
import { layoutOrgChart } from '@shared/org-chart'
import { sampleWorkspace } from '@shared/sample-deal'
import { rasterizeSvg } from '../../../electron/main/export/map-png'
import { chineseDeal } from '../deck/chinese-deal'
import { parseXmlStrictly } from '../deck/xml-parts'
import { aDeal } from '../../fixtures/builders'
import { inkInside, pixelsOf, WHITE, type Pixels } from './svg-pixels'
import { pdfText, toPdf } from '../../fixtures/office'

const TODAY = '2026-03-12'
const dir = mkdtempSync(join(tmpdir(), 'map-svg-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const sample = sampleWorkspace(TODAY)
const english = mapSvg({ deal: sample.deal, roster: sample.roster, language: 'en', today: TODAY })
const zh = chineseDeal()
const chinese = mapSvg({ deal: zh.deal, roster: zh.roster, language: 'zh-CN', today: TODAY })

function write(name: string, content: string | Uint8Array): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

/** Inside a card, clear of its border: what shows there is the card's text and badge. */
const inner = (box: MapSvg['cards'][number]['box']) => ({ x: box.x + 8, y: box.y + 8, width: box.width - 16, height: box.height - 16 })
/** Where a card's name is drawn (after the stance badge). */
const nameArea = (box: MapSvg['cards'][number]['box']) => ({ x: box.x + 42, y: box.y + 12, width: box.width - 72, height: 24 })

function expectEveryCardDrawn(pixels: Pixels, image: MapSvg, scale: number) {
  for (const card of image.cards) {
    expect(inkInside(pixels, inner(card.box), WHITE, scale), `card ${card.id}`).toBeGreaterThan(150 * scale * scale)
  }
}

describe('the map as SVG', () => {
  it('is well-formed XML of rects, texts and paths, with no HTML inside and fonts named (a CJK face among them)', () => {
    const doc = parseXmlStrictly(english.svg, 'map.svg')
    expect(doc.documentElement.nodeName).toBe('svg')
    expect(english.svg).not.toMatch(/foreignObject/i)
    expect(doc.getElementsByTagName('rect').length).toBeGreaterThan(sample.deal.stakeholders.length)
    expect(doc.getElementsByTagName('text').length).toBeGreaterThan(3 * sample.deal.stakeholders.length)
    expect(doc.getElementsByTagName('path').length).toBeGreaterThanOrEqual(sample.deal.links.length)
    const fonts = doc.documentElement.getAttribute('font-family')!
    expect(fonts).toMatch(/Arial/)
    expect(fonts).toMatch(/Microsoft YaHei/)
    expect(fonts).toMatch(/Noto Sans CJK SC/)
  })

  it('shows the deal title, the export date and the legend', () => {
    const texts = [...parseXmlStrictly(english.svg, 'map.svg').getElementsByTagName('text')].map((t) => t.textContent ?? '')
    expect(texts).toContain(sample.deal.name)
    expect(texts.some((t) => t.includes('Mar 12, 2026'))).toBe(true)
    for (const label of ['Champion', 'Supporter', 'Neutral', 'Skeptic', 'Opponent', 'Unknown', 'Reports to', 'Influences', 'Ally', 'In conflict', 'High', 'Low']) {
      expect(texts, label).toContain(label)
    }
    for (const person of sample.deal.stakeholders) expect(texts, person.name).toContain(person.name)
  })

  it('draws the cards where the map shows them, and the org chart layout when stored positions overlap', () => {
    const first = english.cards[0]
    for (const card of english.cards) {
      const person = sample.deal.stakeholders.find((s) => s.id === card.id)!
      const firstPerson = sample.deal.stakeholders.find((s) => s.id === first.id)!
      expect(card.box.x - first.box.x).toBe(person.position.x - firstPerson.position.x)
      expect(card.box.y - first.box.y).toBe(person.position.y - firstPerson.position.y)
    }
    // An import that never saw the map: everyone at the origin.
    const piled = aDeal('piled').withStakeholder('a').withStakeholder('b').withStakeholder('c').withLink('b', 'a').withLink('c', 'a').build()
    for (const s of piled.stakeholders) s.position = { x: 0, y: 0 }
    const drawn = mapSvg({ deal: piled, roster: [], language: 'en', today: TODAY }).cards
    const laid = layoutOrgChart(piled).positions
    const at = (id: string, list: Array<{ id: string; x: number; y: number }>) => list.find((p) => p.id === id)!
    const d = drawn.map((c) => ({ id: c.id, x: c.box.x, y: c.box.y }))
    const l = laid.map((p) => ({ id: p.id, ...p.position }))
    for (const id of ['b', 'c']) {
      expect(at(id, d).x - at('a', d).x).toBe(at(id, l).x - at('a', l).x)
      expect(at(id, d).y - at('a', d).y).toBe(at(id, l).y - at('a', l).y)
    }
  })

  it('renders with ImageMagick: every card shows ink inside its box', () => {
    const path = write('map.svg', english.svg)
    expectEveryCardDrawn(pixelsOf(path, english.width, english.height), english, 1)
  })

  it('rasterises with resvg at 2x: every card shows ink inside its box', async () => {
    const png = await rasterizeSvg(english.svg, english)
    expect(png.scale).toBe(2)
    expect([...png.png.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG')
    const path = write('map.png', png.png)
    expectEveryCardDrawn(pixelsOf(path, png.width, png.height), english, 2)
  })

  it('draws Chinese names in the PNG, and LibreOffice reads every Chinese name from the SVG', async () => {
    const png = await rasterizeSvg(chinese.svg, chinese)
    const pixels = pixelsOf(write('zh.png', png.png), png.width, png.height)
    for (const card of chinese.cards) expect(inkInside(pixels, nameArea(card.box), WHITE, 2), card.id).toBeGreaterThan(200)
    const svgPath = write('zh.svg', chinese.svg)
    const [pdf] = await toPdf([svgPath], dir)
    const text = pdfText(pdf)
    for (const person of zh.deal.stakeholders) expect(text, person.name).toContain(person.name)
    expect(text).toContain(zh.deal.name)
  }, 150_000)

  it('keeps hostile names escaped: no script element, parseable, long texts cut only where drawn', () => {
    const deal = aDeal('evil').withStakeholder('s', { name: '<script>alert(1)</script>', title: ']]> & "quoted" \u0007bell' })
      .withStakeholder('r', { name: 'مريم الحسن', title: 'مديرة التقنية' }).build()
    deal.name = `${'Very long deal title '.repeat(500)}`.slice(0, 10_000)
    const image = mapSvg({ deal, roster: [], language: 'en', today: TODAY })
    const doc = parseXmlStrictly(image.svg, 'hostile.svg')
    expect(doc.getElementsByTagName('script').length).toBe(0)
    expect(image.svg).not.toContain('<script>')
    const texts = [...doc.getElementsByTagName('text')].map((t) => t.textContent ?? '')
    expect(texts.some((t) => t.startsWith('<script>'))).toBe(true)
    const titles = [...doc.getElementsByTagName('title')].map((t) => t.textContent ?? '')
    expect(titles.some((t) => t.startsWith('<script>alert(1)</script>, ]]> & "quoted" bell'))).toBe(true)
    expect(texts).toContain('مريم الحسن')
    expect(texts.some((t) => t.startsWith(']]> & "quoted" bell'))).toBe(true)
    // The drawn title fits the picture; the picture's own <title> keeps all 10,000 characters.
    const drawnTitle = texts.find((t) => t.startsWith('Very long deal title'))!
    expect(drawnTitle.length).toBeLessThan(200)
    expect(drawnTitle.endsWith('…')).toBe(true)
    expect(doc.getElementsByTagName('title')[0].textContent).toBe(deal.name)
    const path = write('hostile.svg', image.svg)
    expectEveryCardDrawn(pixelsOf(path, image.width, image.height), image, 1)
    expect(readFileSync(path, 'utf8').includes('\u0007')).toBe(false)
  })

  it('any text in a name, a title or the deal name makes an SVG file every XML parser reads', () => {
    // Lone surrogates never reach here: the text schemas drop them (shared/raw-text.ts).
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.array(fc.constantFrom('&', '<', '>', '"', "'", '\u0000', '\u0007', '\u000B', '\u001F', '\uFFFE', '\uFFFF', 'AT&T', ']]>', 'x', '李'), { maxLength: 12 }).map((a) => a.join('')),
    ).filter((t) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(t))
    fc.assert(
      fc.property(text, text, text, (name, title, dealName) => {
        const deal = aDeal('any').withStakeholder('s', { name: `A${name}`, title }).withStakeholder('t', { name: 'Ann Lee' }).build()
        deal.name = `D${dealName}`
        const doc = parseXmlStrictly(mapSvg({ deal, roster: [], language: 'en', today: TODAY }).svg, 'any.svg')
        expect(doc.getElementsByTagName('text').length).toBeGreaterThan(1)
      }),
      { numRuns: 150 },
    )
  })
})
