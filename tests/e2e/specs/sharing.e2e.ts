import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Deal } from '@shared/model'
import { openApp, type App } from '../harness/app'
import { validDeals } from '../harness/disk'
import { DealsPage } from '../poms/DealsPage'
import { MapPage } from '../poms/MapPage'

const shot = (name: string) => resolve(import.meta.dirname, '../../../docs/screenshots', name)
const CSV = resolve(import.meta.dirname, '../../fixtures/crm/salesforce-report.csv')

async function picture(app: App, name: string): Promise<void> {
  const path = app.mode === 'chromium' ? shot(name) : resolve(import.meta.dirname, '../.artifacts', name)
  await mkdir(dirname(path), { recursive: true })
  await app.page.waitForTimeout(500) // let the map finish panning
  await app.page.screenshot({ path, animations: 'disabled', caret: 'hide' })
}

describe('between meetings: snapshots, sharing, CRM import, Chinese', () => {
  let app: App
  let sample: Deal
  beforeAll(async () => {
    app = await openApp()
  })
  afterAll(() => app?.close())

  it('saves a snapshot, then sees a stance change and an owner change in the comparison', async () => {
    const page = app.page
    await new DealsPage(page).waitUntilShown()
    await expect.poll(() => validDeals(app.dataDir).then((d) => d.length)).toBe(1)
    ;[sample] = await validDeals(app.dataDir)
    await new DealsPage(page).open(sample.name)
    const map = await new MapPage(page).waitUntilShown()

    await page.getByTestId('tab-snapshots').click()
    await page.getByLabel('Snapshot name').fill('Weekly review 12 Mar')
    await page.getByRole('button', { name: 'Save snapshot' }).click()
    await expect.poll(() => page.getByTestId('snapshot-list').textContent()).toContain('Weekly review 12 Mar')

    const person = sample.stakeholders.find((s) => s.stance !== 'champion')!
    await map.card(person.name).click()
    await page.getByTestId('tab-inspector').click()
    await page.getByTestId('field-stance').selectOption('champion')
    const owners = page.getByTestId('field-owners').locator('input[type=checkbox]')
    const firstOwner = owners.first()
    const ownerName = ((await page.getByTestId('field-owners').locator('label').first().textContent()) ?? '').trim()
    const wasOwner = await firstOwner.isChecked()
    await firstOwner.click()

    await page.getByTestId('tab-snapshots').click()
    await page.getByRole('button', { name: 'Show changes' }).click()
    const list = page.getByTestId('change-list')
    await expect.poll(() => list.textContent()).toContain(`${person.name}'s stance changed from`)
    await expect.poll(() => list.textContent()).toContain(
      wasOwner ? `${ownerName} no longer owns the relationship with ${person.name}` : `${ownerName} now owns the relationship with ${person.name}`,
    )
    await expect.poll(() => page.getByTestId('change-highlights').count()).toBe(1)
    await picture(app, 'changes.png')
  })

  it('exports the deal file and imports it back as a copy, with a preview', async () => {
    const page = app.page
    await app.sendMenuAction('deal.export-file')
    await expect.poll(() => app.bridge?.dialogs.saved.length ?? 1).toBe(1)
    const exported = app.bridge?.dialogs.saved[0]?.path
    if (!exported) return // Electron mode: the native dialog is not ours to answer
    await app.queueOpenFile(exported)
    await app.sendMenuAction('deal.import')
    const dialog = page.getByTestId('deal-import-dialog')
    await expect.poll(() => page.getByTestId('import-deal-name').textContent()).toBe(sample.name)
    expect(await dialog.getByLabel('Import as a copy (keep both)').isChecked()).toBe(true)
    await dialog.getByRole('button', { name: 'Import as copy' }).click()
    await expect.poll(() => validDeals(app.dataDir).then((d) => d.length)).toBe(2)
    await expect.poll(() => new MapPage(page).title()).toContain(`${sample.name} (copy)`)
  })

  it('imports CRM contacts from a CSV with a bad row, through the command palette', async () => {
    const page = app.page
    await app.queueOpenFile(CSV)
    await page.keyboard.press('Control+k')
    await page.getByPlaceholder('Type a command or a deal name…').fill('crm csv')
    await page.keyboard.press('Enter')
    const dialog = page.getByTestId('csv-import-dialog')
    await dialog.getByRole('button', { name: 'Preview' }).click()
    await expect.poll(() => dialog.getByTestId('csv-bad-rows').textContent()).toContain('Row 5: no name')
    await expect.poll(() => dialog.getByTestId('csv-link-warnings').textContent()).toContain('Alex Unknown')
    const before = await new MapPage(page).cards.count()
    // Everyone with a name who is not already on the sample's map (it may share a name or two).
    const add = dialog.getByRole('button', { name: /^Add \d+ (person|people) to the map$/ })
    const count = Number(/\d+/.exec((await add.textContent()) ?? '')![0])
    expect(count).toBeGreaterThan(0)
    await add.click()
    await expect.poll(() => new MapPage(page).cards.count()).toBe(before + count)
    await page.keyboard.press('Control+z') // one undo step takes the whole import back
    // The map draws only the cards in view, and the view is still where the imported people
    // were laid out: fit to see the whole deal again, as the user would, before counting.
    await app.sendMenuAction('fit-view')
    await expect.poll(() => new MapPage(page).cards.count()).toBe(before)
  })

  it('imports a colleague\'s version over the deal, then Ctrl+Z brings the deal back as it was', async () => {
    const page = app.page
    const exported = app.bridge?.dialogs.saved[0]?.path
    if (!exported) return // Electron mode: the native dialog is not ours to answer
    const theirs = JSON.parse(await readFile(exported, 'utf8'))
    theirs.deal.name = 'Their version of the deal'
    const path = join(dirname(exported), 'theirs.warroom.json')
    await writeFile(path, JSON.stringify(theirs))
    await app.queueOpenFile(path)
    await app.sendMenuAction('deal.import')
    const dialog = page.getByTestId('deal-import-dialog')
    await dialog.getByLabel('Replace the existing deal').check()
    await dialog.getByRole('button', { name: 'Import' }).click()
    await expect.poll(() => new MapPage(page).title()).toContain('Their version of the deal')
    await page.keyboard.press('Control+z') // the replace is one undo step
    await expect.poll(() => new MapPage(page).title()).toContain(sample.name)
    await expect.poll(() => validDeals(app.dataDir).then((d) => d.find((x) => x.id === sample.id)?.name)).toBe(sample.name)
  })

  it('reads a 3,000-row Excel "Unicode Text" export (UTF-16 LE, tabs) and plans it in a worker', async () => {
    const page = app.page
    const rows = Array.from({ length: 3_000 }, (_, i) => `员工${i}\t${i ? `员工${i - 1}` : ''}`)
    const text = ['\ufeffFull Name\tReports To', ...rows].join('\r\n')
    const bytes = new Uint8Array(text.length * 2)
    for (let i = 0; i < text.length; i++) [bytes[2 * i], bytes[2 * i + 1]] = [text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8]
    const file = join(await mkdtemp(join(tmpdir(), 'war-room-csv-')), 'contacts.txt')
    await writeFile(file, bytes)
    const warnings: string[] = []
    const listen = (m: { text(): string }) => void warnings.push(m.text())
    page.on('console', listen)
    await app.queueOpenFile(file)
    await page.keyboard.press('Control+k')
    await page.getByPlaceholder('Type a command or a deal name…').fill('crm csv')
    await page.keyboard.press('Enter')
    const dialog = page.getByTestId('csv-import-dialog')
    await expect.poll(() => dialog.textContent()).toContain('3000 rows')
    await dialog.getByRole('button', { name: 'Preview' }).click()
    await expect.poll(() => dialog.getByTestId('csv-summary').textContent(), { timeout: 20_000 }).toMatch(/^3000 people and 2999 reports-to lines/)
    await expect.poll(() => dialog.locator('.csv-people').textContent()).toContain('员工0')
    page.off('console', listen)
    expect(warnings.filter((w) => /on the main thread/.test(w))).toEqual([]) // the worker did it
    const path = resolve(import.meta.dirname, '../.artifacts', 'csv-big-utf16-preview.png')
    await mkdir(dirname(path), { recursive: true })
    await page.screenshot({ path, animations: 'disabled', caret: 'hide' })
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.count()).toBe(0)
  })

  it('switches to Chinese: the UI and the dates change', async () => {
    const page = app.page
    await new MapPage(page).backToDeals()
    const deals = await new DealsPage(page).waitUntilShown()
    const withDate = (await deals.names()).length
    expect(withDate).toBeGreaterThan(0)
    const listBefore = (await page.getByTestId('deal-list').textContent()) ?? ''
    await page.getByTestId('language-select').selectOption('zh-CN')
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN')
    await expect.poll(() => page.getByTestId('deal-search').getAttribute('placeholder')).toBe('搜索项目或客户')
    const listAfter = (await page.getByTestId('deal-list').textContent()) ?? ''
    if (sample.closeDate) {
      const [y, m, d] = sample.closeDate.split('-').map(Number)
      expect(listAfter).toContain(`${y}年${m}月${d}日`)
      expect(listBefore).not.toContain(`${y}年`)
    }
    await picture(app, 'chinese-ui.png')

    // The map and its panels speak Chinese too: stance labels on the cards, the insights panel.
    await deals.open(sample.name)
    const map = await new MapPage(page).waitUntilShown()
    await page.getByTestId('tab-insights').click()
    await expect.poll(() => page.getByTestId('tab-insights').textContent()).toBe('洞察')
    await expect.poll(() => page.locator('#panel-insights').textContent()).toContain('客户覆盖')
    await page.getByTestId('action-fit-view').click() // the insights panel is wider: fit the map again
    await expect.poll(() => page.locator('[data-testid="stakeholder-card"] .card-stance-label').allTextContents()).toContain('支持')
    expect(await page.locator('[data-testid="stakeholder-card"] .card-stance-label').allTextContents()).not.toContain('Supporter')
    await map.screenshot(app.mode === 'chromium' ? shot('chinese-map.png') : resolve(import.meta.dirname, '../.artifacts/chinese-map.png'))
  })

  it('in Chinese at 1280×720 the lane titles say each role once and the heatmap shows every stance whole', async () => {
    const page = app.page
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.getByTestId('tab-team').click()
    const titles = await page.locator('.lane-role').allTextContents()
    expect(titles).toEqual(['控制', '辅助', '强攻'])
    await picture(app, 'chinese-team-1280.png')

    await page.getByTestId('tab-heatmap').click()
    const selects = page.getByTestId('heatmap-stance')
    await expect.poll(() => selects.count()).toBeGreaterThan(0)
    // A select shows its chosen option's text; none may be cut by the column.
    const cut = await selects.evaluateAll((els) => els.flatMap((el) => {
      const select = el as HTMLSelectElement
      const probe = document.createElement('span')
      probe.style.cssText = `position:absolute;visibility:hidden;white-space:nowrap;font:${getComputedStyle(select).font}`
      document.body.append(probe)
      const widest = Math.max(...[...select.options].map((o) => { probe.textContent = o.text; return probe.getBoundingClientRect().width }))
      probe.remove()
      // The text area is the select's width less its padding, border and the drop-down arrow (~20 px).
      const style = getComputedStyle(select)
      const room = select.getBoundingClientRect().width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
        - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth) - 20
      return widest > room ? [`${select.value}: needs ${Math.ceil(widest)} px, has ${Math.floor(room)} px`] : []
    }))
    expect(cut).toEqual([])
    await picture(app, 'chinese-heatmap-1280.png')
    await page.setViewportSize({ width: 1440, height: 900 })
    await picture(app, 'chinese-heatmap-1440.png')
  })
})
