import { rm } from 'node:fs/promises'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { generateDeal } from '../../fixtures/generate-large-deal'
import { openApp, type App } from '../harness/app'
import { dataFolderWith } from '../harness/data-folder'
import { DealsPage } from '../poms/DealsPage'
import { MapPage } from '../poms/MapPage'

/**
 * Far out on a large map every card and line is drawn on one canvas (docs/performance.md
 * "Canvas layer"); React Flow keeps DOM cards only under the pointer and for the selection.
 * What a user sees and does must not change: every card and line drawn, the top ranks' names
 * readable, a click on a card selects it, zooming in brings the full cards back.
 */
const SHOTS = resolve(import.meta.dirname, '../../../docs/screenshots')
const file = generateDeal({ stakeholders: 1000, links: 2000, seed: 7 })
const LAYER = '[data-testid="map-canvas-layer"]'

interface Drawn { cards: number; lines: number; labels: number }
const drawn = (page: Page) => page.locator(LAYER).evaluate((el: HTMLElement): Drawn => ({
  cards: Number(el.dataset.drawnCards), lines: Number(el.dataset.drawnLines), labels: Number(el.dataset.drawnLabels),
}))

/** A person's card centre on screen, from the view's transform and the card's place on the map. */
async function screenCentre(page: Page, id: string): Promise<{ x: number; y: number }> {
  const person = file.deal.stakeholders.find((s) => s.id === id)!
  const size = { high: [240, 128], medium: [216, 116], low: [196, 108] }[person.influence]
  return page.locator('.react-flow__viewport').evaluate((el, { p, size }) => {
    const m = new DOMMatrixReadOnly(getComputedStyle(el).transform)
    const box = el.closest('.react-flow')!.getBoundingClientRect()
    return { x: box.left + m.e + (p.x + size[0] / 2) * m.a, y: box.top + m.f + (p.y + size[1] / 2) * m.a }
  }, { p: person.position, size })
}

/** The canvas layer's opacity at a screen point (0: nothing drawn there). */
const alphaAt = (page: Page, at: { x: number; y: number }) => page.locator(LAYER).evaluate((el: HTMLCanvasElement, at) => {
  const box = el.getBoundingClientRect()
  const scale = el.width / box.width
  return el.getContext('2d')!.getImageData(Math.round((at.x - box.left) * scale), Math.round((at.y - box.top) * scale), 1, 1).data[3]
}, at)

/** People whose card centre is on screen, clear of the overlays and of other cards' labels. */
async function plainCardsOnScreen(page: Page, count: number): Promise<string[]> {
  const managers = new Set(file.deal.links.filter((l) => l.kind === 'reports-to').map((l) => l.to))
  const out: string[] = []
  for (const s of file.deal.stakeholders) {
    if (managers.has(s.id)) continue
    const c = await screenCentre(page, s.id)
    if (c.x < 400 || c.x > 900 || c.y < 250 || c.y > 550) continue
    const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.className ?? '', c)
    if (String(hit).includes('react-flow__pane')) out.push(s.id)
    if (out.length >= count) break
  }
  return out
}

