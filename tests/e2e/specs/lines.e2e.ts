import { mkdir } from 'node:fs/promises'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CARD_SIZE } from '@shared/card-size'
import { toDealFile } from '@shared/model'
import { aDeal } from '../../fixtures/builders'
import { openApp, type App } from '../harness/app'
import { dataFolderWith } from '../harness/data-folder'
import { dealNamed } from '../harness/disk'
import { DealsPage } from '../poms/DealsPage'
import { MapPage } from '../poms/MapPage'

const SHOTS = resolve(import.meta.dirname, '../../../docs/screenshots')
const DEAL = 'Fairway Health ERP'
const ANA = 'Ana Ruiz'
const BEN = 'Ben Okafor'

const dealOnDisk = (dataDir: string) => dealNamed(dataDir, DEAL)

/** The first and last point of an SVG path as the edge draws it ("M x,y … L x,y"). */
function ends(d: string): { first: { x: number; y: number }; last: { x: number; y: number } } {
  const nums = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number)
  return { first: { x: nums[0], y: nums[1] }, last: { x: nums[nums.length - 2], y: nums[nums.length - 1] } }
}

describe('lines that read: an ally line drawn sideways, with a label', () => {
  let app: App
  let map: MapPage
  const picture = async (name: string) => {
    if (app.mode !== 'chromium') return
    await mkdir(SHOTS, { recursive: true })
    await map.screenshot(resolve(SHOTS, name))
  }
  beforeAll(async () => {
    // Two people side by side on one row, as a team draws peers: the subject here is the line.
    const deal = aDeal('fairway').named(DEAL, 'Fairway Health')
      .withStakeholder('ana', { name: ANA, position: { x: 0, y: 0 } })
      .withStakeholder('ben', { name: BEN, position: { x: CARD_SIZE.high.width + 160, y: 0 } })
      .build()
    app = await openApp({ dataDir: await dataFolderWith([toDealFile(deal, [])], 'war-room-e2e-lines-') })
  })
  afterAll(() => app?.close())

  it('two people side by side on one row; Ana reports to Ben', async () => {
    await app.page.setViewportSize({ width: 1280, height: 720 })
    const deals = await new DealsPage(app.page).waitUntilShown()
    await deals.open(DEAL)
    map = await new MapPage(app.page).waitUntilShown()
    const deal = (await dealOnDisk(app.dataDir))!
    const [ana, ben] = [ANA, BEN].map((n) => deal.stakeholders.find((s) => s.name === n)!)
    expect(ben.position.y).toBe(ana.position.y)
    expect(ben.position.x).toBeGreaterThan(ana.position.x)
    // Ana reports to Ben: from Ben's bottom dot onto Ana, reports-to.
    await map.clickEmptyCanvas()
    await map.drawLine(BEN, ANA)
    await app.page.getByTestId('connect-kind-reports-to').click()
    await expect.poll(async () => (await dealOnDisk(app.dataDir))?.links.map((l) => l.kind)).toEqual(['reports-to'])
  })

  it('drawn from Ana\'s right side onto Ben: no loop warning flashes while the kind is chosen, and nothing is made before', async () => {
    await map.clickEmptyCanvas()
    await map.watchCycleWarning()
    await map.drawLineFromSide(ANA, 'right', BEN)
    await expect.poll(() => app.page.getByTestId('connection-popover').isVisible()).toBe(true)
    expect((await dealOnDisk(app.dataDir))?.links).toHaveLength(1) // only the reports-to line
    await picture('lines-choosing-1280.png')
    await app.page.getByTestId('connect-kind-ally').click()
    await expect.poll(async () => (await dealOnDisk(app.dataDir))?.links.map((l) => l.kind).sort()).toEqual(['ally', 'reports-to'])
    expect(await map.cycleWarningSeen()).toBe(0)
  })

  it('the ally line leaves Ana\'s right side and enters Ben\'s left side', async () => {
    const deal = (await dealOnDisk(app.dataDir))!
    const [ana, ben] = [ANA, BEN].map((n) => deal.stakeholders.find((s) => s.name === n)!)
    const d = await app.page.locator('.react-flow__edge.link-ally path.react-flow__edge-path').getAttribute('d')
    const { first, last } = ends(d ?? '')
    expect(first.x).toBeCloseTo(ana.position.x + CARD_SIZE[ana.influence].width, 0)
    expect(last.x).toBeCloseTo(ben.position.x, 0)
    expect(first.y).toBeCloseTo(ana.position.y + CARD_SIZE[ana.influence].height / 2, 0)
  })

  it('double-click on the line, type "golf partner": the label shows on the map and is saved', async () => {
    const line = app.page.locator('.react-flow__edge.link-ally path.react-flow__edge-path')
    const box = (await line.boundingBox())!
    await app.page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2)
    const input = app.page.getByTestId('line-label-input')
    await expect.poll(() => input.isVisible()).toBe(true)
    // Letters that are single-key shortcuts elsewhere must just type here.
    await input.pressSequentially('golf partner')
    await input.press('Enter')
    const label = app.page.getByTestId('line-label').filter({ hasText: 'golf partner' })
    await expect.poll(() => label.isVisible()).toBe(true)
    await expect.poll(async () => (await dealOnDisk(app.dataDir))?.links.find((l) => l.kind === 'ally')?.label).toBe('golf partner')
    expect((await dealOnDisk(app.dataDir))?.stakeholders).toHaveLength(2) // no shortcut added a person
    // The label sits on the line, between the two cards.
    const labelBox = (await label.boundingBox())!
    const ana = (await map.node(ANA).boundingBox())!
    const ben = (await map.node(BEN).boundingBox())!
    expect(labelBox.x).toBeGreaterThanOrEqual(ana.x + ana.width - 40)
    expect(labelBox.x + labelBox.width).toBeLessThanOrEqual(ben.x + 40)
    expect(app.pageErrors).toEqual([])
  })

  it('pictures at 1280 × 720 and 1440 × 900, in English and Chinese', async () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      if (lang === 'zh-CN') {
        await map.backToDeals()
        await app.page.getByTestId('language-select').selectOption('zh-CN')
        await expect.poll(() => app.page.locator('html').getAttribute('lang')).toBe('zh-CN')
        await new DealsPage(app.page).open(DEAL)
        await map.waitUntilShown()
      }
      for (const [w, h] of [[1280, 720], [1440, 900]] as const) {
        await app.page.setViewportSize({ width: w, height: h })
        await app.sendMenuAction('fit-view')
        await expect.poll(() => app.page.getByTestId('line-label').filter({ hasText: 'golf partner' }).isVisible()).toBe(true)
        await picture(`lines-${w}${lang === 'en' ? '' : '-zh-CN'}.png`)
      }
    }
    // The legend explains coverage lines apart from the line kinds (it starts folded on the
    // short window this map was opened in).
    const legend = app.page.getByTestId('map-legend').locator('.legend-toggle')
    if ((await legend.getAttribute('aria-expanded')) === 'false') await legend.click()
    await expect.poll(() => app.page.getByTestId('legend-line-coverage').textContent()).toMatch(/覆盖/)
    expect(app.pageErrors).toEqual([])
  })
})
