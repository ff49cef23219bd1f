import { readdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type App } from '../harness/app'
import { dealNamed, validDeals } from '../harness/disk'
import { DealsPage } from '../poms/DealsPage'
import { MapPage } from '../poms/MapPage'

const SHOTS = resolve(import.meta.dirname, '../../../docs/screenshots')
const SECOND = 'Payments hub'

/**
 * One customer across deals (docs/method.md, "Accounts"): a person known from the sample deal
 * of Harbor City Bank is added to a second deal of the same bank from the account, and comes
 * with the relationship our account seller built; the account view shows the whole account.
 */
describe('accounts', () => {
  let app: App
  beforeAll(async () => {
    app = await openApp()
    await new DealsPage(app.page).waitUntilShown()
    await app.page.setViewportSize({ width: 1440, height: 900 })
  })
  afterAll(() => app?.close())

  it('adds a person known from another deal of the account: their relationship with our account seller comes along', async () => {
    await expect.poll(() => validDeals(app.dataDir).then((d) => d.length)).toBe(1) // the first-run sample
    // The same bank, typed differently: one account.
    await new DealsPage(app.page).create({ name: SECOND, customer: ' harbor CITY bank' })
    await new MapPage(app.page).waitUntilShown()
    await app.sendMenuAction('view.people')
    await app.page.getByTestId('people-add-from-account').click()
    const dialog = app.page.getByTestId('add-from-account')
    await dialog.getByTestId('add-from-account-search').fill('okafor')
    await expect.poll(() => dialog.getByTestId('account-person').count()).toBe(1)
    await dialog.getByTestId('account-person').click()
    await expect.poll(() => dialog.count()).toBe(0)

    // On disk: the card names the account person and carries the sample's relationships.
    await expect.poll(async () => (await dealNamed(app.dataDir, SECOND))?.stakeholders.length, { timeout: 10_000 }).toBe(1)
    const card = (await dealNamed(app.dataDir, SECOND))!.stakeholders[0]
    const sample = (await validDeals(app.dataDir)).find((d) => d.name !== SECOND)!
    const cio = sample.stakeholders.find((s) => s.name === 'Daniel Okafor')!
    expect(card).toMatchObject({ name: 'Daniel Okafor', title: cio.title, department: cio.department, buyingRole: 'unknown', stance: 'unknown' })
    expect(card.personId).toBeTruthy()
    expect(card.relationships).toEqual(cio.relationships)

    // On screen, in the map's inspector: Anna's assessment is there, nobody typed it again.
    await app.page.getByTestId('view-map').click()
    const inspector = app.page.getByTestId('stakeholder-inspector')
    await expect.poll(() => inspector.getByTestId('assessment').count()).toBeGreaterThan(0)
    await expect.poll(() => inspector.getByTestId('assessment').first().getAttribute('data-seller-id')).toBe(cio.relationships[0].sellerId)
    expect(app.pageErrors).toEqual([])
  })

  it('opens the account view: the whole account across its two deals, in English and Chinese, at 1280 × 720 and 1440 × 900', async () => {
    await app.sendMenuAction('deal.account')
    const view = app.page.getByTestId('account-view')
    await expect.poll(() => view.getByTestId('account-counts').textContent()).toBe('12 people · 2 deals')
    await expect.poll(() => view.getByTestId('account-deal').count()).toBe(2)
    await expect.poll(() => view.locator('.account-node').count()).toBe(12)
    await expect.poll(() => view.getByTestId('coverage-deep').getAttribute('data-value')).toMatch(/^\d+$/)
    const okaforRow = view.getByTestId('who-knows-row').filter({ hasText: 'Daniel Okafor' })
    await expect.poll(() => okaforRow.textContent()).toContain('Anna Kowalski')
    await expect.poll(() => view.getByTestId('heat-cell').count()).toBeGreaterThan(5)
    for (const [w, h] of [[1280, 720], [1440, 900]] as const) {
      await app.page.setViewportSize({ width: w, height: h })
      await app.page.screenshot({ path: join(SHOTS, `account-view-en-${w}.png`) })
    }
    await view.getByTestId('account-view-close').click()
    await expect.poll(() => view.count()).toBe(0)

    // From the deals list, in Chinese.
    await new MapPage(app.page).backToDeals()
    const list = await new DealsPage(app.page).waitUntilShown()
    await app.page.getByTestId('language-select').selectOption('zh-CN')
    await expect.poll(() => app.page.locator('html').getAttribute('lang')).toBe('zh-CN')
    await app.page.locator(`[data-testid="deal-item"]`).filter({ hasText: SECOND }).getByTestId('open-account').click()
    await expect.poll(() => view.getByTestId('account-counts').textContent()).toBe('12 人 · 2 个商机')
    for (const [w, h] of [[1280, 720], [1440, 900]] as const) {
      await app.page.setViewportSize({ width: w, height: h })
      await app.page.screenshot({ path: join(SHOTS, `account-view-zh-CN-${w}.png`) })
    }
    void list
    expect((await readdir(join(app.dataDir, 'accounts'))).filter((n) => n.endsWith('.json'))).toHaveLength(1)
    expect(app.pageErrors).toEqual([])
  })
})
