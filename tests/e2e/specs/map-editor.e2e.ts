import { mkdir } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DealFile } from '@shared/model'
import { CARD_SIZE } from '@shared/card-size'
import { openApp, type App } from '../harness/app'
import { readDealFiles, dealNamed } from '../harness/disk'
import { DealsPage } from '../poms/DealsPage'
import { MapPage, type Box } from '../poms/MapPage'

const SCREENSHOT = resolve(import.meta.dirname, '../../../docs/screenshots/edited-map.png')
const DEAL = 'Contoso CRM rollout'
const CUSTOMER = 'Contoso'
const ANA = 'Ana Ruiz'
const BEN = 'Ben Okafor'
const CHEN = 'Chen Wei'
const DANA = 'Dana Park'
const NEW_PERSON = 'New person'

type Deal = DealFile['deal']

/** The new deal as its file on disk reads, parsed with the app's own validator. */
const dealOnDisk = (dataDir: string) => dealNamed(dataDir, DEAL)

function idOf(deal: Deal | undefined, name: string): string | undefined {
  return deal?.stakeholders.find((s) => s.name === name)?.id
}

/** The lines of the deal on disk as "from → to: kind", by names. */
function linesByName(deal: Deal | undefined): string[] {
  if (!deal) return []
  const name = (id: string) => deal.stakeholders.find((s) => s.id === id)?.name ?? '?'
  return deal.links.map((l) => `${name(l.from)} → ${name(l.to)}: ${l.kind}`).sort()
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

/** Every pair of cards that overlap on screen. */
function overlappingPairs(boxes: Map<string, Box>): string[] {
  const entries = [...boxes]
  const pairs: string[] = []
  for (let i = 0; i < entries.length; i++) for (let j = i + 1; j < entries.length; j++) if (overlaps(entries[i][1], entries[j][1])) pairs.push(`${entries[i][0]} × ${entries[j][0]}`)
  return pairs
}

const EXPECTED_LINES = [`${BEN} → ${ANA}: reports-to`, `${ANA} → ${CHEN}: influences`].sort()

describe('the map editor, from an empty deal', () => {
  let app: App
  let map: MapPage
  beforeAll(async () => {
    app = await openApp()
  })
  afterAll(() => app?.close())

  it('adds three people: toolbar button, N key, double-click on the canvas', async () => {
    const deals = await new DealsPage(app.page).waitUntilShown()
    await deals.create({ name: DEAL, customer: CUSTOMER })
    map = await new MapPage(app.page).waitUntilShown()
    await expect.poll(() => map.title()).toBe(`${DEAL} · ${CUSTOMER}`)
    expect(await map.cards.count()).toBe(0)

    await map.addWithToolbar()
    await expect.poll(() => map.cards.count()).toBe(1)
    // The new card is selected and open in the inspector, ready to be named.
    await expect.poll(() => map.inspectorField('name').inputValue()).toBe(NEW_PERSON)
    await map.typeInField('name', ANA)
    await expect.poll(() => map.visibleCardNames()).toEqual([ANA])

    await map.clickEmptyCanvas()
    await expect.poll(() => map.inspector.count()).toBe(0)
    await app.page.keyboard.press('n')
    await expect.poll(() => map.cards.count()).toBe(2)
    await map.typeInField('name', BEN)

    // Double-click an empty spot: the new card appears where the user clicked.
    const spot = await map.emptySpot()
    await app.page.mouse.dblclick(spot.x, spot.y)
    await expect.poll(() => map.cards.count()).toBe(3)
    const placed = await map.node(NEW_PERSON).boundingBox()
    expect(placed && spot.x >= placed.x - 1 && spot.x <= placed.x + placed.width + 1 && spot.y >= placed.y - 1 && spot.y <= placed.y + placed.height + 1).toBe(true)
    await map.typeInField('name', CHEN)

    await expect.poll(() => map.visibleCardNames().then((n) => n.sort())).toEqual([ANA, BEN, CHEN].sort())
    expect(overlappingPairs(await map.cardBoxes())).toEqual([])
    await expect.poll(async () => (await dealOnDisk(app.dataDir))?.stakeholders.map((s) => s.name).sort()).toEqual([ANA, BEN, CHEN].sort())
  })

  it('edits fields in the inspector; an empty name is refused at the field', async () => {
    await map.node(ANA).click()
    await map.typeInField('title', 'Chief Information Officer')
    await map.typeInField('department', 'IT')
    await map.chooseInField('buyingRole', 'decision-maker')
    await map.chooseInField('stance', 'champion')
    await map.chooseInField('influence', 'high')
    // The card shows what was typed.
    await expect.poll(() => map.card(ANA).locator('.card-title').textContent()).toBe('Chief Information Officer')
    await expect.poll(() => map.card(ANA).getAttribute('class')).toMatch(/stance-champion.*influence-high|influence-high.*stance-champion/)

    await map.node(BEN).click()
    await map.typeInField('title', 'CRM Programme Lead')
    await map.typeInField('department', 'IT')
    await map.chooseInField('buyingRole', 'technical-evaluator')
    await map.chooseInField('stance', 'skeptic')

    await map.node(CHEN).click()
    await map.typeInField('title', 'VP Sales')
    await map.typeInField('department', 'Sales')
    await map.chooseInField('buyingRole', 'user')
    await map.chooseInField('stance', 'supporter')
    await map.chooseInField('influence', 'low')

    // Clearing the name: a message at the field, and the card and the file keep the name.
    await map.inspectorField('name').fill('')
    await expect.poll(() => map.fieldError('name').textContent()).toMatch(/name/i)
    await expect.poll(() => map.inspectorField('name').getAttribute('aria-invalid')).toBe('true')
    expect(await map.card(CHEN).count()).toBe(1)
    await map.inspectorField('name').fill(CHEN)
    await expect.poll(() => map.fieldError('name').count()).toBe(0)
    await map.inspectorField('name').blur()

    await expect.poll(async () => {
      const deal = await dealOnDisk(app.dataDir)
      const ana = deal?.stakeholders.find((s) => s.name === ANA)
      const chen = deal?.stakeholders.find((s) => s.name === CHEN)
      return [ana?.title, ana?.department, ana?.buyingRole, ana?.stance, ana?.influence, chen?.title, chen?.stance, chen?.influence]
    }).toEqual(['Chief Information Officer', 'IT', 'decision-maker', 'champion', 'high', 'VP Sales', 'supporter', 'low'])
  })

  it('draws lines by dragging from a handle: reports-to by default, then influences; a line to oneself is refused', async () => {
    await map.clickEmptyCanvas()
    // Ben reports to Ana: drag from the dot under Ana (the manager) and drop anywhere on Ben's card.
    await map.drawLine(ANA, BEN)
    await expect.poll(() => map.lines.count()).toBe(1)
    await expect.poll(() => app.page.getByTestId('connection-popover').isVisible()).toBe(true)
    await app.page.getByTestId('connect-kind-reports-to').click()
    await expect.poll(() => app.page.getByTestId('connection-popover').count()).toBe(0)
    await expect.poll(async () => linesByName(await dealOnDisk(app.dataDir))).toEqual([`${BEN} → ${ANA}: reports-to`])

    // Ana influences Chen: dropped right on Chen's dot this time; its kind changed at once in the popover.
    await map.drawLine(ANA, CHEN, 'dot')
    await expect.poll(() => map.lines.count()).toBe(2)
    await app.page.getByTestId('connect-kind-influences').click()
    await expect.poll(async () => linesByName(await dealOnDisk(app.dataDir))).toEqual(EXPECTED_LINES)
    await expect.poll(() => app.page.locator('.react-flow__edge[aria-label="influences"]').count()).toBe(1)

    // From Chen's handle back onto Chen: refused, with a message; nothing is added.
    await map.drawLine(CHEN, CHEN)
    await expect.poll(() => app.page.getByTestId('refusal-toast').textContent()).toMatch(/themselves|itself|same/i)
    expect(await map.lines.count()).toBe(2)
    expect(linesByName(await dealOnDisk(app.dataDir))).toEqual(EXPECTED_LINES)
  })

  it('undoes and redoes with Ctrl+Z and Ctrl+Shift+Z', async () => {
    await map.clickEmptyCanvas()
    // The last edit is the influences line (drawn and given its kind in one step).
    await app.page.keyboard.press('Control+z')
    await expect.poll(() => map.lines.count()).toBe(1)
    await expect.poll(async () => linesByName(await dealOnDisk(app.dataDir))).toEqual([`${BEN} → ${ANA}: reports-to`])
    await app.page.keyboard.press('Control+z')
    await expect.poll(() => map.lines.count()).toBe(0)
    await app.page.keyboard.press('Control+Shift+z')
    await app.page.keyboard.press('Control+Shift+z')
    await expect.poll(() => map.lines.count()).toBe(2)
    await expect.poll(() => app.page.locator('.react-flow__edge[aria-label="influences"]').count()).toBe(1)
    await expect.poll(async () => linesByName(await dealOnDisk(app.dataDir))).toEqual(EXPECTED_LINES)
  })

  it('tidies the layout: cards move, none overlap', async () => {
    const before = (await dealOnDisk(app.dataDir))!.stakeholders.map((s) => `${s.name}@${s.position.x},${s.position.y}`).sort()
    await app.page.getByTestId('action-tidy-layout').click()
    await expect.poll(async () => (await dealOnDisk(app.dataDir))!.stakeholders.map((s) => `${s.name}@${s.position.x},${s.position.y}`).sort()).not.toEqual(before)
    // Org chart: Ana (the manager) above Ben (her report).
    await expect.poll(async () => {
      const boxes = await map.cardBoxes()
      return boxes.get(ANA)!.y + boxes.get(ANA)!.height <= boxes.get(BEN)!.y
    }).toBe(true)
    await expect.poll(async () => overlappingPairs(await map.cardBoxes())).toEqual([])
    // Room for the reports-to line between the two levels (Ana's card is the tall high-influence one).
    const deal = await dealOnDisk(app.dataDir)
    const at = (name: string) => deal!.stakeholders.find((s) => s.name === name)!.position
    expect(at(BEN).y - (at(ANA).y + CARD_SIZE.high.height)).toBeGreaterThanOrEqual(48)
  })

  it('deletes a card with its lines, and undo brings both back', async () => {
    await map.node(CHEN).click()
    await app.page.keyboard.press('Delete')
    await expect.poll(() => map.visibleCardNames().then((n) => n.sort())).toEqual([ANA, BEN].sort())
    await expect.poll(() => map.lines.count()).toBe(1)
    await expect.poll(async () => (await dealOnDisk(app.dataDir))?.stakeholders.length).toBe(2)

    await app.page.keyboard.press('Control+z')
    await expect.poll(() => map.visibleCardNames().then((n) => n.sort())).toEqual([ANA, BEN, CHEN].sort())
    await expect.poll(() => map.lines.count()).toBe(2)
    await expect.poll(async () => linesByName(await dealOnDisk(app.dataDir))).toEqual(EXPECTED_LINES)
  })

  it('finds a person with the search box and focuses their card', async () => {
    await map.clickEmptyCanvas()
    await map.search('VP Sales') // by title
    const chenId = idOf(await dealOnDisk(app.dataDir), CHEN)
    await expect.poll(() => map.inspectorField('name').inputValue()).toBe(CHEN)
    await expect.poll(() => map.node(CHEN).getAttribute('class')).toMatch(/\bselected\b/)
    await expect.poll(() => map.focusedCardId()).toBe(chenId)
  })

  it('after a restart, finds everything as it was left, on screen and on disk', async () => {
    const page = await app.restart()
    const deals = await new DealsPage(page).waitUntilShown()
    await deals.open(DEAL)
    map = await new MapPage(page).waitUntilShown()
    await expect.poll(() => map.visibleCardNames().then((n) => n.sort())).toEqual([ANA, BEN, CHEN].sort())
    await expect.poll(() => map.lines.count()).toBe(2)
    await expect.poll(() => page.locator('.react-flow__edge[aria-label="influences"]').count()).toBe(1)
    await expect.poll(() => page.locator('.react-flow__edge[aria-label="reports-to"]').count()).toBe(1)

    await map.node(ANA).click()
    await expect.poll(() => map.inspectorField('title').inputValue()).toBe('Chief Information Officer')
    expect(await map.inspectorField('department').inputValue()).toBe('IT')
    expect(await map.inspectorField('buyingRole').inputValue()).toBe('decision-maker')
    expect(await map.inspectorField('stance').inputValue()).toBe('champion')
    expect(await map.inspectorField('influence').inputValue()).toBe('high')
    // Her lines, with their kinds, in the inspector's list.
    await expect.poll(() => map.inspector.getByTestId('line-kind').evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value).sort())).toEqual(['influences', 'reports-to'])

    const files = await readDealFiles(app.dataDir)
    for (const { file, result } of files) expect(result.ok ? 'valid' : `${file}: ${result.message}`).toBe('valid')
    const deal = await dealOnDisk(app.dataDir)
    expect(linesByName(deal)).toEqual(EXPECTED_LINES)
    const byName = Object.fromEntries((deal?.stakeholders ?? []).map((s) => [s.name, [s.title, s.department, s.buyingRole, s.stance, s.influence]]))
    expect(byName).toEqual({
      [ANA]: ['Chief Information Officer', 'IT', 'decision-maker', 'champion', 'high'],
      [BEN]: ['CRM Programme Lead', 'IT', 'technical-evaluator', 'skeptic', byName[BEN]?.[4]],
      [CHEN]: ['VP Sales', 'Sales', 'user', 'supporter', 'low'],
    })
    expect(app.pageErrors).toEqual([])
  })

  it('takes a picture of an edited map (1440 × 900)', async () => {
    const page = app.page
    await page.setViewportSize({ width: 1440, height: 900 })
    // A few more edits for the picture: a direct report for Ana, an ally line and a conflict line.
    await map.node(ANA).click()
    await page.getByTestId('add-report').click()
    // The new report is named on its card; the selection stays on Ana, the manager.
    await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset.field === 'name')
    await expect.poll(() => map.inspectorField('name').inputValue()).toBe(ANA)
    await page.keyboard.type(DANA)
    await page.keyboard.press('Tab')
    await page.keyboard.type('Head of Customer Service')
    await page.keyboard.press('Tab')
    await page.keyboard.type('IT')
    await page.keyboard.press('Escape')
    await map.node(DANA).click()
    await map.chooseInField('stance', 'neutral')
    await map.clickEmptyCanvas()
    // The new card sits low, partly behind the legend: fold the legend away while drawing.
    const legendToggle = page.getByTestId('map-legend').locator('.legend-toggle')
    await legendToggle.click()
    // The view followed Dana's new card: fit, so Chen is in view too, then an ally line.
    await page.getByTestId('fit-view').click()
    await map.drawLine(DANA, CHEN)
    await page.getByTestId('connect-kind-ally').click()
    await map.clickEmptyCanvas()
    await map.drawLine(BEN, DANA)
    await page.getByTestId('connect-kind-conflict').click()
    await legendToggle.click()
    await page.getByTestId('action-tidy-layout').click()
    await expect.poll(async () => linesByName(await dealOnDisk(app.dataDir))).toEqual(
      [...EXPECTED_LINES, `${DANA} → ${ANA}: reports-to`, `${DANA} → ${CHEN}: ally`, `${BEN} → ${DANA}: conflict`].sort(),
    )
    await expect.poll(async () => overlappingPairs(await map.cardBoxes())).toEqual([])
    await map.node(ANA).click()
    await app.sendMenuAction('fit-view')

    const path = app.mode === 'chromium' ? SCREENSHOT : resolve(import.meta.dirname, '../.artifacts/edited-map-electron.png')
    await mkdir(dirname(path), { recursive: true })
    await map.screenshot(path)
    expect(app.pageErrors).toEqual([])
  })
})
