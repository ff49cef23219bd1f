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

  it('Esc leaves, back to the editable map', async () => {
    const meeting = new MeetingPage(app.page)
    await app.page.keyboard.press('Escape')
    await expect.poll(() => meeting.isShown()).toBe(false)
    await new MapPage(app.page).waitUntilShown()
  })
})
