import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyTemplate, TemplateError } from '@shared/deck/template'
import { sampleWorkspace } from '@shared/sample-deal'
import { chineseDeal } from './chinese-deal'
import { deckOf, shapesOf, slideXmls, TODAY } from './deck-helpers'
import { brokenXmlParts } from './xml-parts'
import { inkInside, pixelsOf } from '../image/svg-pixels'
import { pdfPages, pdfText, soffice, toPdf } from '../../fixtures/office'

const TEMPLATE_PATH = join(import.meta.dirname, '../../fixtures/templates/sample-corp.pptx')
const template = new Uint8Array(readFileSync(TEMPLATE_PATH))
const sample = sampleWorkspace(TODAY)
const EMU = 914_400

let deck: Uint8Array
let themed: Uint8Array
let templateZip: JSZip
let themedZip: JSZip
beforeAll(async () => {
  deck = await deckOf(sample.deal, sample.roster)
  themed = await applyTemplate(deck, template)
  templateZip = await JSZip.loadAsync(template)
  themedZip = await JSZip.loadAsync(themed)
})

const text = (zip: JSZip, path: string) => zip.file(path)!.async('string')
const bytes = (zip: JSZip, path: string) => zip.file(path)!.async('uint8array')

/** A changed copy of the sample template. */
async function variant(change: (zip: JSZip) => Promise<void>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(template)
  await change(zip)
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

async function refusal(file: Uint8Array): Promise<TemplateError> {
  const error = await applyTemplate(deck, file).then(() => null, (e: unknown) => e)
  expect(error).toBeInstanceOf(TemplateError)
  return error as TemplateError
}

describe('a deck in the company template', () => {
  it('keeps the template\'s master, theme colours and fonts, and the logo on the master', async () => {
    expect(await text(themedZip, 'ppt/slideMasters/slideMaster1.xml')).toBe(await text(templateZip, 'ppt/slideMasters/slideMaster1.xml'))
    const theme = await text(themedZip, 'ppt/theme/theme1.xml')
    expect(theme).toContain('<a:clrScheme name="Contoso">')
    expect(theme).toContain('<a:majorFont><a:latin typeface="DejaVu Serif"/>')
    expect(await bytes(themedZip, 'ppt/media/contoso-logo.png')).toEqual(await bytes(templateZip, 'ppt/media/contoso-logo.png'))
    expect(await text(themedZip, 'ppt/slideMasters/_rels/slideMaster1.xml.rels')).toContain('Target="../media/contoso-logo.png"')
    const main = await text(themedZip, '[Content_Types].xml')
    expect(main).toContain('presentationml.presentation.main+xml')
  })

  it('holds exactly our slides, each on one of the template\'s layouts, without the template\'s example slide', async () => {
    const ours = await slideXmls(deck)
    const slides = await slideXmls(themed)
    expect(slides).toHaveLength(ours.length)
    expect(slides.join('')).not.toContain('Example slide of the template')
    const presentation = await text(themedZip, 'ppt/presentation.xml')
    expect([...presentation.matchAll(/<p:sldId /g)]).toHaveLength(ours.length)
    const layouts = Object.keys(templateZip.files).filter((p) => /^ppt\/slideLayouts\/[^/]+\.xml$/.test(p))
    for (let n = 1; n <= slides.length; n++) {
      const rels = await text(themedZip, `ppt/slides/_rels/slide${n}.xml.rels`)
      const layout = /Target="\.\.\/(slideLayouts\/[^"]+)"/.exec(rels)![1]
      expect(layouts).toContain(`ppt/${layout}`)
    }
    // The title slide on the template's title layout; the others on "Title Only".
    expect(await text(themedZip, 'ppt/slides/_rels/slide1.xml.rels')).toContain('slideLayout1.xml')
    expect(await text(themedZip, 'ppt/slides/_rels/slide2.xml.rels')).toContain('slideLayout2.xml')
  })

  it('puts the titles, the footer and the page number into the layout\'s placeholders', async () => {
    const slides = await slideXmls(themed)
    expect(slides[0]).toMatch(/name="Deal name"\/><p:cNvSpPr><a:spLocks noGrp="1"\/><\/p:cNvSpPr><p:nvPr><p:ph type="ctrTitle"\/>/)
    expect(slides[0]).toMatch(/name="Customer"\/>[\s\S]*?<p:ph type="subTitle" idx="1"\/>/)
    for (const slide of slides.slice(1)) {
      expect(slide).toMatch(/name="Title"\/><p:cNvSpPr><a:spLocks noGrp="1"\/><\/p:cNvSpPr><p:nvPr><p:ph type="title"\/><\/p:nvPr><\/p:nvSpPr><p:spPr\/>/)
      expect(slide).toMatch(/name="Footer"\/>[\s\S]*?<p:ph type="ftr" idx="11"\/>/)
      expect(slide).toMatch(/<p:ph type="sldNum" idx="12"\/>[\s\S]*?<a:fld [^>]*type="slidenum"/)
      expect(slide).not.toContain('name="Title rule"')
    }
    // Every person is still on the map slide, whole.
    const map = shapesOf(slides[1]).map((s) => s.text).join('\n')
    for (const person of sample.deal.stakeholders) expect(map).toContain(person.name)
  })

  it('is a sound package: every part parses, has a content type, and every relationship finds its part', async () => {
    expect(await brokenXmlParts(themed)).toEqual([])
    const types = await text(themedZip, '[Content_Types].xml')
    const defaults = [...types.matchAll(/Extension="([^"]+)"/g)].map((m) => m[1].toLowerCase())
    for (const path of Object.keys(themedZip.files).filter((p) => !themedZip.files[p].dir && p !== '[Content_Types].xml')) {
      const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase()
      expect(types.includes(`PartName="/${path}"`) || defaults.includes(ext), path).toBe(true)
    }
    for (const m of types.matchAll(/PartName="\/([^"]+)"/g)) expect(themedZip.file(m[1]), `override for ${m[1]}`).not.toBeNull()
    for (const relsPath of Object.keys(themedZip.files).filter((p) => p.endsWith('.rels'))) {
      // "ppt/slides/_rels/slide1.xml.rels" speaks for ppt/slides/slide1.xml; "_rels/.rels" for the package.
      const folder = relsPath.slice(0, relsPath.lastIndexOf('_rels/'))
      for (const m of (await text(themedZip, relsPath)).matchAll(/<Relationship [^>]*Target="([^"]+)"(?![^>]*External)/g)) {
        const target = new URL(m[1], `http://x/${folder}`).pathname.slice(1)
        expect(themedZip.file(target), `${relsPath} → ${m[1]}`).not.toBeNull()
      }
    }
  })

  it('keeps the speaker notes and the Chinese deck\'s East Asian face in the title placeholder', async () => {
    const zh = chineseDeal()
    const zhThemed = await JSZip.loadAsync(await applyTemplate(await deckOf(zh.deal, zh.roster, { language: 'zh-CN' }), template))
    const slide2 = await text(zhThemed, 'ppt/slides/slide2.xml')
    expect(slide2).toMatch(/<p:ph type="title"\/>[\s\S]*?<a:rPr lang="zh-CN" dirty="0"><a:ea typeface="Microsoft YaHei"\/><\/a:rPr><a:t>[^<]+<\/a:t>/)
    const notes = Object.keys(themedZip.files).filter((p) => /^ppt\/notesSlides\/[^/]+\.xml$/.test(p))
    const ourNotes = Object.keys((await JSZip.loadAsync(deck)).files).filter((p) => /^ppt\/notesSlides\/[^/]+\.xml$/.test(p))
    expect(notes).toHaveLength(ourNotes.length)
  })

  it('accepts a .potx and writes a presentation, not a template', async () => {
    const potx = await variant(async (zip) => {
      zip.file('[Content_Types].xml', (await text(zip, '[Content_Types].xml')).replace('presentationml.presentation.main+xml', 'presentationml.template.main+xml'))
    })
    const out = await JSZip.loadAsync(await applyTemplate(deck, potx))
    const types = await text(out, '[Content_Types].xml')
    expect(types).toContain('presentationml.presentation.main+xml')
    expect(types).not.toContain('template.main+xml')
  })

  it('puts the title where the master puts titles, in the heading font, when the layouts have no title placeholder', async () => {
    const untitled = await variant(async (zip) => {
      for (const path of Object.keys(zip.files).filter((p) => /^ppt\/slideLayouts\/[^/]+\.xml$/.test(p))) {
        zip.file(path, (await text(zip, path)).replace(/<p:sp>(?:(?!<\/p:sp>)[\s\S])*?type="(?:title|ctrTitle)"[\s\S]*?<\/p:sp>/g, ''))
      }
    })
    const slides = await slideXmls(await applyTemplate(deck, untitled))
    const title = /<p:sp>(?:(?!<\/p:sp>)[\s\S])*?name="Title"[\s\S]*?<\/p:sp>/.exec(slides[1])![0]
    expect(title).toContain(`<a:off x="${Math.round(0.6 * EMU)}" y="${Math.round(0.3 * EMU)}"/>`)
    expect(title).toContain('<a:latin typeface="+mj-lt"')
  })

  it('fits every shape inside a 4:3 template\'s slide', async () => {
    const fourByThree = await variant(async (zip) => {
      zip.file('ppt/presentation.xml', (await text(zip, 'ppt/presentation.xml')).replace(/<p:sldSz [^>]*\/>/, '<p:sldSz cx="9144000" cy="6858000" type="screen4x3"/>'))
    })
    for (const slide of await slideXmls(await applyTemplate(deck, fourByThree))) {
      for (const m of slide.matchAll(/<a:xfrm(?: rot="(\d+)")?[^>]*><a:off x="(-?\d+)" y="(-?\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/>/g)) {
        const [rot, ox, oy, ow, oh] = m.slice(1).map((v) => Number(v ?? 0))
        // An elbow connector turned a quarter turn covers its box turned about its centre.
        const quarter = rot === 5400000 || rot === 16200000
        const [w, h] = quarter ? [oh, ow] : [ow, oh]
        const [x, y] = [ox + ow / 2 - w / 2, oy + oh / 2 - h / 2]
        expect(x).toBeGreaterThanOrEqual(0)
        expect(y).toBeGreaterThanOrEqual(0)
        expect(x + w).toBeLessThanOrEqual(9144000)
        expect(y + h).toBeLessThanOrEqual(6858000)
      }
    }
  })

  describe('refuses a file that is no template, with the reason', () => {
    it('not a zip', async () => {
      expect((await refusal(new TextEncoder().encode('%PDF-1.7 not a presentation'))).code).toBe('not-zip')
    })
    it('a zip without ppt/presentation.xml', async () => {
      const zip = new JSZip()
      zip.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
      zip.file('hello.txt', 'hi')
      expect((await refusal(await zip.generateAsync({ type: 'uint8array' }))).code).toBe('not-presentation')
    })
    it('a Word document', async () => {
      const docx = new JSZip()
      docx.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
      docx.file('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')
      expect((await refusal(await docx.generateAsync({ type: 'uint8array' }))).code).toBe('not-presentation')
    })
    it('a zip bomb', async () => {
      const bomb = await variant(async (zip) => {
        zip.file('ppt/media/huge.bin', new Uint8Array(210 * 1024 * 1024))
      })
      expect(bomb.byteLength).toBeLessThan(2 * 1024 * 1024)
      expect((await refusal(bomb)).code).toBe('unpacks-too-large')
    }, 60_000)
    it('a 200 MB file', async () => {
      expect((await refusal(new Uint8Array(200 * 1024 * 1024))).code).toBe('too-large')
    })
  })
})


