import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyzeDeal } from '@shared/analysis'
import { buildDeck } from '@shared/deck'
import { DEFAULT_SETTINGS, WORKSPACE_FORMAT, WORKSPACE_VERSION, type DealFile } from '@shared/model'
import { indexEntryOf } from '../../../electron/main/handlers/workspace-setup'
import { openStores } from '../../../electron/main/store'
import { generateDeal } from '../../fixtures/generate-large-deal'
import { openApp, type App } from '../harness/app'
import { readDealFiles } from '../harness/disk'
import { DealsPage } from '../poms/DealsPage'
import { MapPage } from '../poms/MapPage'
import { parseXmlStrictly } from '../../unit/deck/xml-parts'

const SCREENSHOT = resolve(import.meta.dirname, '../../../docs/screenshots/export-dialog.png')
const shot = (name: string) => resolve(import.meta.dirname, '../../../docs/screenshots', name)
const TEMPLATE = resolve(import.meta.dirname, '../../fixtures/templates/sample-corp.pptx')
const DEFAULT_SLIDES = ['title', 'map', 'team', 'relationships', 'actions'] as const

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

async function savedFile(app: App, extension: string): Promise<string> {
  let found: string | undefined
  await expect.poll(async () => {
    found = (await readdir(app.saveDir)).find((name) => name.endsWith(extension))
    return found
  }, { timeout: 30_000 }).toBeTruthy()
  return join(app.saveDir, found!)
}

