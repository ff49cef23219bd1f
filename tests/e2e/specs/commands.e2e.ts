import { mkdir } from 'node:fs/promises'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openApp, type App } from '../harness/app'
import { validDeals } from '../harness/disk'
import { DealsPage } from '../poms/DealsPage'
import { MapPage } from '../poms/MapPage'
import { TeamPage } from '../poms/TeamPage'

/**
 * One user's sequence through the fine-grained commands on the sample deal: pick a lane's
 * lead (and undo it), unseat a seller, drop an owner in the inspector, log an advice contact
 * and accept the depth it suggests. Each step is checked on screen and in the file on disk.
 */
const SHOTS = resolve(import.meta.dirname, '../.artifacts')

async function shot(page: Page, name: string, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size)
  await mkdir(SHOTS, { recursive: true })
  await new MapPage(page).screenshot(resolve(SHOTS, `commands-${name}-${size.width}.png`))
}

describe('editing through the shared commands', () => {
  let app: App
  let dealId = ''
  const onDisk = async () => (await validDeals(app.dataDir)).find((d) => d.id === dealId)!
  const seatsOf = async (seat: string) => (await onDisk()).team.filter((t) => t.seat === seat).map((t) => [t.sellerId, t.lead])

  beforeAll(async () => {
    app = await openApp()
    await app.page.setViewportSize({ width: 1280, height: 720 })
    await new DealsPage(app.page).waitUntilShown()
  })
  afterAll(() => app?.close())

  it('one lead per lane: making Dana lead of support takes it from Ben, and undo gives it back', async () => {
    await expect.poll(() => validDeals(app.dataDir).then((d) => d.length)).toBe(1) // the first-run sample
    const [sample] = await validDeals(app.dataDir)
    dealId = sample.id
    await new DealsPage(app.page).open(sample.name)
    await new MapPage(app.page).waitUntilShown()
    const team = await new TeamPage(app.page).show()
    const support = team.lane('support')
    const leadOf = (name: string) => support.getByTestId('seat').filter({ hasText: name }).getByTestId('seat-lead')
    await leadOf('Ben Carter').click()
    await expect.poll(() => seatsOf('solution')).toEqual([['seller-ben', true], ['seller-dana', false]])
    await leadOf('Dana Ortiz').click()
    await expect.poll(() => leadOf('Dana Ortiz').getAttribute('aria-pressed')).toBe('true')
    await expect.poll(() => leadOf('Ben Carter').getAttribute('aria-pressed')).toBe('false')
    await expect.poll(() => seatsOf('solution')).toEqual([['seller-ben', false], ['seller-dana', true]])

    await new MapPage(app.page).clickEmptyCanvas()
    await app.page.keyboard.press('Control+z')
    await expect.poll(() => leadOf('Ben Carter').getAttribute('aria-pressed')).toBe('true')
    await expect.poll(() => seatsOf('solution')).toEqual([['seller-ben', true], ['seller-dana', false]])
    await shot(app.page, 'team-en', { width: 1280, height: 720 })
  })

  it('unseats a seller from one lane', async () => {
    const team = new TeamPage(app.page)
    await team.lane('support').getByTestId('seat').filter({ hasText: 'Dana Ortiz' }).getByTestId('seat-remove').click()
    await expect.poll(() => team.seatedNames('support')).toEqual(['Ben Carter'])
    await expect.poll(() => seatsOf('solution')).toEqual([['seller-ben', true]])
  })

  it('drops an owner in the inspector, logs an advice contact and raises depth in one click', async () => {
    const map = new MapPage(app.page)
    const kenji = async () => (await onDisk()).stakeholders.find((s) => s.name === 'Kenji Watanabe')!
    expect((await kenji()).ownerIds).toEqual(['seller-dana', 'seller-chen'])
    await map.card('Kenji Watanabe').click()
    await app.page.getByTestId('tab-inspector').click()
    await map.inspector.waitFor({ state: 'visible' })
    await map.inspector.getByTestId('field-owners').locator('label', { hasText: 'Chen Wei' }).locator('input').uncheck()
    await expect.poll(async () => (await kenji()).ownerIds).toEqual(['seller-dana'])

    await map.inspector.getByTestId('log-contact').click()
    const form = map.inspector.getByTestId('contact-form')
    await form.getByTestId('contact-channel').selectOption('business-advice')
    await form.getByTestId('contact-seller').selectOption('seller-dana')
    await form.getByTestId('contact-note').fill('Asked how other banks staged their cut-over.')
    await form.getByTestId('contact-save').click()
    await expect.poll(async () => (await kenji()).contacts[0]).toMatchObject({ channel: 'business-advice', sellerId: 'seller-dana' })

    const raise = map.inspector.getByTestId('raise-depth')
    await raise.scrollIntoViewIfNeeded()
    await shot(app.page, 'inspector-en', { width: 1440, height: 900 })
    await raise.click()
    await expect.poll(async () => (await kenji()).relationships.find((r) => r.sellerId === 'seller-dana')?.elements.depth).toBe(3)
    await expect.poll(() => map.inspector.getByTestId('depth-suggestion').count()).toBe(0)
  })

  it('reads the same in Chinese (screenshots at 1280 × 720 and 1440 × 900)', async () => {
    const page = app.page
    const sample = await onDisk()
    await new MapPage(page).backToDeals()
    await page.getByTestId('language-select').selectOption('zh-CN')
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN')
    await new DealsPage(page).open(sample.name)
    await new MapPage(page).waitUntilShown()
    await new TeamPage(page).show()
    await shot(page, 'team-zh', { width: 1280, height: 720 })
    await shot(page, 'team-zh', { width: 1440, height: 900 })
    await new MapPage(page).card('Kenji Watanabe').click()
    await page.getByTestId('tab-inspector').click()
    await shot(page, 'inspector-zh', { width: 1280, height: 720 })
    await shot(page, 'inspector-zh', { width: 1440, height: 900 })
  })
})
