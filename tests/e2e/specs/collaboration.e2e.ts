import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DealFile } from '@shared/model'
import type { App } from '../harness/app'
import { CollabPage, type Who } from '../poms/CollabPage'
import { DealsPage } from '../poms/DealsPage'
import { MapPage } from '../poms/MapPage'
import { TeamServer, twoLaptops } from '../harness/team-server'
import { VIEWPORT } from '../harness/mode'

const SHOTS = resolve(import.meta.dirname, '../../../docs/screenshots')
const DEAL = 'Northwind rollout'
const ANNA = { token: 'e2e-token-anna-kowalski-0001', name: 'Anna Kowalski', email: 'anna@example.com', role: 'editor' }
const BRUNO = { token: 'e2e-token-bruno-keller-00002', name: 'Bruno Keller', email: 'bruno@example.com', role: 'editor' }

async function dealOnDisk(app: App, dealId: string): Promise<DealFile['deal'] | null> {
  try {
    return (JSON.parse(await readFile(join(app.dataDir, 'deals', `${dealId}.json`), 'utf8')) as DealFile).deal
  } catch {
    return null
  }
}

const personNamed = (deal: DealFile['deal'] | null, name: string) => deal?.stakeholders.find((s) => s.name === name)

/**
 * Two laptops (two app pages, two data folders) and one real team server on 127.0.0.1
 * (collab-server's startCollabServer), as docs/collaboration-app.md describes the app side.
 */