describe('exporting from the app', () => {
  let app: App
  let sample: DealFile
  beforeAll(async () => {
    app = await openApp()
  })
  afterAll(() => app?.close())

  it('exports the default slides to an editable deck, through the menu and the save dialog', async () => {
    const page = app.page
    await new DealsPage(page).waitUntilShown()
    await expect.poll(() => readDealFiles(app.dataDir).then((files) => files.length)).toBe(1)
    const [first] = await readDealFiles(app.dataDir)
    if (!first.result.ok) throw new Error('the sample deal is not valid')
    sample = first.result.value
    await new DealsPage(page).open(sample.deal.name)
    await new MapPage(page).waitUntilShown()

    await app.sendMenuAction('deal.export-slides')
    const dialog = page.getByTestId('export-dialog')
    await dialog.waitFor({ state: 'visible' })
    for (const id of DEFAULT_SLIDES) expect(await dialog.getByTestId(`export-slide-${id}`).isChecked()).toBe(true)
    expect(await dialog.getByTestId('export-slide-changes').count()).toBe(0) // no snapshot yet
    const suggested = await dialog.getByTestId('export-file-name').inputValue()
    expect(suggested).toMatch(new RegExp(`^${sample.deal.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} – war room \\d{4}-\\d{2}-\\d{2}\\.pptx$`))

    await mkdir(dirname(SCREENSHOT), { recursive: true })
    if (app.mode === 'chromium') await page.screenshot({ path: SCREENSHOT, animations: 'disabled', caret: 'hide' })

    await dialog.getByTestId('export-run').click()
    if (app.mode === 'electron') return // the native save dialog is not ours to answer
    await expect.poll(() => dialog.getByTestId('export-saved').textContent(), { timeout: 30_000 }).toContain(suggested)
    // The deck was built in the deck worker, not on the page's main thread (the fallback).
    expect(await dialog.locator('form').getAttribute('data-build-mode')).toBe('worker')
    const path = await savedFile(app, '.pptx')
    expect(path.endsWith(suggested)).toBe(true)

    const zip = await JSZip.loadAsync(await readFile(path))
    const slides = Object.keys(zip.files).filter((p) => /^ppt\/slides\/slide\d+\.xml$/.test(p))
    // The same deal through the same builder in Node gives the same number of slides.
    const today = /(\d{4}-\d{2}-\d{2})\.pptx$/.exec(suggested)![1]
    const expected = await buildDeck({
      deal: sample.deal, roster: sample.roster, analysis: analyzeDeal({ deal: sample.deal, roster: sample.roster, openDeals: [], settings: {}, today }),
      language: 'en', today, slides: DEFAULT_SLIDES,
    })
    const expectedSlides = Object.keys((await JSZip.loadAsync(expected)).files).filter((p) => /^ppt\/slides\/slide\d+\.xml$/.test(p))
    expect(slides.length).toBe(expectedSlides.length)
    expect(slides.length).toBeGreaterThanOrEqual(DEFAULT_SLIDES.length)
    const mapSlide = await zip.file('ppt/slides/slide2.xml')!.async('string')
    expect(mapSlide).toContain('Stakeholder map')
    for (const person of sample.deal.stakeholders) expect(mapSlide).toContain(person.name)
    expect(mapSlide).toContain('<p:cxnSp>')
  })

  it('saves the whole map, not just what is in view, as a 2× PNG and as a vector SVG with title, date and legend', async () => {
    if (app.mode === 'electron') return
    const page = app.page
    await page.getByTestId('export-dialog').getByRole('button', { name: 'Close' }).click()
    // Zoom in until only part of the map is drawn on screen.
    const zoomIn = page.locator('.react-flow__controls-zoomin')
    for (let i = 0; i < 6; i++) await zoomIn.click()
    const map = new MapPage(page)
    await expect.poll(() => map.visibleCardNames().then((n) => n.length)).toBeLessThan(sample.deal.stakeholders.length)
    const canvas = (await map.map.boundingBox())!

    await page.getByTestId('action-export.slides').click()
    const dialog = page.getByTestId('export-dialog')
    await dialog.getByTestId('export-image-png').click()
    await expect.poll(() => dialog.getByTestId('export-image-result').textContent(), { timeout: 30_000 }).toContain('Saved to')
    const pngPath = await savedFile(app, '.png')
    const png = pngSize(await readFile(pngPath))
    // Cards' positions span this much of the map; the image covers them all (plus a card, margins, title and legend) at 2×.
    const xs = sample.deal.stakeholders.map((s) => s.position.x)
    const ys = sample.deal.stakeholders.map((s) => s.position.y)
    const span = { width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) }
    expect(png.width).toBeGreaterThan(2 * span.width)
    expect(png.height).toBeGreaterThan(2 * span.height)
    expect(png.width).toBeLessThan(2 * (span.width + 900))
    expect(png.width * png.height).toBeGreaterThan(canvas.width * canvas.height) // more than a screenful

    await dialog.getByTestId('export-image-svg').click()
    const svgPath = await savedFile(app, '.svg')
    await expect.poll(async () => (await readFile(svgPath, 'utf8')).length).toBeGreaterThan(1000)
    const svg = await readFile(svgPath, 'utf8')
    const doc = parseXmlStrictly(svg, 'map.svg') // any SVG viewer can open it
    expect(doc.documentElement.nodeName).toBe('svg')
    expect(svg).not.toMatch(/foreignObject/i) // real vector shapes, not an HTML page wrapped in SVG
    const texts = [...doc.getElementsByTagName('text')].map((t) => t.textContent ?? '')
    expect(texts).toContain(sample.deal.name)
    for (const person of sample.deal.stakeholders) expect(texts).toContain(person.name)
    for (const legend of ['Champion', 'Opponent', 'Reports to', 'Influences']) expect(texts).toContain(legend)
    expect(doc.getElementsByTagName('path').length).toBeGreaterThanOrEqual(sample.deal.links.length)

    await dialog.getByTestId('export-image-copy').click()
    await expect.poll(() => app.bridge!.clipboardImages.length, { timeout: 30_000 }).toBe(1)
    expect(pngSize(Buffer.from(app.bridge!.clipboardImages[0]))).toEqual(png)
    expect(app.pageErrors).toEqual([])
  })

  it('puts the deck into the company template, remembered for the workspace, and refuses a file that is no template (1280 × 720, 1440 × 900, en and zh-CN)', async () => {
    if (app.mode === 'electron') return
    const page = app.page
    const dialog = page.getByTestId('export-dialog')
    expect(await dialog.getByTestId('export-template-name').textContent()).toContain('None')

    // A Word file is refused with the reason; nothing is remembered.
    const letter = join(app.saveDir, 'letter.pptx')
    const docx = new JSZip()
    docx.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    docx.file('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')
    await writeFile(letter, await docx.generateAsync({ type: 'uint8array' }))
    await app.queueOpenFile(letter)
    await dialog.getByTestId('export-template-choose').click()
    await expect.poll(() => dialog.getByTestId('export-template-error').textContent()).toContain('not a PowerPoint presentation or template')
    expect(await dialog.getByTestId('export-template-name').textContent()).toContain('None')

    await app.queueOpenFile(TEMPLATE)
    await dialog.getByTestId('export-template-choose').click()
    await expect.poll(() => dialog.getByTestId('export-template-name').textContent()).toBe('Template: sample-corp.pptx')
    expect(await dialog.getByTestId('export-template-error').count()).toBe(0)
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.screenshot({ path: shot('export-template-en-1280.png'), animations: 'disabled', caret: 'hide' })
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.screenshot({ path: shot('export-template-en-1440.png'), animations: 'disabled', caret: 'hide' })

    const before = (await readdir(app.saveDir)).filter((n) => n.endsWith('.pptx') && n !== 'letter.pptx')
    await dialog.getByTestId('export-file-name').fill('templated.pptx')
    await dialog.getByTestId('export-run').click()
    await expect.poll(() => dialog.getByTestId('export-saved').textContent(), { timeout: 30_000 }).toContain('templated.pptx')
    const zip = await JSZip.loadAsync(await readFile(join(app.saveDir, 'templated.pptx')))
    const template = await JSZip.loadAsync(await readFile(TEMPLATE))
    expect(await zip.file('ppt/media/contoso-logo.png')!.async('uint8array')).toEqual(await template.file('ppt/media/contoso-logo.png')!.async('uint8array'))
    expect(await zip.file('ppt/slideMasters/slideMaster1.xml')!.async('string')).toBe(await template.file('ppt/slideMasters/slideMaster1.xml')!.async('string'))
    const slides = Object.keys(zip.files).filter((p) => /^ppt\/slides\/slide\d+\.xml$/.test(p))
    const plain = await JSZip.loadAsync(await readFile(join(app.saveDir, before[0])))
    expect(slides.length).toBe(Object.keys(plain.files).filter((p) => /^ppt\/slides\/slide\d+\.xml$/.test(p)).length)
    const workspace = JSON.parse(await readFile(join(app.dataDir, 'workspace.json'), 'utf8'))
    expect(workspace.deckTemplate).toEqual({ path: TEMPLATE, name: 'sample-corp.pptx' })

    // Remembered across a restart, and said in Chinese.
    const restarted = await app.restart()
    await new DealsPage(restarted).waitUntilShown()
    await restarted.getByTestId('language-select').selectOption('zh-CN')
    await expect.poll(() => restarted.locator('html').getAttribute('lang')).toBe('zh-CN')
    await new DealsPage(restarted).open(sample.deal.name)
    await new MapPage(restarted).waitUntilShown()
    await restarted.getByTestId('action-export.slides').click()
    const zhDialog = restarted.getByTestId('export-dialog')
    await expect.poll(() => zhDialog.getByTestId('export-template-name').textContent()).toBe('模板：sample-corp.pptx')
    await app.queueOpenFile(letter)
    await zhDialog.getByTestId('export-template-choose').click()
    await expect.poll(() => zhDialog.getByTestId('export-template-error').textContent()).toContain('不是 PowerPoint 演示文稿或模板')
    await restarted.setViewportSize({ width: 1280, height: 720 })
    await restarted.screenshot({ path: shot('export-template-zh-CN-1280.png'), animations: 'disabled', caret: 'hide' })
    await restarted.setViewportSize({ width: 1440, height: 900 })
    await restarted.screenshot({ path: shot('export-template-zh-CN-1440.png'), animations: 'disabled', caret: 'hide' })
    expect(app.pageErrors).toEqual([])
  })
})