describe.skipIf(!soffice)('the templated deck in LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'template-lo-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('renders every slide on the template\'s background with the logo, and every name reads from the PDF', async () => {
    writeFileSync(join(dir, 'themed.pptx'), themed)
    const [pdf] = await toPdf([join(dir, 'themed.pptx')], dir)
    const textOfPdf = pdfText(pdf)
    expect(textOfPdf).toContain(sample.deal.name)
    expect(textOfPdf).not.toContain('Example slide of the template')
    for (const person of sample.deal.stakeholders) expect(textOfPdf, person.name).toContain(person.name)
    pdfPages(pdf, join(dir, 'page'))
    const slides = (await slideXmls(themed)).length
    // 50 dpi: a 13.333 × 7.5 in slide is 667 × 375 px.
    for (let n = 1; n <= slides; n++) {
      const page = pixelsOf(join(dir, `page-${String(n).padStart(String(slides).length, '0')}.png`), 667, 375)
      const logo = { x: 11.5 * 50, y: 0.32 * 50, width: 0.4 * 50, height: 0.45 * 50 }
      expect(inkInside(page, logo, [0xea, 0xf2, 0xee]), `logo on slide ${n}`).toBeGreaterThan(100)
      // The master's background (Contoso's light green), under the slide's top left corner.
      const i = (5 * 667 + 5) * 3
      expect([...page.rgb.subarray(i, i + 3)], `background of slide ${n}`).toEqual([0xea, 0xf2, 0xee])
    }
  }, 180_000)
})
