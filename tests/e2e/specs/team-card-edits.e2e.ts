import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { type App } from '../harness/app'
import { screenshotsIn } from '../harness/screenshots'
import { CapturePage } from '../poms/CapturePage'
import { CollabPage, type Who } from '../poms/CollabPage'
import { DealsPage } from '../poms/DealsPage'
import { MapPage } from '../poms/MapPage'
import { MeetingPage } from '../poms/MeetingPage'
import { TeamServer, twoLaptops } from '../harness/team-server'

/**
 * A colleague edits the people of a shared deal while the other laptop watches its map
 * (docs/performance.md, "A colleague's edit, card by card"): the cards read their person live
 * from the open deal and the map redraws only for what it draws or filters on, so every edit
 * must still show where it belongs (the card, the dimming of a filter, the department boxes,
 * the accessible name, meeting mode, Chinese), and undo stays each user's own.
 * Pictures go to E2E_SHOTS (default .e2e-shots/team-card-edits, not committed).
 */
const SHOTS = process.env.E2E_SHOTS ?? resolve(import.meta.dirname, '../../../.e2e-shots/team-card-edits')
const { shot, bothSizes } = screenshotsIn(SHOTS)
const ANNA = { token: 'e2e-token-anna-kowalski-0001', name: 'Anna Kowalski', email: 'anna@example.com', role: 'editor' }
const BRUNO = { token: 'e2e-token-bruno-keller-00002', name: 'Bruno Keller', email: 'bruno@example.com', role: 'editor' }
const GRACE = { name: 'Grace Liu', title: 'CIO', department: 'IT' }
const OMAR = { name: 'Omar Haddad', title: 'CFO', department: 'Finance', manager: 'Grace Liu' }
const LIVE = { timeout: 15_000 }

const cardOf = (page: Page, name: string) => page.getByTestId('stakeholder-card').filter({ hasText: name })
const cardText = async (page: Page, name: string) => ((await cardOf(page, name).textContent()) ?? '').replace(/\s+/g, ' ')
const cardClass = async (page: Page, name: string) => (await cardOf(page, name).getAttribute('class')) ?? ''

/** Anna selects a person by the search box and edits one inspector field, as she would in the room. */
async function edit(page: Page, person: string, change: (map: MapPage) => Promise<void>): Promise<void> {
  const map = new MapPage(page)
  await map.search(person)
  await page.getByTestId('tab-inspector').click()
  await change(map)
}

async function undoOnTheMap(page: Page): Promise<void> {
  await new MapPage(page).clickEmptyCanvas()
  await page.keyboard.press('Control+z')
}

