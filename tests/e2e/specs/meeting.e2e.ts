import { mkdir, readFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Deal, Seller } from '@shared/model'
import { keyPlayersInOrder } from '@shared/analysis'
import { openApp, type App } from '../harness/app'
import { validDeals } from '../harness/disk'
import { DealsPage } from '../poms/DealsPage'
import { MapPage } from '../poms/MapPage'
import { MeetingPage } from '../poms/MeetingPage'

const SCREENSHOT = resolve(import.meta.dirname, '../../../docs/screenshots/meeting-mode.png')
const SHOTS = resolve(import.meta.dirname, '../../../docs/screenshots')

interface Box { x: number; y: number; width: number; height: number }
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

/** The caption's and the spotlit card's boxes once neither moves any more (pan and caption done). */
async function settled(app: App, personId: string): Promise<{ caption: Box; card: Box }> {
  const caption = app.page.getByTestId('meeting-caption')
  const card = app.page.locator(`.meeting-map .react-flow__node[data-id="${personId}"]`)
  let last = ''
  for (let i = 0; i < 40; i++) {
    const boxes = { caption: (await caption.boundingBox())!, card: (await card.boundingBox())! }
    const now = JSON.stringify(boxes)
    if (now === last) return boxes
    last = now
    await app.page.waitForTimeout(150)
  }
  throw new Error('The meeting view never settled')
}

/** The header is one line: no part of it wraps (each is one control high) and the bar stays low. */
async function headerHeights(app: App): Promise<{ bar: number; tallest: number }> {
  return app.page.locator('.meeting-bar').evaluate((bar) => {
    const parts = [...bar.querySelectorAll('.meeting-deal, .meeting-step, .meeting-toggle, .meeting-controls button')]
    return { bar: bar.getBoundingClientRect().height, tallest: Math.max(...parts.map((p) => p.getBoundingClientRect().height)) }
  })
}

