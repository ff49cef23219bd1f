import { mkdir, readdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type App } from '../harness/app'
import { validDeals } from '../harness/disk'
import { DealsPage } from '../poms/DealsPage'
import { MapPage } from '../poms/MapPage'
import { PeoplePage } from '../poms/PeoplePage'

const SHOTS = resolve(import.meta.dirname, '../../../docs/screenshots')
const DEAL = 'Hospital group ERP'

/** Ten people as a hospital group's org sheet, copied from Excel: header, CRLF, one quoted cell with a line break. */
const ORG_SHEET = [
  ['Name', 'Title', 'Department', 'Reports To'],
  ['Helen Marsh', 'Group CEO', 'Executive', ''],
  ['Ravi Patel', 'CFO', 'Finance', 'Helen Marsh'],
  ['Dana Lee', 'CIO', 'IT', 'Helen Marsh'],
  ['Omar Haddad', 'Chief Medical Officer', 'Clinical', 'Helen Marsh'],
  ['Grace Kim', 'Chief Nursing Officer', 'Clinical', 'Omar Haddad'],
  ['Luis Ortega', 'Head of Procurement', 'Finance', 'Ravi Patel'],
  ['Mei Chen', '"ERP Programme\r\nLead"', 'IT', 'Dana Lee'],
  ['Tom Berg', 'Infrastructure Manager', 'IT', 'Dana Lee'],
  ['Aisha Khan', 'Finance Controller', 'Finance', 'Ravi Patel'],
  ['Peter Novak', 'Head of Pharmacy', 'Clinical', 'Omar Haddad'],
].map((r) => r.join('\t')).join('\r\n') + '\r\n'

async function settle(app: App): Promise<void> {
  await app.page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))))
}

async function shot(app: App, name: string): Promise<void> {
  if (app.mode !== 'chromium') return
  await settle(app)
  await app.page.screenshot({ path: join(SHOTS, name), animations: 'disabled', caret: 'hide' })
}

