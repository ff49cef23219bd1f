import { mkdir, readFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Seller } from '@shared/model'
import { openApp, type App } from '../harness/app'
import { validDeals } from '../harness/disk'
import { DealsPage } from '../poms/DealsPage'
import { MapPage } from '../poms/MapPage'
import { RosterPage, TeamPage } from '../poms/TeamPage'

const SCREENSHOT = resolve(import.meta.dirname, '../../../docs/screenshots/team-panel.png')
const DEAL = 'Harbor Bank cards platform'

async function rosterOnDisk(dataDir: string): Promise<Seller[]> {
  return (JSON.parse(await readFile(join(dataDir, 'workspace.json'), 'utf8')) as { roster: Seller[] }).roster
}

describe('team coverage', () => {
  let app: App
  beforeAll(async () => {
    app = await openApp()
    await new DealsPage(app.page).waitUntilShown()
  })
  afterAll(() => app?.close())

  it('adds a seller to the roster, refusing an empty name and a bad email at the field', async () => {
    await expect.poll(() => validDeals(app.dataDir).then((d) => d.length)).toBe(1) // the first-run sample
    const roster = await new RosterPage(app.page).openFromDeals()
    await roster.startNew()
    await roster.fill({ name: '', email: 'tara@' })
    await roster.save()
    await expect.poll(() => roster.error('name').isVisible()).toBe(true)
    await expect.poll(() => roster.error('email').textContent()).toBe('This is not an email address')

    await roster.fill({ name: 'Tara Lin', email: 'tara.lin@example.com', level: 'top', kinds: ['solution'] })
    await roster.save()
    await expect.poll(() => roster.names()).toContain('Tara Lin')
    await expect.poll(() => rosterOnDisk(app.dataDir).then((r) => r.find((s) => s.name === 'Tara Lin'))).toMatchObject({
      level: 'top', kinds: ['solution'], email: 'tara.lin@example.com',
    })
    // Her profile: a top seller has mastered all three roles.
    await expect.poll(() => roster.dialog.getByTestId('profile-roles').locator('li').count()).toBe(3)
    // Esc closes the dialog (the map's own Esc shortcut must not swallow it).
    await app.page.keyboard.press('Escape')
    await expect.poll(() => roster.dialog.count()).toBe(0)
  })

  it('seats sellers: the verdict goes from gaps to covered, with a suggested seller applied in one click', async () => {
    await new DealsPage(app.page).create({ name: DEAL, customer: 'Harbor Bank' })
    await new MapPage(app.page).waitUntilShown()
    const team = await new TeamPage(app.page).show()
    await expect.poll(() => team.verdict()).toBe('gaps')
    await expect.poll(() => team.findings('missing-role').count()).toBe(3)

    await team.dragSellerToLane('Anna Kowalski', 'control')
    await expect.poll(() => team.seatedNames('control')).toEqual(['Anna Kowalski'])
    await team.pickSeller('attack', 'Chen Wei')
    await expect.poll(() => team.seatedNames('attack')).toEqual(['Chen Wei'])
    await expect.poll(() => team.verdict()).toBe('gaps') // support is still empty

    // Only a top seller has mastered support: the fix offers Tara.
    const fix = team.findings('missing-role').getByTestId('fix-seat')
    await expect.poll(() => fix.textContent()).toBe('Seat Tara Lin')
    await fix.click()
    await expect.poll(() => team.seatedNames('support')).toEqual(['Tara Lin'])
    await expect.poll(() => team.verdict()).toBe('covered')
    await expect.poll(() => team.findingCodes()).toEqual([])
  })

  it('keeps the seats after a restart', async () => {
    const map = new MapPage(app.page)
    await expect.poll(() => map.saveStatus()).toBe('saved')
    const page = await app.restart()
    await new DealsPage(page).open(DEAL)
    await new MapPage(page).waitUntilShown()
    const team = await new TeamPage(page).show()
    await expect.poll(() => team.verdict()).toBe('covered')
    const onDisk = (await validDeals(app.dataDir)).find((d) => d.name === DEAL)!
    const roster = await rosterOnDisk(app.dataDir)
    const nameOf = (id: string) => roster.find((s) => s.id === id)?.name
    expect(onDisk.team.map((t) => [t.seat, nameOf(t.sellerId), t.lead])).toEqual([
      ['account', 'Anna Kowalski', true], ['project', 'Chen Wei', true], ['solution', 'Tara Lin', true],
    ])
    await new MapPage(page).backToDeals()
  })

  it('makes a seller an owner by dropping their chip on a card, and draws coverage on the map', async () => {
    const [sample] = (await validDeals(app.dataDir)).filter((d) => d.name !== DEAL)
    const unowned = sample.stakeholders.find((s) => s.ownerIds.length === 0)!
    await new DealsPage(app.page).open(sample.name)
    const map = await new MapPage(app.page).waitUntilShown()
    const team = await new TeamPage(app.page).show()
    await team.rosterChip('Tara Lin').dragTo(map.card(unowned.name))
    await expect.poll(async () => (await validDeals(app.dataDir)).find((d) => d.id === sample.id)!.stakeholders.find((s) => s.id === unowned.id)!.ownerIds)
      .toContain((await rosterOnDisk(app.dataDir)).find((s) => s.name === 'Tara Lin')!.id)

    await app.page.getByTestId('coverage-toggle').click()
    const owners = new Set([...sample.stakeholders.flatMap((s) => s.ownerIds), ...sample.team.map((t) => t.sellerId)])
    await expect.poll(() => app.page.getByTestId('coverage-badge').count()).toBe(owners.size + 1)
  })

  it('looks right (screenshot of the team panel on the sample deal)', async () => {
    await app.page.getByTestId('action-fit-view').click()
    const path = app.mode === 'chromium' ? SCREENSHOT : resolve(import.meta.dirname, '../.artifacts/team-panel-electron.png')
    await mkdir(dirname(path), { recursive: true })
    await new MapPage(app.page).screenshot(path)
  })
})
