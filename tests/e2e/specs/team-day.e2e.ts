import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateDeal } from '../../fixtures/generate-large-deal'
import { openApp, type App } from '../harness/app'
import { dataFolderWith } from '../harness/data-folder'
import { dealNamed } from '../harness/disk'
import { screenshotsIn } from '../harness/screenshots'
import { DealsPage } from '../poms/DealsPage'
import { GrowthPage } from '../poms/GrowthPage'
import { MapPage } from '../poms/MapPage'
import { RosterPage, TeamPage } from '../poms/TeamPage'

/**
 * A deal team's day, walked by a new user in one go (keyboard and mouse, several steps in a
 * row): the account of a deal, a known person added from it, a look-alike confirmed; a
 * seller's growth profile; the team builder; a 1,000-person map zoomed, panned and edited.
 * Pictures go to E2E_SHOTS (default a temp folder) for a person to look at.
 */
const SHOTS = process.env.E2E_SHOTS ?? resolve(import.meta.dirname, '../../../.e2e-shots/team-day')
const { shot } = screenshotsIn(SHOTS, 0)
const SECOND = 'Payments hub'

describe('a team day: account, growth, team builder', () => {
  let app: App
  beforeAll(async () => {
    app = await openApp()
    await new DealsPage(app.page).waitUntilShown()
    await app.page.setViewportSize({ width: 1280, height: 720 })
  })
  afterAll(() => app?.close())

  it('a look-alike typed on a new deal of the same bank is offered as a candidate and confirmed from the account view', async () => {
    const page = app.page
    await new DealsPage(page).create({ name: SECOND, customer: 'Harbor City Bank' })
    const map = await new MapPage(page).waitUntilShown()
    await map.addWithToolbar()
    await expect.poll(() => map.inspectorField('name').isVisible()).toBe(true)
    await map.typeInField('name', 'Daniel Okafor')
    await map.typeInField('title', 'Chief Information Officer')
    await expect.poll(() => map.card('Daniel Okafor').count()).toBe(1)
    await shot(page, '01-new-deal-map-en-1280')
    // The account is built from the deals as saved.
    await expect.poll(async () => (await dealNamed(app.dataDir, SECOND))?.stakeholders[0]?.title, { timeout: 10_000 }).toBe('Chief Information Officer')

    await app.sendMenuAction('deal.account')
    const view = page.getByTestId('account-view')
    await expect.poll(() => view.getByTestId('account-counts').textContent()).toMatch(/people/)
    await shot(page, '02-account-view-en-1280')
    await page.setViewportSize({ width: 1440, height: 900 })
    await shot(page, '02-account-view-en-1440')
    // Typed name first, title second: once the title matches, the account offers the bank's
    // Daniel Okafor as the same person. Confirm it; the list empties, and Esc still closes the
    // view although the button that had the focus is gone.
    await expect.poll(() => view.getByTestId('account-candidate').count(), { timeout: 10_000 }).toBe(1)
    await view.getByTestId('account-candidate').first().getByRole('button').first().click()
    await expect.poll(() => view.getByTestId('account-candidate').count(), { timeout: 10_000 }).toBe(0)
    await shot(page, '03-account-view-after-confirm-en-1440')
    await page.keyboard.press('Escape')
    await expect.poll(() => view.count()).toBe(0)

    // Add another known person from the account, through the people table.
    await app.sendMenuAction('view.people')
    await page.getByTestId('people-add-from-account').click()
    const dialog = page.getByTestId('add-from-account')
    await shot(page, '04-add-from-account-en-1440')
    await dialog.getByTestId('add-from-account-search').fill('tremblay')
    await expect.poll(() => dialog.getByTestId('account-person').count()).toBe(1)
    await dialog.getByTestId('account-person').press('Enter')
    await expect.poll(() => dialog.count()).toBe(0)
    await expect.poll(async () => (await dealNamed(app.dataDir, SECOND))?.stakeholders.length, { timeout: 10_000 }).toBe(2)
    await shot(page, '05-people-after-add-en-1440')
    expect(app.pageErrors).toEqual([])
  })

  it('rates a seller, reads the growth path, and uses the team builder', async () => {
    const page = app.page
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.getByTestId('view-map').click()
    const team = await new TeamPage(page).show()
    await shot(page, '06-team-tab-en-1280')
    const builder = page.locator('[data-testid="team-builder"]').first()
    if (await builder.count()) {
      await builder.locator('summary').click()
      await shot(page, '07-team-builder-open-en-1280')
      await builder.locator('.team-builder-seat').first().click()
      await shot(page, '08-team-builder-seated-en-1280')
    }
    void team
    await new MapPage(page).backToDeals()
    await new RosterPage(page).openFromDeals()
    await shot(page, '09-roster-en-1280')
    const growth = await new GrowthPage(page).openFromRoster('seller-dana')
    await growth.score('sincerity', 3).click()
    await growth.score('focus', 2).click()
    await shot(page, '10-growth-profile-en-1280')
    await page.setViewportSize({ width: 1440, height: 900 })
    await shot(page, '10-growth-profile-en-1440')
    await growth.save()
    await growth.close()
    await page.keyboard.press('Escape')

    for (const language of ['zh-CN'] as const) {
      await page.getByTestId('language-select').selectOption(language)
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language)
      await new RosterPage(page).openFromDeals()
      const g = await new GrowthPage(page).openFromRoster('seller-dana')
      await page.setViewportSize({ width: 1280, height: 720 })
      await shot(page, `11-growth-profile-${language}-1280`)
      await g.close()
      await page.keyboard.press('Escape')
      await page.locator('[data-testid="deal-item"]').filter({ hasText: SECOND }).getByTestId('open-account').click()
      await expect.poll(() => page.getByTestId('account-view').count()).toBe(1)
      await shot(page, `12-account-view-${language}-1280`)
      await page.setViewportSize({ width: 1440, height: 900 })
      await shot(page, `12-account-view-${language}-1440`)
      await page.keyboard.press('Escape')
      await page.locator('[data-testid="deal-item"]').filter({ hasText: SECOND }).locator('.deal-open').click()
      await new MapPage(page).waitUntilShown()
      await new TeamPage(page).show()
      await shot(page, `13-team-tab-${language}-1440`)
      await app.sendMenuAction('view.people')
      await page.getByTestId('people-add-from-account').click()
      await shot(page, `14-add-from-account-${language}-1440`)
      await page.keyboard.press('Escape')
    }
    expect(app.pageErrors).toEqual([])
  })
})

