import { mkdir } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type App } from '../harness/app'
import { validDeals } from '../harness/disk'
import { DealsPage } from '../poms/DealsPage'
import { MapPage } from '../poms/MapPage'

const SCREENSHOT = resolve(import.meta.dirname, '../../../docs/screenshots/sample-map.png')

describe('first run', () => {
  let app: App
  beforeAll(async () => {
    app = await openApp() // a fresh, empty data folder
  })
  afterAll(() => app?.close())

  it('offers the sample deal, written to disk as a valid deal file', async () => {
    const deals = await new DealsPage(app.page).waitUntilShown()
    await expect.poll(() => validDeals(app.dataDir).then((d) => d.length)).toBe(1)
    const [sample] = await validDeals(app.dataDir)
    await expect.poll(() => deals.names()).toEqual([sample.name])
    // A realistic pursuit, not a stub: people across departments, lines between them, a team.
    expect(sample.stakeholders.length).toBeGreaterThanOrEqual(10)
    expect(new Set(sample.stakeholders.map((s) => s.department)).size).toBeGreaterThanOrEqual(3)
    expect(sample.links.length).toBeGreaterThan(0)
    expect(sample.team.length).toBeGreaterThanOrEqual(3)
  })

  it("opens the sample's map with a card for every stakeholder, all in view", async () => {
    const [sample] = await validDeals(app.dataDir)
    await new DealsPage(app.page).open(sample.name)
    const map = await new MapPage(app.page).waitUntilShown()
    await expect.poll(() => map.title()).toContain(sample.name)
    const expected = sample.stakeholders.map((s) => s.name).sort()
    await expect.poll(() => map.visibleCardNames().then((names) => names.sort())).toEqual(expected)

    // Fitted to the window: every card lies inside the map area.
    const area = await map.map.boundingBox()
    const boxes = await Promise.all((await map.cards.all()).map((c) => c.boundingBox()))
    expect(area).not.toBeNull()
    for (const box of boxes) {
      expect(box).not.toBeNull()
      expect(box!.x).toBeGreaterThanOrEqual(area!.x - 1)
      expect(box!.y).toBeGreaterThanOrEqual(area!.y - 1)
      expect(box!.x + box!.width).toBeLessThanOrEqual(area!.x + area!.width + 1)
      expect(box!.y + box!.height).toBeLessThanOrEqual(area!.y + area!.height + 1)
    }

    // The README's picture of the app (Chromium mode writes the committed one).
    const path = app.mode === 'chromium' ? SCREENSHOT : resolve(import.meta.dirname, '../.artifacts/sample-map-electron.png')
    await mkdir(dirname(path), { recursive: true })
    await map.screenshot(path)
  })

  it('threw no uncaught error in the page', () => {
    expect(app.pageErrors).toEqual([])
  })
})
