import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type App } from '../harness/app'
import { dealNamed, reportingLines } from '../harness/disk'
import { DealsPage } from '../poms/DealsPage'
import { MapPage, type Box } from '../poms/MapPage'
import { CapturePage, HOSPITAL_ORG } from '../poms/CapturePage'

const DEAL = 'Northvale Hospitals ERP'
const ORG = HOSPITAL_ORG.slice(0, 12)
const shotPath = (app: App, name: string) =>
  resolve(import.meta.dirname, app.mode === 'chromium' ? '../../../docs/screenshots' : '../.artifacts', name)


const dealOnDisk = (dataDir: string) => dealNamed(dataDir, DEAL)


const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

describe('a meeting captures its people by keyboard', () => {
  let app: App
  let map: MapPage
  beforeAll(async () => {
    app = await openApp()
  })
  afterAll(() => app?.close())

  it('builds a 12-person org from an empty deal with the keyboard only, siblings by Enter, no contact logged', async () => {
    const deals = await new DealsPage(app.page).waitUntilShown()
    await deals.create({ name: DEAL, customer: 'Northvale' })
    map = await new MapPage(app.page).waitUntilShown()
    expect(await map.cards.count()).toBe(0)
    await app.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())

    const capture = new CapturePage(app.page)
    // Mid-meeting, a picture: the sixth person being typed on their card.
    await capture.enterOrg(ORG, { after: 5, run: () => map.screenshot(shotPath(app, 'meeting-capture-typing.png')) })

    await expect.poll(async () => reportingLines(await dealOnDisk(app.dataDir)), { timeout: 10_000 })
      .toEqual(ORG.map((p) => `${p.name} → ${p.manager ?? '-'}`).sort())
    // Every title and department as typed, once the last save has landed (saves are debounced).
    const typed = (deal: Awaited<ReturnType<typeof dealOnDisk>>) =>
      ORG.map((p) => deal?.stakeholders.find((s) => s.name === p.name)).map((s) => `${s?.name}: ${s?.title} / ${s?.department}`)
    await expect.poll(async () => typed(await dealOnDisk(app.dataDir)), { timeout: 10_000 })
      .toEqual(ORG.map((p) => `${p.name}: ${p.title} / ${p.department}`))
    const deal = (await dealOnDisk(app.dataDir))!
    expect(deal.stakeholders.reduce((n, s) => n + s.contacts.length, 0)).toBe(0)
    // Typing fired no shortcut: the department view and the contact form never opened.
    expect(await app.page.locator('.department-group, [data-testid="contact-form"]').count()).toBe(0)

    await app.page.getByTestId('action-fit-view').click()
    await expect.poll(() => app.page.locator('.react-flow__node-stakeholder div.card-name').count()).toBe(ORG.length)
    const boxes = [...(await map.cardBoxes()).entries()]
    expect(boxes).toHaveLength(ORG.length)
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      expect(overlaps(boxes[i][1], boxes[j][1]), `${boxes[i][0]} × ${boxes[j][0]}`).toBe(false)
    }
    console.log(`e2e meeting-capture: ${ORG.length} people, ${capture.effort.keys} keys, ${capture.effort.clicks} clicks`)
    expect(app.pageErrors).toEqual([])
  })

  it('three direct reports of one manager are siblings, and the manager stays selected', async () => {
    await app.page.getByTestId('action-fit-view').click()
    await map.screenshot(shotPath(app, 'meeting-capture-12.png'))
    await map.node('Olaf Dahl').click()
    for (const name of ['Nina Lowe', 'Dag Lund', 'Hal Nyberg']) {
      await app.page.getByTestId('add-report').click()
      await new CapturePage(app.page).waitForName()
      await app.page.keyboard.type(name)
    }
    await app.page.keyboard.press('Escape')
    await expect.poll(async () => reportingLines(await dealOnDisk(app.dataDir)).filter((l) => /Nina Lowe|Dag Lund|Hal Nyberg/.test(l)), { timeout: 10_000 })
      .toEqual(['Dag Lund → Olaf Dahl', 'Hal Nyberg → Olaf Dahl', 'Nina Lowe → Olaf Dahl'])
    await expect.poll(() => map.inspectorField('name').inputValue()).toBe('Olaf Dahl')
  })

  it('the filter bar keeps its height when a filter is chosen, at 1440 × 900 and 1280 × 720', async () => {
    for (const size of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
      await app.page.setViewportSize(size)
      const bar = app.page.getByTestId('filter-bar')
      const before = (await bar.boundingBox())!.height
      await bar.locator('.stance-chip').first().click()
      await app.page.getByTestId('filter-department').selectOption({ index: 1 })
      expect((await bar.boundingBox())!.height, `${size.width}×${size.height}`).toBe(before)
      await app.page.getByTestId('filter-clear').click()
      expect((await bar.boundingBox())!.height).toBe(before)
    }
    await app.page.setViewportSize({ width: 1440, height: 900 })
  })

  it('explains every card mark in the legend', async () => {
    const legend = app.page.getByTestId('legend-badges')
    for (const badge of ['stale', 'none', 'inner-circle-mark', 'double-border', 'placeholder']) {
      expect(await legend.locator(`[data-badge="${badge}"]`).count(), badge).toBe(1)
    }
    // No one added today says "Stale".
    expect(await app.page.locator('[data-testid="stakeholder-card"] [data-testid="stale-badge"]').count()).toBe(0)
  })

  it('looks right at 1440 × 900 and 1280 × 720, in English and Chinese', async () => {
    const page = app.page
    await page.getByTestId('action-fit-view').click()
    await map.screenshot(shotPath(app, 'meeting-capture-1440.png'))
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.getByTestId('action-fit-view').click()
    await map.node('Nadia Lund').dblclick()
    await new CapturePage(page).waitForName()
    await map.screenshot(shotPath(app, 'meeting-capture-1280.png'))
    await page.keyboard.press('Escape')

    await map.backToDeals()
    const deals = await new DealsPage(page).waitUntilShown()
    await page.getByTestId('language-select').selectOption('zh-CN')
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN')
    await deals.open(DEAL)
    await map.waitUntilShown()
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    await page.keyboard.press('n')
    await new CapturePage(page).waitForName()
    await expect.poll(() => page.locator('input[data-field="name"]').inputValue()).toBe('新联系人')
    await map.screenshot(shotPath(app, 'meeting-capture-zh-1280.png'))
    await page.keyboard.press('Escape')
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.getByTestId('action-fit-view').click()
    await map.screenshot(shotPath(app, 'meeting-capture-zh-1440.png'))
    await page.getByTestId('language-select').count() // still on the map
    expect(app.pageErrors).toEqual([])
  })
})