/** A user-data folder holding one deal and a workspace that lists it, as the app saves them. */
async function dataFolderWith(file: DealFile): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'war-room-e2e-big-deck-'))
  const stores = openStores(dir)
  await stores.deals.save(stores.deals.checkFile(file))
  await stores.workspace.save({
    format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION, settings: DEFAULT_SETTINGS,
    roster: file.roster, deals: [indexEntryOf(file.deal)], recentDealIds: [file.deal.id],
  })
  return dir
}

/**
 * In the page: count the animation frames painted while the dialog shows a build stage
 * (building or packing), until the deck is saved. A thread blocked by the build paints none.
 */
function countFramesDuringBuild(): void {
  const record = { frames: 0, stages: [] as string[], done: false }
  ;(window as unknown as { __deckBuildFrames: typeof record }).__deckBuildFrames = record
  const tick = () => {
    const stage = document.querySelector('[data-testid="export-progress"] span')?.textContent ?? ''
    if (/Building the slides|Packing the deck/.test(stage)) {
      record.frames++
      if (!record.stages.includes(stage)) record.stages.push(stage)
    }
    if (document.querySelector('[data-testid="export-saved"], [data-testid="export-error"]')) record.done = true
    else requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
}

describe('exporting a 1,000-person deal', () => {
  let app: App
  let dataDir: string
  let file: DealFile
  beforeAll(async () => {
    file = generateDeal({ stakeholders: 1000, links: 2000, seed: 7 })
    dataDir = await dataFolderWith(file)
    app = await openApp({ dataDir })
  })
  afterAll(async () => {
    await app?.close()
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
  })

  it('builds the deck in the worker while the window keeps painting', async () => {
    if (app.mode === 'electron') return // the native save dialog is not ours to answer
    const page = app.page
    await new DealsPage(page).waitUntilShown()
    await new DealsPage(page).open(file.deal.name)
    await new MapPage(page).waitUntilShown()
    await page.getByTestId('action-export.slides').click()
    const dialog = page.getByTestId('export-dialog')
    await dialog.waitFor({ state: 'visible' })

    await page.evaluate(countFramesDuringBuild)
    await dialog.getByTestId('export-run').click()
    await expect.poll(() => dialog.getByTestId('export-saved').textContent(), { timeout: 60_000 }).toContain('Saved to')
    await expect.poll(() => page.evaluate(() => (window as unknown as { __deckBuildFrames: { done: boolean } }).__deckBuildFrames.done)).toBe(true)

    expect(await dialog.locator('form').getAttribute('data-build-mode')).toBe('worker')
    const seen = await page.evaluate(() => (window as unknown as { __deckBuildFrames: { frames: number; stages: string[] } }).__deckBuildFrames)
    expect(seen.frames).toBeGreaterThan(0)
    // The deck is whole: every department's map slide, each person on one of them.
    const zip = await JSZip.loadAsync(await readFile(await savedFile(app, '.pptx')))
    const slideXml = await Promise.all(Object.keys(zip.files).filter((p) => /^ppt\/slides\/slide\d+\.xml$/.test(p)).map((p) => zip.file(p)!.async('string')))
    expect(slideXml.length).toBeGreaterThan(DEFAULT_SLIDES.length)
    const everything = slideXml.join('')
    for (const person of file.deal.stakeholders.slice(0, 50)) expect(everything).toContain(person.name.replaceAll('&', '&amp;'))
    expect(app.pageErrors).toEqual([])
  })
})
