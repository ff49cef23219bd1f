import { rm } from 'node:fs/promises'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { generateDeal } from '../../fixtures/generate-large-deal'
import { hospitalErpFile, HOSPITAL_PEOPLE } from '../../fixtures/scenarios/hospital-erp'
import { openApp, type App } from '../harness/app'
import { dataFolderWith } from '../harness/data-folder'
import { DealsPage } from '../poms/DealsPage'
import { MapPage, type Box } from '../poms/MapPage'

const SHOTS = resolve(import.meta.dirname, '../../../docs/screenshots')
const OVERLAYS = ['[data-testid="map-legend"]', '[data-testid="minimap"]', '[data-testid="coverage-toggle"]', '.react-flow__controls']
const hospital = hospitalErpFile()
const big = generateDeal({ stakeholders: 150, links: 260, seed: 11 })
const nameOf = new Map(HOSPITAL_PEOPLE.map(([id, name]) => [id, name]))

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

/** The map once the view has settled (a fit animates). */
async function settled(map: MapPage): Promise<void> {
  let previous = ''
  for (let i = 0; i < 60; i++) {
    const now = await map.viewportTransform()
    if (now === previous && now !== 'none') return
    previous = now
    await map.page.waitForTimeout(80)
  }
}

async function overlayBoxes(page: Page): Promise<Map<string, Box>> {
  const out = new Map<string, Box>()
  for (const sel of OVERLAYS) {
    const box = await page.locator(sel).first().boundingBox()
    if (box) out.set(sel, box)
  }
  return out
}

/** What a reader checks on the chart: managers above, siblings in rows, nothing covered. */
async function chartProblems(map: MapPage): Promise<string[]> {
  const boxes = await map.cardBoxes()
  const problems: string[] = []
  for (const l of hospital.deal.links.filter((x) => x.kind === 'reports-to')) {
    const report = boxes.get(nameOf.get(l.from)!)!
    const manager = boxes.get(nameOf.get(l.to)!)!
    if (report.y < manager.y + manager.height) problems.push(`${l.from} not below ${l.to}`)
  }
  const execRows = new Set(['cfo', 'cmo', 'cno', 'coo', 'cio', 'chro', 'gc'].map((id) => Math.round(boxes.get(nameOf.get(id)!)!.y)))
  if (execRows.size > 2) problems.push(`the CEO's reports on ${execRows.size} rows`)
  const list = [...boxes]
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) if (overlap(list[i][1], list[j][1])) problems.push(`${list[i][0]} overlaps ${list[j][0]}`)
  }
  for (const [sel, o] of await overlayBoxes(map.page)) {
    for (const [name, b] of list) if (overlap(b, o)) problems.push(`${name} under ${sel}`)
  }
  const area = (await map.map.boundingBox())!
  for (const [name, b] of list) if (b.x < area.x - 1 || b.y < area.y - 1 || b.x + b.width > area.x + area.width + 1 || b.y + b.height > area.y + area.height + 1) problems.push(`${name} off the map`)
  return problems
}

/** The smallest on-screen size of a card name (CSS font size × zoom). */
async function smallestNamePx(page: Page, selector = '.react-flow__node-stakeholder .card-name'): Promise<number> {
  return page.evaluate((sel) => {
    const vp = document.querySelector('.react-flow__viewport') as HTMLElement
    const zoom = new DOMMatrixReadOnly(getComputedStyle(vp).transform).a
    const sizes = [...document.querySelectorAll(sel)].filter((el) => (el as HTMLElement).offsetParent !== null).map((el) => parseFloat(getComputedStyle(el).fontSize) * zoom)
    return sizes.length ? Math.min(...sizes) : 0
  }, selector)
}

