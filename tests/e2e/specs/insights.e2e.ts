import { mkdir } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type App } from '../harness/app'
import { validDeals } from '../harness/disk'
import { DealsPage } from '../poms/DealsPage'
import { InsightsPage } from '../poms/InsightsPage'
import { MapPage } from '../poms/MapPage'

const SHOTS = resolve(import.meta.dirname, '../../../docs/screenshots')
// The sample deal: the CFO (an approver, high influence) was last visited 75 days ago on a
// 30-day cadence, so he is a stale key player; the CIO is the supportive decision maker that
// makes the map green.
const CFO = 'sh-cfo'
const CIO = 'sh-cio'

describe('relationships and insights', () => {
  let app: App
  let dealName: string
  beforeAll(async () => {
    app = await openApp()
  })
  afterAll(() => app?.close())

  it('logging a contact for a stale key player clears the stale badge and the finding', async () => {
    await new DealsPage(app.page).waitUntilShown()
    await expect.poll(() => validDeals(app.dataDir).then((d) => d.length)).toBe(1)
    dealName = (await validDeals(app.dataDir))[0].name
    await new DealsPage(app.page).open(dealName)
    await new MapPage(app.page).waitUntilShown()
    const ui = new InsightsPage(app.page)
    await expect.poll(() => ui.isStale(CFO)).toBe(true)
    await ui.openTab('insights')
    await expect.poll(() => ui.findingCodesFor(CFO)).toContain('key-player-stale')

    await ui.logContactWithShortcut(CFO, 'Walked through the five-year cost comparison')
    await expect.poll(() => ui.isStale(CFO)).toBe(false)
    await ui.openTab('insights')
    await expect.poll(() => ui.findingCodesFor(CFO)).not.toContain('key-player-stale')
    await expect.poll(async () => (await validDeals(app.dataDir))[0].stakeholders.find((s) => s.id === CFO)?.contacts.length).toBe(2)
  })

  it('editing the heatmap changes scores in place and the map status', async () => {
    const ui = new InsightsPage(app.page)
    await ui.openTab('heatmap')
    await expect.poll(() => ui.mapStatus()).toBe('green')
    await ui.typeScore(CFO, 'goodwill', 5)
    await expect.poll(() => ui.heatmapCell(CFO, 'goodwill').getAttribute('data-score')).toBe('5')
    // The decision maker turns neutral: supportive key players remain, but no signer among them.
    await ui.setStanceInHeatmap(CIO, 'neutral')
    await expect.poll(() => ui.mapStatus()).toBe('amber')
    await expect.poll(async () => (await validDeals(app.dataDir))[0].stakeholders.find((s) => s.id === CIO)?.stance).toBe('neutral')
  })

  it('finds it all again after a restart', async () => {
    await app.restart()
    await new DealsPage(app.page).waitUntilShown()
    await expect.poll(() => app.page.locator('[data-testid="deal-item"] .map-status-amber').count()).toBe(1)
    await new DealsPage(app.page).open(dealName)
    await new MapPage(app.page).waitUntilShown()
    const ui = new InsightsPage(app.page)
    await expect.poll(() => ui.mapStatus()).toBe('amber')
    await expect.poll(() => ui.isStale(CFO)).toBe(false)
    await ui.openTab('heatmap')
    await expect.poll(() => ui.heatmapCell(CFO, 'goodwill').getAttribute('data-score')).toBe('5')
  })

  it('takes pictures of the insights panel and the heatmap (1440 × 900)', async () => {
    const ui = new InsightsPage(app.page)
    const map = new MapPage(app.page)
    await app.page.setViewportSize({ width: 1440, height: 900 })
    const insightsShot = app.mode === 'chromium' ? resolve(SHOTS, 'insights-heatmap.png') : resolve(import.meta.dirname, '../.artifacts/insights-electron.png')
    const heatmapShot = app.mode === 'chromium' ? resolve(SHOTS, 'insights-heatmap-grid.png') : resolve(import.meta.dirname, '../.artifacts/heatmap-electron.png')
    await mkdir(dirname(insightsShot), { recursive: true })
    await mkdir(dirname(heatmapShot), { recursive: true })
    await app.page.keyboard.press('Escape')
    await ui.openTab('insights')
    await app.page.getByTestId('insights-panel').waitFor({ state: 'visible' })
    await app.sendMenuAction('fit-view')
    await map.screenshot(insightsShot)
    await ui.openTab('heatmap')
    await app.page.getByTestId('heatmap').waitFor({ state: 'visible' })
    await app.page.getByTestId('sort-total').click()
    await app.sendMenuAction('fit-view') // zoom to fit the narrower map
    await map.screenshot(heatmapShot)
  })

  it('the badge shows the map status with the findings still open, and what the status means (1280 × 720, 1440 × 900, en and zh-CN)', async () => {
    // A fresh app: the sample's map is green, and the CEO (inner circle, nothing planned for her)
    // turning opponent opens a serious finding while the map stays green.
    const fresh = await openApp()
    try {
      const page = fresh.page
      await page.setViewportSize({ width: 1280, height: 720 })
      const deals = await new DealsPage(page).waitUntilShown()
      const name = (await deals.names())[0]
      await deals.open(name)
      await new MapPage(page).waitUntilShown()
      const ui = new InsightsPage(page)
      await ui.openTab('heatmap')
      await ui.setStanceInHeatmap('sh-ceo', 'opponent')
      await expect.poll(() => ui.mapStatusLine()).toMatch(/^Green · 1 serious · \d+ warnings$/)
      const definition = await ui.openMapStatusDefinition()
      expect(await definition.textContent()).toContain('Key players support us, including the decision maker or an approver.')
      expect(await definition.locator('li.current').getAttribute('data-status')).toBe('green')
      await shoot(fresh, 'map-status-badge-en-1280.png')
      await page.setViewportSize({ width: 1440, height: 900 })
      await shoot(fresh, 'map-status-badge-en-1440.png')
      await page.keyboard.press('Escape')
      await expect.poll(() => definition.isVisible()).toBe(false)

      // The stance is on disk before the restart (saves are debounced; this test is not about quitting).
      await expect.poll(async () => (await validDeals(fresh.dataDir)).some((d) => d.stakeholders.some((s) => s.id === 'sh-ceo' && s.stance === 'opponent')), { timeout: 10_000 }).toBe(true)
      await fresh.restart()
      const list = await new DealsPage(fresh.page).waitUntilShown()
      await fresh.page.getByTestId('language-select').selectOption('zh-CN')
      await expect.poll(() => fresh.page.locator('html').getAttribute('lang')).toBe('zh-CN')
      await list.open(name)
      await new MapPage(fresh.page).waitUntilShown()
      const zh = new InsightsPage(fresh.page)
      await fresh.page.setViewportSize({ width: 1280, height: 720 })
      await expect.poll(() => zh.mapStatusLine()).toMatch(/^绿 · 1 个严重 · \d+ 个警告$/)
      const zhDefinition = await zh.openMapStatusDefinition()
      expect(await zhDefinition.textContent()).toContain('关键人物支持我们，其中包括决策者或审批人。')
      await shoot(fresh, 'map-status-badge-zh-CN-1280.png')
      await fresh.page.setViewportSize({ width: 1440, height: 900 })
      await shoot(fresh, 'map-status-badge-zh-CN-1440.png')
    } finally {
      await fresh.close()
    }
  })
})

async function shoot(app: App, name: string): Promise<void> {
  const path = app.mode === 'chromium' ? resolve(SHOTS, name) : resolve(import.meta.dirname, '../.artifacts', name)
  await mkdir(dirname(path), { recursive: true })
  await new MapPage(app.page).screenshot(path)
}
