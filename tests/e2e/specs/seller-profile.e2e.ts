import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GrowthFileSchema, type GrowthFile } from '@shared/growth'
import { localIsoDate } from '@shared/analysis'
import { newStakeholder, toDealFile } from '@shared/model'
import { sampleWorkspace } from '@shared/sample-deal'
import { openApp, type App } from '../harness/app'
import { dataFolderWith } from '../harness/data-folder'
import { DealsPage } from '../poms/DealsPage'
import { GrowthPage } from '../poms/GrowthPage'
import { MapPage } from '../poms/MapPage'
import { RosterPage, TeamPage } from '../poms/TeamPage'

const SHOTS = resolve(import.meta.dirname, '../../../docs/screenshots')
const SAMPLE = 'sample-harbor-city-core-banking'

async function growthOnDisk(dataDir: string): Promise<GrowthFile | null> {
  try {
    return GrowthFileSchema.parse(JSON.parse(await readFile(join(dataDir, 'growth.json'), 'utf8')))
  } catch {
    return null
  }
}

describe('seller growth profile', () => {
  let app: App
  beforeAll(async () => {
    app = await openApp()
    await new DealsPage(app.page).waitUntilShown()
  })
  afterAll(() => app?.close())

  it('opens from the roster and shows the next soul and where to learn it', async () => {
    await new RosterPage(app.page).openFromDeals()
    const growth = await new GrowthPage(app.page).openFromRoster('seller-dana')
    // Dana is junior: she learns attack next, beside Chen (senior) in the sample deal's project seat.
    await expect.poll(() => growth.nextSoul()).toBe('attack')
    await expect.poll(() => growth.learningDeals()).toEqual([SAMPLE])
    await expect.poll(() => growth.dialog.getByTestId('growth-private').textContent()).toContain('Private to this computer')
    await growth.close()
  })

  it('edits a trait and the freedoms, saves them to growth.json, and keeps them after a restart', async () => {
    const growth = await new GrowthPage(app.page).openFromRoster('seller-ben')
    await expect.poll(() => growth.nextSoul()).toBe('control') // Ben is mid
    await growth.score('sincerity', 4).click()
    await growth.score('depth', 3).click()
    await growth.dialog.locator('[data-freedom="customers"] input[type="checkbox"]').check()
    await growth.dialog.locator('[data-freedom="customers"] textarea').fill('Two banks call me first.')
    await growth.save()
    await expect.poll(async () => (await growthOnDisk(app.dataDir))?.sellers['seller-ben']).toMatchObject({
      assessment: { scores: { sincerity: 4, depth: 3, focus: 0, equanimity: 0 }, by: 'self', assessor: 'Ben Carter' },
      freedoms: { customers: { reached: true, note: 'Two banks call me first.' } },
    })
    // Never in the deal file.
    expect(await readFile(join(app.dataDir, 'deals', `${SAMPLE}.json`), 'utf8')).not.toContain('Two banks call me first.')

    const page = await app.restart()
    await new DealsPage(page).waitUntilShown()
    await new RosterPage(page).openFromDeals()
    const again = await new GrowthPage(page).openFromRoster('seller-ben')
    await expect.poll(() => again.score('sincerity', 4).getAttribute('aria-checked')).toBe('true')
    await expect.poll(() => again.score('depth', 3).getAttribute('aria-checked')).toBe('true')
    await expect.poll(() => again.dialog.locator('[data-freedom="customers"] textarea').inputValue()).toBe('Two banks call me first.')
    await again.close()
    await page.keyboard.press('Escape')
  })

  it('opens from a seat in the team tab', async () => {
    const page = app.page
    await page.locator(`[data-testid="deal-item"][data-deal-id="${SAMPLE}"] .deal-open`).click()
    await new MapPage(page).waitUntilShown()
    const team = await new TeamPage(page).show()
    await team.lane('control').locator('[data-testid="seat"][data-seller-id="seller-anna"] [data-testid="seat-profile"]').click()
    const growth = new GrowthPage(page)
    await growth.dialog.getByTestId('growth-next-soul').waitFor({ state: 'visible' })
    await expect.poll(() => growth.nextSoul()).toBe('support') // Anna is senior
    await growth.close()
    expect(app.pageErrors).toEqual([])
  })

  it('screenshots the profile at 1280×720 and 1440×900, in English and Chinese', async () => {
    const page = app.page
    for (const language of ['en', 'zh-CN'] as const) {
      if (await page.getByTestId('back-to-deals').isVisible()) await page.getByTestId('back-to-deals').click()
      await new DealsPage(page).waitUntilShown()
      await page.getByTestId('language-select').selectOption(language)
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language)
      await new RosterPage(page).openFromDeals()
      const growth = await new GrowthPage(page).openFromRoster('seller-ben')
      for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
        await page.setViewportSize({ width, height })
        await page.screenshot({ path: resolve(SHOTS, `seller-profile-${width}-${language}.png`), animations: 'disabled', caret: 'hide' })
      }
      await growth.close()
      await page.keyboard.press('Escape')
    }
  })
})

describe('team builder in the team tab', () => {
  let app: App
  beforeAll(async () => {
    // The sample deal plus a second deal of the same customer whose key person, Sophie Tremblay,
    // Ben already knows from the sample deal. Its attack seat is empty.
    const { deal: sample, roster } = sampleWorkspace(localIsoDate(new Date()))
    const second = {
      ...sample, id: 'harbor-payments', name: 'Harbor City payments hub', stage: 'qualify' as const, team: [], links: [], notes: '',
      stakeholders: [newStakeholder({ id: 'sophie', name: 'Sophie Tremblay', title: 'Chief Architect', influence: 'high', position: { x: 0, y: 0 } })],
    }
    app = await openApp({ dataDir: await dataFolderWith([toDealFile(sample, roster), toDealFile(second, roster)], 'war-room-e2e-team-builder-') })
    await new DealsPage(app.page).waitUntilShown()
  })
  afterAll(() => app?.close())

  it('ranks the gap\'s candidates by kind, then load, then who already knows the account\'s key people', async () => {
    const page = app.page
    await page.locator('[data-testid="deal-item"][data-deal-id="harbor-payments"] .deal-open').click()
    await new MapPage(page).waitUntilShown()
    const team = await new TeamPage(page).show()
    const builder = page.locator('[data-testid="team-builder"][data-role="attack"]')
    await builder.locator('summary').click()
    const ids = () => builder.getByTestId('team-builder-candidate').evaluateAll((els) => els.map((e) => e.getAttribute('data-seller-id')))
    // Chen's kind is the project seat; Ben and Anna each sit one other open deal; Ben knows Sophie, so he ranks before Anna (more senior).
    await expect.poll(ids).toEqual(['seller-chen', 'seller-ben', 'seller-anna'])
    await expect.poll(() => builder.locator('[data-seller-id="seller-ben"]').textContent()).toContain('knows 1 key person')
    await page.setViewportSize({ width: 1280, height: 720 })
    await builder.getByTestId('team-builder-candidate').last().scrollIntoViewIfNeeded()
    await page.screenshot({ path: resolve(SHOTS, 'seller-profile-team-builder-1280-en.png'), animations: 'disabled', caret: 'hide' })
    // Seat Ben from the builder: the attack gap closes.
    await builder.locator('[data-seller-id="seller-ben"] .team-builder-seat').click()
    await expect.poll(() => team.seatedNames('attack')).toEqual(['Ben Carter'])
    expect(app.pageErrors).toEqual([])
  })
})
