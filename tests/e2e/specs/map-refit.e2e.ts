import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type App } from '../harness/app'
import { validDeals } from '../harness/disk'
import { DealsPage } from '../poms/DealsPage'
import { InsightsPage } from '../poms/InsightsPage'
import { MapPage } from '../poms/MapPage'

/** Cards whose box pokes out of the map area (1 px of rounding allowed). */
async function cardsOutsideMap(map: MapPage): Promise<string[]> {
  const area = await map.map.boundingBox()
  if (!area) return ['(no map)']
  const out: string[] = []
  for (const [name, b] of await map.cardBoxes()) {
    if (b.x < area.x - 1 || b.y < area.y - 1 || b.x + b.width > area.x + area.width + 1 || b.y + b.height > area.y + area.height + 1) out.push(name)
  }
  return out
}

describe('the map keeps fitting its area', () => {
  let app: App
  beforeAll(async () => {
    app = await openApp()
  })
  afterAll(() => app?.close())

  it('a wider side panel re-fits the map until the user moves it; the minimap moves the view', async () => {
    await new DealsPage(app.page).waitUntilShown()
    await expect.poll(() => validDeals(app.dataDir).then((d) => d.length)).toBe(1)
    await new DealsPage(app.page).open((await validDeals(app.dataDir))[0].name)
    const map = await new MapPage(app.page).waitUntilShown()
    const ui = new InsightsPage(app.page)
    const widthBefore = (await map.map.boundingBox())!.width

    // The heatmap is the widest panel: the map area shrinks, and every card is still in it.
    await ui.openTab('heatmap')
    await expect.poll(async () => (await map.map.boundingBox())!.width).toBeLessThan(widthBefore - 100)
    await expect.poll(() => map.cardBoxes().then((b) => b.size)).toBeGreaterThan(0)
    await expect.poll(() => cardsOutsideMap(map)).toEqual([])

    // Clicking the minimap's corner moves the view there (a user move).
    const before = await map.viewportTransform()
    // (the drawing, not its fold button in the panel's top corner)
    await app.page.getByTestId('minimap').locator('.canvas-minimap-body').click({ position: { x: 8, y: 8 }, timeout: 5000 })
    await expect.poll(() => map.viewportTransform()).not.toBe(before)

    // After a user move, a narrower panel leaves the user's view alone.
    const moved = await map.viewportTransform()
    const heatmapWidth = (await map.map.boundingBox())!.width
    await ui.openTab('inspector')
    await expect.poll(async () => (await map.map.boundingBox())!.width).toBeGreaterThan(heatmapWidth + 100)
    // A re-fit would run within the next frames after the resize.
    await app.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 100)))))
    expect(await map.viewportTransform()).toBe(moved)
  })
})