describe("a colleague's edits of a person, seen on the other laptop's map", () => {
  let team: TeamServer
  let a: App
  let b: App
  let dealId: string
  const who = (t: typeof ANNA): Who => team.who(t)

  beforeAll(async () => {
    team = await TeamServer.start('e2e-card-edits-', [ANNA, BRUNO])
    ;[a, b] = await twoLaptops()
  })
  afterAll(async () => {
    await a?.close()
    await b?.close()
    await team?.remove()
  })

  it('1. Anna shares a Fabrikam deal with Grace and Omar; Bruno joins', async () => {
    const pa = a.page
    await new DealsPage(pa).create({ name: 'Fabrikam rollout', customer: 'Fabrikam', stage: 'qualify' })
    await new MapPage(pa).waitUntilShown()
    await new CapturePage(pa).enterOrg([GRACE, OMAR])
    const ca = new CollabPage(pa)
    await ca.share(who(ANNA))
    await expect.poll(() => ca.status(), LIVE).toBe('connected')
    dealId = await ca.dealId()
    const cb = new CollabPage(b.page)
    await cb.join(who(BRUNO), dealId)
    await expect.poll(() => new MapPage(b.page).cards.count(), LIVE).toBe(2)
    await expect.poll(() => cb.status(), LIVE).toBe('connected')
  })

  it("2. Bruno filters on champions and shows departments; each of Anna's edits of Grace shows on his map where it belongs", async () => {
    const [pa, pb] = [a.page, b.page]
    await pb.setViewportSize({ width: 1280, height: 720 })
    await pb.getByTestId('filter-bar').getByRole('button', { name: 'Champion' }).click()
    await pb.getByTestId('action-toggle-departments').click()
    await expect.poll(() => cardClass(pb, GRACE.name), LIVE).toContain('dimmed')
    await expect.poll(() => pb.getByTestId('department-group').allTextContents(), LIVE).toEqual(expect.arrayContaining(['IT · 1', 'Finance · 1']))

    // What only the card shows: the title and the favoured competitor.
    await edit(pa, GRACE.name, (m) => m.typeInField('title', 'Chief Information Officer'))
    await edit(pa, GRACE.name, (m) => m.typeInField('favoredCompetitor', 'Globex'))
    await expect.poll(() => cardText(pb, GRACE.name), LIVE).toContain('Chief Information Officer')
    await expect.poll(() => cardText(pb, GRACE.name), LIVE).toContain('Globex')
    expect(await cardClass(pb, GRACE.name)).toContain('dimmed')

    // What the map reads: the stance (the filter), the department (the boxes), the name (the node).
    await edit(pa, GRACE.name, (m) => m.chooseInField('stance', 'champion'))
    await expect.poll(() => cardClass(pb, GRACE.name), LIVE).not.toContain('dimmed')
    expect(await cardClass(pb, OMAR.name)).toContain('dimmed')
    await edit(pa, GRACE.name, (m) => m.typeInField('department', 'Technology'))
    await expect.poll(() => pb.getByTestId('department-group').allTextContents(), LIVE).toEqual(expect.arrayContaining(['Technology · 1', 'Finance · 1']))
    await edit(pa, GRACE.name, (m) => m.typeInField('name', 'Grace Liu-Park'))
    await expect.poll(() => pb.locator('.react-flow__node').filter({ hasText: 'Grace Liu-Park' }).getAttribute('aria-label'), LIVE).toBe('Grace Liu-Park')
    await bothSizes(pb, '02-bruno-after-annas-edits')
  })

  it("3. Bruno's undo leaves Anna's edits; Anna's undo takes back her last on both laptops", async () => {
    const [pa, pb] = [a.page, b.page]
    await undoOnTheMap(pb)
    await pb.waitForTimeout(1_000)
    expect(await cardText(pb, 'Grace Liu-Park')).toContain('Chief Information Officer')
    await undoOnTheMap(pa)
    await expect.poll(() => pb.getByTestId('stakeholder-card').filter({ hasText: 'Grace Liu' }).filter({ hasNotText: 'Liu-Park' }).count(), LIVE).toBe(1)
    await expect.poll(() => cardText(pb, GRACE.name), LIVE).toContain('Chief Information Officer')
    await shot(pb, '03-bruno-after-annas-undo-1280')
  })

  it('4. Bruno presents: meeting mode shows the current values, and so does the map in Chinese', async () => {
    const pb = b.page
    await pb.setViewportSize({ width: 1440, height: 900 })
    await pb.getByTestId('filter-clear').click()
    const meeting = new MeetingPage(pb)
    await meeting.present()
    await expect.poll(async () => (await meeting.root.textContent()) ?? '', LIVE).toContain('Chief Information Officer')
    await shot(pb, '04-bruno-meeting-1440')
    await meeting.leave()

    const map = new MapPage(pb)
    await map.backToDeals()
    await pb.getByTestId('language-select').selectOption('zh-CN')
    await expect.poll(() => pb.locator('html').getAttribute('lang')).toBe('zh-CN')
    await pb.locator(`[data-deal-id="${dealId}"] .deal-open`).click()
    await map.waitUntilShown()
    await expect.poll(() => cardText(pb, GRACE.name), LIVE).toContain('Chief Information Officer')
    // The stance label on the card speaks Chinese after the colleague's stance change.
    await expect.poll(() => cardText(pb, GRACE.name), LIVE).toContain('拥护者')
    await bothSizes(pb, '04-bruno-map-zh')
  })
})