describe('Tidy draws a true org chart, readable at the fit zoom', () => {
  let app: App
  let dataDir: string
  beforeAll(async () => {
    dataDir = await dataFolderWith([hospital, big], 'war-room-e2e-org-chart-')
    app = await openApp({ dataDir })
  })
  afterAll(async () => {
    await app?.close()
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
  })

  it('the hospital group: reports below managers, the CEO\'s seven in balanced rows, no card covered, names ≥ 12 px', async () => {
    const page = app.page
    await page.setViewportSize({ width: 1440, height: 900 })
    await new DealsPage(page).waitUntilShown()
    await new DealsPage(page).open(hospital.deal.name)
    const map = await new MapPage(page).waitUntilShown()
    await page.getByTestId('action-tidy-layout').click()
    await expect.poll(() => chartProblems(map), { timeout: 10_000 }).toEqual([])
    await settled(map)
    await map.screenshot(resolve(SHOTS, 'hospital-tidy-1440.png'))
    expect(await chartProblems(map)).toEqual([])
    expect(await smallestNamePx(page)).toBeGreaterThanOrEqual(12)

    await page.setViewportSize({ width: 1280, height: 720 })
    await settled(map)
    await expect.poll(() => chartProblems(map)).toEqual([])
    await map.screenshot(resolve(SHOTS, 'hospital-tidy-1280.png'))

    // Folding the legend and the minimap gives their corners back to the chart at the next fit.
    const before = await smallestNamePx(page)
    await page.getByTestId('map-legend').locator('.legend-toggle').click()
    await page.getByTestId('minimap-toggle').click()
    await page.getByTestId('fit-view').click()
    await settled(map)
    await map.screenshot(resolve(SHOTS, 'hospital-tidy-1280-folded.png'))
    await expect.poll(() => chartProblems(map)).toEqual([])
    expect(await smallestNamePx(page)).toBeGreaterThan(before)
    await page.getByTestId('map-legend').locator('.legend-toggle').click()
    await page.getByTestId('minimap-toggle').click()
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.getByTestId('fit-view').click()
    await settled(map)
    expect(app.pageErrors).toEqual([])
  })

  it("collapses a branch from its manager's card, focuses on a branch, and comes back to everyone", async () => {
    const page = app.page
    await page.setViewportSize({ width: 1440, height: 900 })
    const map = new MapPage(page)
    const cio = map.card('Li Wen')
    await cio.getByTestId('branch-toggle').click()
    await expect.poll(() => map.cards.count()).toBe(17)
    expect((await cio.getByTestId('branch-toggle').textContent())?.trim()).toBe('+3')
    await expect.poll(() => page.getByTestId('focus-banner').textContent()).toContain('branch')
    await cio.getByTestId('branch-toggle').click()
    await expect.poll(() => map.cards.count()).toBe(20)

    await map.card('Daniel Okafor').getByTestId('branch-focus').click()
    await expect.poll(() => map.visibleCardNames().then((n) => n.sort())).toEqual(['Anna Kowalski', 'Daniel Okafor', 'Kevin Mbeki', 'Mei Tanaka'])
    await expect.poll(() => page.getByTestId('focus-banner').textContent()).toContain("Daniel Okafor's branch")
    // Only the branch's own lines: none run off to people who are not shown.
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(3)
    await settled(map)
    await map.screenshot(resolve(SHOTS, 'hospital-focus-branch-1440.png'))
    await page.getByTestId('show-everyone').click()
    await expect.poll(() => map.cards.count()).toBe(20)
    await expect.poll(() => page.getByTestId('focus-banner').count()).toBe(0)
  })

  it('150 people zoomed out: top levels keep readable names, the lines are drawn', async () => {
    const page = app.page
    await page.setViewportSize({ width: 1440, height: 900 })
    const map = new MapPage(page)
    await map.backToDeals()
    await new DealsPage(page).open(big.deal.name)
    await map.waitUntilShown()
    await page.getByTestId('action-tidy-layout').click()
    await page.waitForTimeout(400)
    await settled(map)
    await map.screenshot(resolve(SHOTS, 'map-150-zoomed-out.png'))
    // Every line is drawn, zoomed out too (cards drawn light once drew none of theirs).
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(big.deal.links.length)
    expect(await smallestNamePx(page, '.react-flow__node-stakeholder.rank-top .card-name')).toBeGreaterThanOrEqual(11)
    expect(app.pageErrors).toEqual([])
  })

  it('in Chinese the chart reads the same', async () => {
    const page = app.page
    const map = new MapPage(page)
    await map.backToDeals()
    await page.getByTestId('language-select').selectOption('zh-CN')
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN')
    await page.setViewportSize({ width: 1440, height: 900 })
    await new DealsPage(page).open(hospital.deal.name)
    await map.waitUntilShown()
    await settled(map)
    await expect.poll(() => chartProblems(map)).toEqual([])
    await map.screenshot(resolve(SHOTS, 'hospital-tidy-1440-zh.png'))
    await page.setViewportSize({ width: 1280, height: 720 })
    await settled(map)
    await map.screenshot(resolve(SHOTS, 'hospital-tidy-1280-zh.png'))
  })
})
