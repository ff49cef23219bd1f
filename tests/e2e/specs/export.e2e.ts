import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
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

  it('saves the whole map, not just what is in view, as a 2× PNG and as an SVG', async () => {
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
    const png = pngSize(await readFile(await savedFile(app, '.png')))
    // Cards' positions span this much of the map; the image covers them all (plus a card and a margin) at 2×.
    const xs = sample.deal.stakeholders.map((s) => s.position.x)
    const ys = sample.deal.stakeholders.map((s) => s.position.y)
    const span = { width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) }
    expect(png.width).toBeGreaterThan(2 * span.width)
    expect(png.height).toBeGreaterThan(2 * span.height)
    expect(png.width).toBeLessThan(2 * (span.width + 600))
    expect(png.width * png.height).toBeGreaterThan(canvas.width * canvas.height) // more than a screenful

    await dialog.getByTestId('export-image-svg').click()
    const svgPath = await savedFile(app, '.svg')
    await expect.poll(async () => (await readFile(svgPath, 'utf8')).length).toBeGreaterThan(1000)
    const svg = await readFile(svgPath, 'utf8')
    expect(svg.startsWith('<svg')).toBe(true)
    expect(() => parseXmlStrictly(svg, 'map.svg')).not.toThrow() // any SVG viewer can open it
    for (const person of sample.deal.stakeholders) expect(svg).toContain(person.name)
    // Every line is in the picture with its colour (html-to-image after 1.11.11 drops SVG styles: lines vanish).
    const lines = [...svg.matchAll(/<path[^>]*class="react-flow__edge-path"[^>]*>/g)].map((m) => m[0])
    expect(lines.length).toBe(sample.deal.links.length)
    for (const line of lines) expect(line).toMatch(/ stroke: rgb\(/)

    await dialog.getByTestId('export-image-copy').click()
    await expect.poll(() => app.bridge!.clipboardImages.length, { timeout: 30_000 }).toBe(1)
    expect(pngSize(Buffer.from(app.bridge!.clipboardImages[0]))).toEqual(png)
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