describe('the far-out map of 1,000 people on one canvas', () => {
  let app: App
  let dataDir: string
  beforeAll(async () => {
    dataDir = await dataFolderWith([file])
    app = await openApp({ dataDir })
    await app.page.setViewportSize({ width: 1280, height: 720 })
    await new DealsPage(app.page).waitUntilShown()
    // Every DOM card React Flow mounts while the deal opens (docs/performance.md, "Open, part 2").
    await app.page.evaluate(() => {
      const w = window as unknown as { __cardsMounted: number }
      w.__cardsMounted = 0
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) {
          if (n instanceof HTMLElement) w.__cardsMounted += (n.matches('.react-flow__node-stakeholder') ? 1 : 0) + n.querySelectorAll('.react-flow__node-stakeholder').length
        }
      }).observe(document.body, { childList: true, subtree: true })
    })
    await new DealsPage(app.page).open(file.deal.name)
    await new MapPage(app.page).waitUntilShown()
  })

  it('opens straight onto the canvas: no DOM card is mounted and dropped on the way', async () => {
    await expect.poll(() => drawn(app.page).then((d) => d.cards).catch(() => 0), { timeout: 30_000 }).toBe(1000)
    // Before: React Flow mounted all 1,000 cards at zoom 1, then the fitted view dropped them.
    expect(await app.page.evaluate(() => (window as unknown as { __cardsMounted: number }).__cardsMounted)).toBeLessThanOrEqual(1)
  })
  afterAll(async () => {
    await app?.close()
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
  })

  it('draws every card and every line, and the top ranks\u2019 names', async () => {
    const page = app.page
    await expect.poll(() => drawn(page).catch(() => null), { timeout: 30_000 }).toEqual(expect.objectContaining({ cards: 1000, lines: 2000 }))
    expect((await drawn(page)).labels).toBeGreaterThan(0)
    // React Flow holds no card or line in the DOM but the live ones.
    expect(await page.locator('.react-flow__node-stakeholder').count()).toBeLessThanOrEqual(1)
    expect(await page.locator('.react-flow__edge').count()).toBe(0)
    // Drawn where the cards are.
    const sample = await plainCardsOnScreen(page, 5)
    expect(sample.length).toBe(5)
    for (const id of sample) expect(await alphaAt(page, await screenCentre(page, id))).toBeGreaterThan(200)
    await new MapPage(page).screenshot(resolve(SHOTS, 'map-far-1000-en-1280.png'))
    expect(app.pageErrors).toEqual([])
  })

  it('selects the card a user clicks, and the card under the pointer is a real card to drag', async () => {
    const page = app.page
    const map = new MapPage(page)
    const [first, second] = await plainCardsOnScreen(page, 2)
    const at = await screenCentre(page, first)
    await page.mouse.move(at.x, at.y)
    await expect.poll(() => page.locator(`.react-flow__node[data-id="${first}"]`).count()).toBe(1)
    await page.mouse.click(at.x, at.y)
    const name = file.deal.stakeholders.find((s) => s.id === first)!.name
    await expect.poll(() => map.inspectorField('name').inputValue()).toBe(name)
    // A click that reaches the canvas itself (no pointer move first, as a touch) selects too.
    const there = await screenCentre(page, second)
    await page.locator('.react-flow__pane').dispatchEvent('click', { clientX: there.x, clientY: there.y, bubbles: true })
    const secondName = file.deal.stakeholders.find((s) => s.id === second)!.name
    await expect.poll(() => map.inspectorField('name').inputValue()).toBe(secondName)
    // The selected card is a DOM card (outline, keyboard, drag), the canvas still draws all.
    await expect.poll(() => page.locator(`.react-flow__node[data-id="${second}"].selected`).count()).toBe(1)
    expect((await drawn(page)).cards).toBe(1000)
    expect(app.pageErrors).toEqual([])
  })

  it('zoomed in, the cards are DOM cards again and the canvas layer is gone', async () => {
    const page = app.page
    for (let i = 0; i < 12 && (await page.locator(LAYER).count()) > 0; i++) {
      await page.locator('.react-flow__controls-zoomin').click()
      await page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => r(true))))
    }
    await expect.poll(() => page.locator(LAYER).count()).toBe(0)
    await expect.poll(() => page.locator('.react-flow__node-stakeholder').count()).toBeGreaterThan(10)
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBeGreaterThan(10)
    // Fit takes the whole map in again: far out, on the canvas, all 1,000.
    await page.getByTestId('fit-view').click()
    await expect.poll(() => drawn(page).catch(() => null), { timeout: 10_000 }).toEqual(expect.objectContaining({ cards: 1000, lines: 2000 }))
    expect(app.pageErrors).toEqual([])
  })

  it('in Chinese the top ranks read the same', async () => {
    const page = app.page
    const map = new MapPage(page)
    await map.backToDeals()
    await page.getByTestId('language-select').selectOption('zh-CN')
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN')
    await new DealsPage(page).open(file.deal.name)
    await map.waitUntilShown()
    await expect.poll(() => drawn(page).catch(() => null), { timeout: 30_000 }).toEqual(expect.objectContaining({ cards: 1000, lines: 2000 }))
    await map.screenshot(resolve(SHOTS, 'map-far-1000-zh-CN-1280.png'))
    expect(app.pageErrors).toEqual([])
  })
})