describe('collaboration: two laptops on one team server', () => {
  let team: TeamServer
  let a: App
  let b: App
  let dealId: string
  const who = (t: typeof ANNA): Who => team.who(t)

  beforeAll(async () => {
    team = await TeamServer.start('e2e-collab-server-', [ANNA, BRUNO])
    ;[a, b] = await twoLaptops(undefined, VIEWPORT)
  })
  afterAll(async () => {
    await a?.close()
    await b?.close()
    await team?.remove()
  })

  it('refuses a bad address and an empty token at the field, in words', async () => {
    // Every laptop has the first-run sample (one id on every laptop): the team shares a new deal.
    await new DealsPage(a.page).create({ name: DEAL, customer: 'Northwind' })
    const mapA = await new MapPage(a.page).waitUntilShown()
    for (const name of ['Grace Liu', 'Omar Haddad']) {
      await mapA.addWithToolbar()
      await expect.poll(() => mapA.inspectorField('name').isVisible()).toBe(true)
      await mapA.typeInField('name', name)
      await expect.poll(() => mapA.card(name).count()).toBe(1)
    }
    const collab = new CollabPage(a.page)
    await a.page.getByTestId('collab-share').click()
    await collab.fill({ serverUrl: 'http://example.com', token: '', name: 'Anna Kowalski', email: 'anna@' })
    await collab.dialog.getByTestId('collab-submit').click()
    const note = (field: string) => collab.dialog.locator(`#collab-${field}-note`).textContent()
    await expect.poll(() => note('serverUrl')).toBe('The address must start with ws:// or wss://.')
    await expect.poll(() => note('token')).toBe('Type your token.')
    await expect.poll(() => note('email')).toBe('This is not an email address.')
    await a.page.keyboard.press('Escape')
    await expect.poll(() => collab.dialog.count()).toBe(0)
  })

  it('a wrong token is refused with the reason in the top bar', async () => {
    const collab = new CollabPage(a.page)
    await collab.share({ ...who(ANNA), token: 'not-a-token-of-this-server' })
    await expect.poll(() => collab.status(), { timeout: 15_000 }).toBe('refused')
    await expect.poll(() => collab.statusText()).toContain('wrong token')
    // Unshare: the app's own dialog asks first (Esc keeps the sharing), then the deal is private again.
    await a.page.getByTestId('collab-menu').click()
    await a.page.getByTestId('collab-unshare').click()
    await expect.poll(() => a.page.getByTestId('end-sharing-dialog').isVisible()).toBe(true)
    await a.page.keyboard.press('Escape')
    await expect.poll(() => a.page.getByTestId('end-sharing-dialog').count()).toBe(0)
    expect(await collab.status()).toBe('refused')
    await a.page.getByTestId('collab-menu').click()
    await a.page.getByTestId('collab-unshare').click()
    await a.page.getByTestId('end-sharing-confirm').click()
    await expect.poll(() => collab.status()).toBe(null)
  })

  it('A shares the deal, B joins it by its id, and both see who is here', async () => {
    const ca = new CollabPage(a.page)
    await ca.share(who(ANNA))
    await expect.poll(() => ca.status(), { timeout: 15_000 }).toBe('connected')
    dealId = await ca.dealId()
    // The token is nowhere on A's disk in plain text.
    const files = await Promise.all(['workspace.json', `deals/${dealId}.json`, `deals/${dealId}.share.json`, 'collab-user.json'].map((f) => readFile(join(a.dataDir, f), 'utf8')))
    for (const text of files) expect(text).not.toContain(ANNA.token)

    const cb = new CollabPage(b.page)
    await cb.join(who(BRUNO), dealId)
    const mapB = await new MapPage(b.page).waitUntilShown()
    await expect.poll(() => mapB.title()).toContain(DEAL)
    await expect.poll(() => cb.status(), { timeout: 15_000 }).toBe('connected')
    await expect.poll(() => ca.present(), { timeout: 10_000 }).toEqual(['Anna Kowalski (you)', 'Bruno Keller <bruno@example.com>'])
    await expect.poll(() => cb.present(), { timeout: 10_000 }).toEqual(['Bruno Keller (you)', 'Anna Kowalski <anna@example.com>'])
  })

  it('adds a person in A and it appears in B, without moving B’s view or dropping B’s selection', async () => {
    const mapA = new MapPage(a.page)
    const mapB = new MapPage(b.page)
    const someone = (await mapB.visibleCardNames())[0]
    await mapB.node(someone).click()
    const viewBefore = await mapB.viewportTransform()
    const selectedBefore = await b.page.locator('.react-flow__node.selected').count()
    expect(selectedBefore).toBe(1)

    await mapA.addWithToolbar()
    await expect.poll(() => mapA.inspectorField('name').isVisible()).toBe(true)
    await mapA.typeInField('name', 'Dana Whitfield')
    await expect.poll(() => mapB.card('Dana Whitfield').count(), { timeout: 10_000 }).toBe(1)
    expect(await mapB.viewportTransform()).toBe(viewBefore)
    expect(await b.page.locator('.react-flow__node.selected').count()).toBe(1)
    await expect.poll(() => dealOnDisk(b, dealId).then((d) => !!personNamed(d, 'Dana Whitfield')), { timeout: 10_000 }).toBe(true)
  })

  it('A’s selection is outlined on B’s map with A’s name; pictures in English and Chinese', async () => {
    const mapA = new MapPage(a.page)
    await mapA.node('Dana Whitfield').click()
    const cb = new CollabPage(b.page)
    await expect.poll(() => cb.remoteSelections().then((s) => s.map((x) => x.user)), { timeout: 10_000 }).toEqual(['Anna Kowalski'])
    const mapB = new MapPage(b.page)
    await b.page.getByTestId('action-fit-view').click()
    for (const [w, h] of [[1280, 720], [1440, 900]] as const) {
      await b.page.setViewportSize({ width: w, height: h })
      await b.page.getByTestId('action-fit-view').click()
      await mapB.screenshot(join(SHOTS, `collaboration-presence-en-${w}.png`))
    }
    // Chinese: the same map, B's words in zh-CN.
    await mapB.backToDeals()
    await b.page.getByTestId('language-select').selectOption('zh-CN')
    await expect.poll(() => b.page.locator('html').getAttribute('lang')).toBe('zh-CN')
    await b.page.locator(`[data-deal-id="${dealId}"] .deal-open`).click()
    await mapB.waitUntilShown()
    await expect.poll(() => cb.status(), { timeout: 10_000 }).toBe('connected')
    await expect.poll(() => cb.remoteSelections().then((s) => s.length), { timeout: 10_000 }).toBe(1)
    for (const [w, h] of [[1280, 720], [1440, 900]] as const) {
      await b.page.setViewportSize({ width: w, height: h })
      await b.page.getByTestId('action-fit-view').click()
      await mapB.screenshot(join(SHOTS, `collaboration-presence-zh-CN-${w}.png`))
    }
    await mapB.backToDeals()
    await b.page.getByTestId('language-select').selectOption('en')
    await b.page.locator(`[data-deal-id="${dealId}"] .deal-open`).click()
    await mapB.waitUntilShown()
    await expect.poll(() => cb.status(), { timeout: 10_000 }).toBe('connected')
  })

  it('B’s undo takes back B’s edit only, never A’s', async () => {
    const mapA = new MapPage(a.page)
    const mapB = new MapPage(b.page)
    await mapA.node('Dana Whitfield').click()
    await mapA.typeInField('title', 'Chief Risk Officer')
    await expect.poll(() => dealOnDisk(b, dealId).then((d) => personNamed(d, 'Dana Whitfield')?.title), { timeout: 10_000 }).toBe('Chief Risk Officer')

    await mapB.node('Dana Whitfield').click()
    await mapB.typeInField('department', 'Risk')
    await expect.poll(() => dealOnDisk(a, dealId).then((d) => personNamed(d, 'Dana Whitfield')?.department), { timeout: 10_000 }).toBe('Risk')

    await mapB.clickEmptyCanvas()
    await b.page.getByTestId('action-undo').click()
    for (const app of [a, b]) {
      await expect.poll(() => dealOnDisk(app, dealId).then((d) => personNamed(d, 'Dana Whitfield')?.department ?? ''), { timeout: 10_000 }).toBe('')
      await expect.poll(() => dealOnDisk(app, dealId).then((d) => personNamed(d, 'Dana Whitfield')?.title)).toBe('Chief Risk Officer')
    }
  })

  it('the server stops, both edit offline, it comes back, and both converge', async () => {
    const ca = new CollabPage(a.page)
    const cb = new CollabPage(b.page)
    await team.stop()
    await expect.poll(() => ca.status(), { timeout: 15_000 }).toBe('offline')
    await expect.poll(() => cb.status(), { timeout: 15_000 }).toBe('offline')

    const mapA = new MapPage(a.page)
    const mapB = new MapPage(b.page)
    await mapA.node('Dana Whitfield').click()
    await mapA.typeInField('notes', 'Met at the risk summit')
    await mapB.node('Dana Whitfield').click()
    await mapB.typeInField('department', 'Group Risk')
    await expect.poll(() => ca.statusText()).toMatch(/Offline · \d+ changes? waiting/)

    await team.restart()
    await expect.poll(() => ca.status(), { timeout: 20_000 }).toBe('connected')
    await expect.poll(() => cb.status(), { timeout: 20_000 }).toBe('connected')
    for (const app of [a, b]) {
      await expect.poll(() => dealOnDisk(app, dealId).then((d) => {
        const dana = personNamed(d, 'Dana Whitfield')
        return [dana?.notes, dana?.department]
      }), { timeout: 15_000 }).toEqual(['Met at the risk summit', 'Group Risk'])
    }
    await expect.poll(() => mapA.inspectorField('department').inputValue()).toBe('Group Risk')
    expect(a.pageErrors).toEqual([])
    expect(b.pageErrors).toEqual([])
  })
})