describe('meeting mode', () => {
  let app: App
  let deal: Deal
  beforeAll(async () => {
    app = await openApp()
    await new DealsPage(app.page).waitUntilShown()
  })
  afterAll(() => app?.close())

  it('F5 opens it on an overview; the arrow keys step through the key players in order', async () => {
    await expect.poll(() => validDeals(app.dataDir).then((d) => d.length)).toBe(1)
    ;[deal] = await validDeals(app.dataDir)
    await new DealsPage(app.page).open(deal.name)
    await new MapPage(app.page).waitUntilShown()
    const players = keyPlayersInOrder(deal.stakeholders)
    expect(players.length).toBeGreaterThanOrEqual(2)
    const meeting = new MeetingPage(app.page)
    await app.page.keyboard.press('F5')
    await expect.poll(() => meeting.isShown()).toBe(true)
    await expect.poll(() => meeting.step()).toContain(String(players.length))

    await app.page.keyboard.press('ArrowRight')
    await expect.poll(() => meeting.captionName()).toBe(players[0].name)
    await app.page.keyboard.press('ArrowRight')
    await expect.poll(() => meeting.captionName()).toBe(players[1].name)
    await expect.poll(() => meeting.step()).toBe(`Key player 2 of ${players.length}`)
    await app.page.keyboard.press('ArrowLeft')
    await expect.poll(() => meeting.captionName()).toBe(players[0].name)

    // The spotlight: the person and those joined to them stay lit, everyone else is dimmed.
    const lit = await meeting.litCardNames()
    expect(lit).toContain(players[0].name)
    expect(lit.length).toBeLessThan(deal.stakeholders.length)

    await app.page.waitForTimeout(600) // let the pan to the spotlight finish before the picture
    const path = app.mode === 'chromium' ? SCREENSHOT : resolve(import.meta.dirname, '../.artifacts/meeting-mode-electron.png')
    await mkdir(dirname(path), { recursive: true })
    await app.page.screenshot({ path, animations: 'disabled', caret: 'hide' })
  })

  it('shows the owners in the caption, and the coverage overlay on request', async () => {
    const meeting = new MeetingPage(app.page)
    const first = keyPlayersInOrder(deal.stakeholders)[0]
    const workspace = JSON.parse(await readFile(join(app.dataDir, 'workspace.json'), 'utf8')) as { roster: Seller[] }
    const owner = workspace.roster.find((s) => s.id === first.ownerIds[0])
    await expect.poll(() => meeting.owners()).toContain(owner ? owner.name : 'Nobody yet')
    await app.page.keyboard.press('c')
    await expect.poll(() => app.page.getByTestId('meeting-seller').count()).toBeGreaterThan(0)
  })

  it('is read-only: Delete does not remove the person in the spotlight', async () => {
    await app.page.keyboard.press('Delete')
    await app.page.keyboard.press('Backspace')
    const [onDisk] = await validDeals(app.dataDir)
    expect(onDisk.stakeholders).toHaveLength(deal.stakeholders.length)
  })

  it('the caption never covers the spotlit card at 1280 × 720 and 1920 × 1080, stepping through the key players', async () => {
    const meeting = new MeetingPage(app.page)
    const players = keyPlayersInOrder(deal.stakeholders).slice(0, 6)
    for (const [w, h] of [[1280, 720], [1920, 1080]] as const) {
      await app.page.setViewportSize({ width: w, height: h })
      await app.page.keyboard.press('Home')
      for (const person of players) {
        await app.page.keyboard.press('ArrowRight')
        await expect.poll(() => meeting.captionName()).toBe(person.name)
        const { caption, card } = await settled(app, person.id)
        expect(overlaps(caption, card), `${w}×${h}: the caption covers ${person.name}`).toBe(false)
      }
      const { bar, tallest } = await headerHeights(app)
      expect(tallest).toBeLessThanOrEqual(48) // one line of 28 px type, one control high
      expect(bar).toBeLessThanOrEqual(72)
    }
    // The picture for the README: the first key player at 1280 × 720.
    await app.page.setViewportSize({ width: 1280, height: 720 })
    await app.page.keyboard.press('Home')
    await app.page.keyboard.press('ArrowRight')
    await expect.poll(() => meeting.captionName()).toBe(players[0].name)
    await settled(app, players[0].id)
    if (app.mode === 'chromium') await app.page.screenshot({ path: resolve(SHOTS, 'meeting-1280.png'), animations: 'disabled', caret: 'hide' })
  })

  it('Esc leaves, back to the editable map', async () => {
    const meeting = new MeetingPage(app.page)
    await app.page.keyboard.press('Escape')
    await expect.poll(() => meeting.isShown()).toBe(false)
    await new MapPage(app.page).waitUntilShown()
  })

  it('the overview fits the whole map again when the window changes size (a projector plugged in), and the customer caption covers no card', async () => {
    const page = app.page
    const meeting = new MeetingPage(page)
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.keyboard.press('F5')
    await expect.poll(() => meeting.isShown()).toBe(true)
    await expect.poll(() => meeting.cardsOffScreen()).toBe(0)
    await expect.poll(() => meeting.cardsUnderCaption(), { timeout: 5_000 }).toEqual([])
    await page.setViewportSize({ width: 1280, height: 720 })
    await expect.poll(() => meeting.cardsOffScreen(), { timeout: 5_000 }).toBe(0)
    await expect.poll(() => meeting.cardsUnderCaption(), { timeout: 5_000 }).toEqual([])
    await page.keyboard.press('Escape')
    await expect.poll(() => meeting.isShown()).toBe(false)
  })

  it('in Chinese the header fits on one line at 1280 × 720 and the caption stays off the spotlit card', async () => {
    const page = app.page
    await page.setViewportSize({ width: 1280, height: 720 })
    await new MapPage(page).backToDeals()
    await page.getByTestId('language-select').selectOption('zh-CN')
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN')
    await new DealsPage(page).open(deal.name)
    await new MapPage(page).waitUntilShown()
    const meeting = new MeetingPage(page)
    await page.keyboard.press('F5')
    await expect.poll(() => meeting.isShown()).toBe(true)
    const players = keyPlayersInOrder(deal.stakeholders).slice(0, 3)
    for (const person of players) {
      await page.keyboard.press('ArrowRight')
      await expect.poll(() => meeting.captionName()).toBe(person.name)
      const { caption, card } = await settled(app, person.id)
      expect(overlaps(caption, card), `the caption covers ${person.name}`).toBe(false)
    }
    const { bar, tallest } = await headerHeights(app)
    expect(tallest).toBeLessThanOrEqual(48)
    expect(bar).toBeLessThanOrEqual(72)
    if (app.mode === 'chromium') await page.screenshot({ path: resolve(SHOTS, 'meeting-1280-zh-CN.png'), animations: 'disabled', caret: 'hide' })
    await page.keyboard.press('Escape')
    await expect.poll(() => meeting.isShown()).toBe(false)
    expect(app.pageErrors).toEqual([])
  })
})
