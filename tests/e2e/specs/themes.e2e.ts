import { mkdir } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openApp, type App } from '../harness/app'
import { validDeals } from '../harness/disk'
import { DealsPage } from '../poms/DealsPage'
import { MapPage } from '../poms/MapPage'

const SCREENSHOT = resolve(import.meta.dirname, '../../../docs/screenshots/dark-theme.png')

/** Relative luminance (0 black … 1 white) of an element's computed background colour. */
async function backgroundLuminance(page: Page, selector: string): Promise<number> {
  const colour = await page.locator(selector).first().evaluate((el) => getComputedStyle(el).backgroundColor)
  const [r, g, b] = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map((c) => Number(c) / 255)
  const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

describe('themes', () => {
  let app: App
  beforeAll(async () => {
    app = await openApp()
  })
  afterAll(() => app?.close())

  it('switches to the dark theme from the start screen: the window and the map go dark', async () => {
    const page = app.page
    const deals = await new DealsPage(page).waitUntilShown()
    await page.getByTestId('theme-select').selectOption('light')
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('light')
    expect(await backgroundLuminance(page, 'body')).toBeGreaterThan(0.8)

    await page.getByTestId('theme-select').selectOption('dark')
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark')
    await expect.poll(() => backgroundLuminance(page, 'body')).toBeLessThan(0.05)

    await expect.poll(() => validDeals(app.dataDir).then((d) => d.length)).toBe(1)
    const [sample] = await validDeals(app.dataDir)
    await deals.open(sample.name)
    const map = await new MapPage(page).waitUntilShown()
    expect(await backgroundLuminance(page, '.map-canvas')).toBeLessThan(0.05)
    expect(await backgroundLuminance(page, '[data-testid="stakeholder-card"]')).toBeLessThan(0.05)
    // Text on a card stays light on dark (a projector washes out low contrast first).
    const nameColour = await map.cards.first().locator('.card-name').evaluate((el) => getComputedStyle(el).color)
    const [r, g, b] = (nameColour.match(/\d+/g) ?? []).map(Number)
    expect(Math.min(r, g, b)).toBeGreaterThan(200)

    // The README's picture: a card selected, the team panel open.
    const person = sample.stakeholders.find((s) => s.influence === 'high') ?? sample.stakeholders[0]
    await map.card(person.name).click()
    await page.getByTestId('tab-team').click()
    await page.getByTestId('team-panel').waitFor({ state: 'visible' })
    const path = app.mode === 'chromium' ? SCREENSHOT : resolve(import.meta.dirname, '../.artifacts/dark-theme-electron.png')
    await mkdir(dirname(path), { recursive: true })
    await map.screenshot(path)
  })

  it('the theme is kept after a restart', async () => {
    const page = await app.restart()
    await new DealsPage(page).waitUntilShown()
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark')
    expect(await page.getByTestId('theme-select').inputValue()).toBe('dark')
  })

  it('threw no uncaught error in the page', () => {
    expect(app.pageErrors).toEqual([])
  })
})