describe('a team day: the 1,000-person map', () => {
  const file = generateDeal({ stakeholders: 1000, links: 2000, seed: 11 })
  let app: App
  beforeAll(async () => {
    app = await openApp({ dataDir: await dataFolderWith([file], 'war-room-e2e-team-day-') })
    await app.page.setViewportSize({ width: 1440, height: 900 })
    await new DealsPage(app.page).waitUntilShown()
    await new DealsPage(app.page).open(file.deal.name)
    await new MapPage(app.page).waitUntilShown()
  })
  afterAll(() => app?.close())

  it('zooms out and in with the wheel, pans by dragging, clicks a far-out card and renames it', async () => {
    const page = app.page
    const map = new MapPage(page)
    const layer = page.getByTestId('map-canvas-layer')
    await expect.poll(() => layer.count(), { timeout: 30_000 }).toBe(1)
    // The first open links every card to its account person (written with the deal)...
    await expect.poll(async () => (await dealNamed(app.dataDir, file.deal.name))?.stakeholders.every((c) => c.personId), { timeout: 20_000 }).toBe(true)
    // Opening a deal made before accounts only links its cards: nothing "updated" to announce.
    expect(await page.getByText(/updated from the account/).count()).toBe(0)
    await shot(page, '20-map-1000-far-en-1440')
    const box = (await page.locator('.react-flow').boundingBox())!
    const mid = { x: box.x + box.width / 2, y: box.y + box.height / 2 }
    await page.mouse.move(mid.x, mid.y)
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -200)
    await expect.poll(() => page.locator('.react-flow__node-stakeholder').count(), { timeout: 10_000 }).toBeGreaterThan(3)
    await shot(page, '21-map-1000-zoomed-in-en-1440')
    // Pan: drag the empty canvas.
    const spot = await map.emptySpot()
    await page.mouse.move(spot.x, spot.y)
    await page.mouse.down()
    await page.mouse.move(spot.x - 300, spot.y - 200, { steps: 8 })
    await page.mouse.up()
    await shot(page, '22-map-1000-panned-en-1440')
    await page.mouse.move(mid.x, mid.y)
    for (let i = 0; i < 20 && (await layer.count()) === 0; i++) await page.mouse.wheel(0, 250)
    await expect.poll(() => layer.count(), { timeout: 10_000 }).toBe(1)
    await shot(page, '23-map-1000-far-again-en-1440')
    // Click a card far out: move over a drawn card, click it, rename it in the inspector.
    const target = await page.locator('.react-flow__viewport').evaluate((el, people) => {
      const m = new DOMMatrixReadOnly(getComputedStyle(el).transform)
      const rect = el.closest('.react-flow')!.getBoundingClientRect()
      for (const p of people) {
        const x = rect.left + m.e + (p.x + 100) * m.a
        const y = rect.top + m.f + (p.y + 54) * m.a
        if (x < rect.left + 350 || x > rect.right - 350 || y < rect.top + 150 || y > rect.bottom - 150) continue
        const hit = document.elementFromPoint(x, y)
        if (hit && String(hit.className).includes('react-flow__pane')) return { id: p.id, x, y }
      }
      return null
    }, file.deal.stakeholders.map((s) => ({ id: s.id, x: s.position.x, y: s.position.y })))
    expect(target).not.toBeNull()
    await page.mouse.move(target!.x, target!.y)
    await page.mouse.click(target!.x, target!.y)
    const before = file.deal.stakeholders.find((s) => s.id === target!.id)!.name
    await expect.poll(() => map.inspectorField('name').inputValue(), { timeout: 10_000 }).toBe(before)
    await shot(page, '24-map-1000-far-selected-en-1440')
    await map.typeInField('name', 'Renamed Far Person')
    await expect.poll(async () => (await dealNamed(app.dataDir, file.deal.name))?.stakeholders.find((s) => s.id === target!.id)?.name, { timeout: 15_000 }).toBe('Renamed Far Person')
    await page.setViewportSize({ width: 1280, height: 720 })
    await shot(page, '25-map-1000-after-edit-en-1280')
    expect(app.pageErrors).toEqual([])
  })
})