describe('the people table and the deal details, as a meeting uses them', () => {
  let app: App
  beforeAll(async () => {
    app = await openApp()
    await mkdir(SHOTS, { recursive: true })
  })
  afterAll(() => app?.close())

  it('creates a deal with its facts, pastes 10 rows from a spreadsheet and edits cells by keyboard', async () => {
    const page = app.page
    await page.setViewportSize({ width: 1440, height: 900 })
    const deals = await new DealsPage(page).waitUntilShown()
    await page.getByTestId('new-deal').click()
    const form = page.getByTestId('new-deal-form')
    await form.getByTestId('facts-name').fill(DEAL)
    await form.getByTestId('facts-customer').fill('St. Mary Health Group')
    await form.getByTestId('facts-amount').fill('-5')
    await form.getByTestId('create-deal').click()
    // A negative amount is refused at the form, in words.
    expect(await form.getByRole('alert').allTextContents()).toContain('The amount cannot be negative.')
    await form.getByTestId('facts-amount').fill('1,250,000')
    await form.getByTestId('create-deal').click()
    await new MapPage(page).waitUntilShown()
    expect(deals).toBeTruthy()

    const people = await new PeoplePage(page).show()
    await people.paste(ORG_SHEET)
    const dialog = page.getByTestId('csv-import-dialog')
    await dialog.waitFor({ state: 'visible' })
    expect(await dialog.getByTestId('csv-summary').textContent()).toBe('10 people and 9 reports-to lines will be added; 0 rows left out.')
    await dialog.getByRole('button', { name: 'Add 10 people to the map' }).click()
    await expect.poll(() => people.rows.count()).toBe(10)
    expect(await people.column('name')).toEqual(['Helen Marsh', 'Ravi Patel', 'Dana Lee', 'Omar Haddad', 'Grace Kim', 'Luis Ortega', 'Mei Chen', 'Tom Berg', 'Aisha Khan', 'Peter Novak'])
    expect((await people.column('title'))[6]).toBe('ERP Programme Lead')
    expect((await people.column('reportsTo'))[4]).toBe('Omar Haddad')

    // Keyboard only: Helen's role, then Ravi's title, then Dana's stance.
    await people.grid.focus()
    const press = (key: string, times = 1) => Array.from({ length: times }).reduce<Promise<void>>((p) => p.then(() => page.keyboard.press(key)), Promise.resolve())
    await press('ArrowRight', 4) // Role
    await press('Enter')
    await page.getByTestId('cell-editor').selectOption('decision-maker')
    await press('Enter') // commits, moves down to Ravi's role
    await press('ArrowLeft', 3) // Ravi's title
    await page.keyboard.type('Group CFO')
    await press('Enter')
    await press('ArrowRight', 5) // Dana's stance
    await press('F2')
    await page.getByTestId('cell-editor').selectOption('champion')
    await press('Tab') // commits and moves to owner
    // A loop is refused with who closes it: Helen cannot report to Grace (Grace → Omar → Helen).
    await press('Home', 1)
    await press('ArrowUp', 2)
    await press('ArrowRight', 3)
    await press('Enter')
    const grace = await page.getByTestId('cell-editor').locator('option', { hasText: 'Grace Kim' }).getAttribute('value')
    await page.getByTestId('cell-editor').selectOption(grace!)
    await press('Enter')
    expect(await page.getByTestId('people-message').textContent()).toBe(
      'Grace Kim already reports to Helen Marsh (directly or through others), so Helen Marsh cannot report to Grace Kim: that would make a loop.',
    )
    await press('Escape')
    // The last row takes a new name; Enter readies the next.
    await press('End', 1)
    await page.keyboard.press('Control+End')
    await press('Home')
    await page.keyboard.type('Nina Dahl')
    await press('Enter')
    await expect.poll(() => people.rows.count()).toBe(11)

    expect(await people.column('buyingRole').then((c) => c[0])).toBe('Decision maker')
    expect(await people.column('title').then((c) => c[1])).toBe('Group CFO')
    expect(await people.column('stance').then((c) => c[2])).toBe('Champion')
    await expect.poll(async () => {
      const [deal] = (await validDeals(app.dataDir)).filter((d) => d.name === DEAL)
      return deal && [deal.stakeholders.length, deal.stakeholders.find((s) => s.name === 'Ravi Patel')?.title, deal.amount.value].join('|')
    }, { timeout: 10_000 }).toBe('11|Group CFO|1250000')

    // Put the active cell on a person for the pictures.
    await press('ArrowUp', 7)
    await press('ArrowRight')
    await shot(app, 'people-table.png')
    await page.setViewportSize({ width: 1280, height: 720 })
    await shot(app, 'people-table-1280.png')
    // The table's header and the toolbar fit: nothing is cut off sideways at 1280 px.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    // Every column, Stance and Owner included, is in view without scrolling sideways.
    const hidden = await page.locator('.people-scroll').evaluate((el) => el.scrollWidth - el.clientWidth)
    expect(hidden).toBeLessThanOrEqual(0)
    expect(app.pageErrors).toEqual([])
  })

  it('edits the deal details from the title bar and shows them in the deals list and on the title slide', async () => {
    const page = app.page
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.getByTestId('open-deal-details').click()
    const details = page.getByTestId('deal-details')
    await details.waitFor({ state: 'visible' })
    expect(await details.getByTestId('facts-amount').inputValue()).toBe('1,250,000') // shown grouped in thousands, as typed
    await details.getByTestId('facts-stage').selectOption('propose')
    await details.getByTestId('facts-currency').selectOption('EUR')
    await details.getByTestId('facts-close-date').fill('2027-03-31')
    await details.getByTestId('facts-competitor-input').fill('SAP')
    await details.getByTestId('facts-competitor-input').press('Enter')
    await details.getByTestId('facts-competitor-input').fill('Oracle Health')
    await details.getByTestId('facts-competitor-input').press('Enter')
    await details.getByTestId('facts-notes').fill('Board decides in March; budget approved.')
    await shot(app, 'deal-details.png')
    await details.getByTestId('deal-details-save').click()
    await details.waitFor({ state: 'detached' })

    // One undo step takes every fact back, and redo brings them again.
    await page.getByTestId('action-undo').click()
    await page.getByTestId('open-deal-details').click()
    expect(await details.getByTestId('facts-stage').inputValue()).toBe('lead')
    await details.getByTestId('deal-details-cancel').click()
    await page.getByTestId('action-redo').click()

    await app.sendMenuAction('deal.export-slides')
    const exportDialog = page.getByTestId('export-dialog')
    await exportDialog.waitFor({ state: 'visible' })
    await exportDialog.getByTestId('export-run').click()
    if (app.mode === 'chromium') {
      await expect.poll(() => exportDialog.getByTestId('export-saved').textContent(), { timeout: 30_000 }).toContain('.pptx')
      const name = (await readdir(app.saveDir)).find((n) => n.endsWith('.pptx'))!
      const zip = await JSZip.loadAsync(await readFile(join(app.saveDir, name)))
      const title = await zip.file('ppt/slides/slide1.xml')!.async('string')
      const texts = [...title.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(' | ')
      for (const fact of [DEAL, 'St. Mary Health Group', '€1,250,000', 'Propose', 'SAP, Oracle Health', 'Competitors']) expect(texts).toContain(fact)
      expect(texts).toContain('2027-03-31')
      await exportDialog.getByRole('button', { name: 'Close' }).click()
    }

    await new MapPage(page).backToDeals()
    const list = await new DealsPage(page).waitUntilShown()
    const facts = await list.item(DEAL).locator('.deal-facts').textContent()
    expect(facts).toContain('St. Mary Health Group')
    expect(facts).toContain('Propose')
    expect(facts).toContain('€1,250,000')
    expect(facts).toMatch(/2027/)
    expect(app.pageErrors).toEqual([])
  })

  it('shows the table and the details form in Chinese', async () => {
    const page = app.page
    await page.getByTestId('language-select').selectOption('zh-CN')
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN')
    await new DealsPage(page).open(DEAL)
    const people = await new PeoplePage(page).show()
    await people.grid.focus()
    await page.keyboard.press('ArrowRight')
    await page.setViewportSize({ width: 1440, height: 900 })
    await shot(app, 'people-table-zh-CN.png')
    await page.setViewportSize({ width: 1280, height: 720 })
    await shot(app, 'people-table-1280-zh-CN.png')
    expect(await page.locator('th').first().textContent()).toBe('姓名')
    await page.getByTestId('open-deal-details').click()
    const details = page.getByTestId('deal-details')
    await details.getByTestId('facts-amount').fill('-1')
    await details.getByTestId('deal-details-save').click()
    expect(await details.getByRole('alert').allTextContents()).toContain('金额不能为负数。')
    await shot(app, 'deal-details-zh-CN.png')
    await details.getByTestId('deal-details-cancel').click()
    expect(app.pageErrors).toEqual([])
  })
})
