import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import type { Deal } from '@shared/model'
import { screenshotsIn } from '../harness/screenshots'
import { openApp, type App } from '../harness/app'
import { validDeals } from '../harness/disk'
import { DealsPage } from '../poms/DealsPage'
import { MapPage } from '../poms/MapPage'
import { RestoreBackupPage } from '../poms/RestoreBackupPage'
import { pdfPages, pdfText, toPdf } from '../../fixtures/office'

// A deal team's day with the data-safety features, walked the way a user would: in a
// meeting (rename, someone's sync client changes the file, a conflict copy from a laptop),
// between meetings (snapshots, backups, imports, a deck for the customer). Screenshots land
// in tests/e2e/.artifacts/ so a person can look at every step.

const ARTIFACTS = resolve(import.meta.dirname, '../.artifacts/walkthrough')
const SLOW = { timeout: 20_000, interval: 100 }
let app: App | undefined
const folders: string[] = []
afterEach(async () => {
  await app?.close()
  app = undefined
})
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true })
})

const { shot } = screenshotsIn(ARTIFACTS, 0)

async function temp(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  folders.push(dir)
  return dir
}

async function rename(page: Page, from: string, to: string): Promise<void> {
  await new MapPage(page).card(from).click()
  await page.getByTestId('tab-inspector').click()
  await page.getByTestId('stakeholder-inspector').getByTestId('field-name').fill(to)
}

/** Excel's "Unicode Text": UTF-16 LE with a BOM, tab separated, CRLF. */
function utf16le(text: string): Uint8Array {
  const all = '\ufeff' + text
  const bytes = new Uint8Array(all.length * 2)
  for (let i = 0; i < all.length; i++) [bytes[2 * i], bytes[2 * i + 1]] = [all.charCodeAt(i) & 0xff, all.charCodeAt(i) >> 8]
  return bytes
}

async function palette(page: Page, query: string): Promise<void> {
  await page.keyboard.press('Control+k')
  await page.locator('input[placeholder="Type a command or a deal name…"], input[placeholder="输入命令或项目名称…"]').fill(query)
  await page.keyboard.press('Enter')
}

describe('data safety, walked by a deal team', () => {
  it('English at 1280×720: outside edit → Keep both; snapshot; restore and undo; imports and refusals; deck for "AT&T <Retail>"', async () => {
    const a = (app = await openApp())
    const page = a.page
    page.setDefaultTimeout(10_000)
    await page.setViewportSize({ width: 1280, height: 720 })
    const deals = await new DealsPage(page).waitUntilShown()
    await expect.poll(() => validDeals(a.dataDir).then((d) => d.length), SLOW).toBe(1)
    const [sample] = await validDeals(a.dataDir)
    await deals.open(sample.name)
    const map = await new MapPage(page).waitUntilShown()

    // 1. Rename in the meeting; it saves.
    const first = sample.stakeholders[0].name
    await rename(page, first, 'Dana Renamed')
    await expect.poll(() => validDeals(a.dataDir).then((d) => d[0].stakeholders[0].name), SLOW).toBe('Dana Renamed')
    // A colleague's sync client rewrites the file.
    const path = join(a.dataDir, 'deals', `${sample.id}.json`)
    const file = JSON.parse(await readFile(path, 'utf8'))
    file.deal.notes = 'Changed by OneDrive'
    await writeFile(path, JSON.stringify(file, null, 2) + '\n')
    await page.getByTestId('stakeholder-inspector').getByTestId('field-title').fill('VP Procurement')
    const outside = page.getByTestId('outside-edit-dialog')
    await outside.waitFor({ state: 'visible', timeout: 10_000 })
    await shot(page, '01-outside-edit-en-1280.png')
    // Focus starts on the choice that loses nothing; Esc does not dismiss it, as a choice is needed.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('outside-edit-keep-both')
    await page.keyboard.press('Escape')
    expect(await outside.isVisible()).toBe(true)
    await outside.getByTestId('outside-edit-keep-both').click()
    await expect.poll(() => outside.count()).toBe(0)
    await expect.poll(() => validDeals(a.dataDir).then((d) => d.length), SLOW).toBe(2)
    await shot(page, '02-after-keep-both-en-1280.png')
    await map.backToDeals()
    await deals.waitUntilShown()
    await expect.poll(() => deals.names().then((n) => n.length)).toBe(2)
    await shot(page, '03-deals-after-keep-both-en-1280.png')

    // 3. Snapshot, compare.
    await deals.open(sample.name)
    await map.waitUntilShown()
    await page.getByTestId('tab-snapshots').click()
    await page.getByLabel('Snapshot name').fill('Before the steering committee')
    await page.getByRole('button', { name: 'Save snapshot' }).click()
    await expect.poll(() => page.getByTestId('snapshot-list').textContent()).toContain('Before the steering committee')
    // A stance change (the comparison reports stances, owners and lines, not renames).
    const person = sample.stakeholders.find((x) => x.stance !== 'champion' && x.id !== sample.stakeholders[0].id)!
    await map.card(person.name).click()
    await page.getByTestId('tab-inspector').click()
    await page.getByTestId('field-stance').selectOption('champion')
    await page.getByTestId('tab-snapshots').click()
    await page.getByRole('button', { name: 'Show changes' }).click()
    await expect.poll(() => page.getByTestId('change-list').textContent()).toContain(`${person.name}'s stance changed from`)
    await shot(page, '04-snapshot-compare-en-1280.png')

    // Restore a backup from the palette, then undo it.
    const stanceOnDisk = () => validDeals(a.dataDir).then((d) => d.find((x) => x.id === sample.id)?.stakeholders.find((x) => x.id === person.id)?.stance)
    await expect.poll(stanceOnDisk, SLOW).toBe('champion')
    await palette(page, 'restore')
    const restore = new RestoreBackupPage(page)
    await expect.poll(() => restore.rows.count(), SLOW).toBeGreaterThan(0)
    await shot(page, '05-restore-list-en-1280.png')
    const [newest] = (await restore.listed()).filter((b) => b.valid)
    await restore.restore(newest.id)
    await expect.poll(() => restore.dialog.getByTestId('restore-done').count(), SLOW).toBe(1)
    await expect.poll(stanceOnDisk, SLOW).toBe(person.stance)
    await shot(page, '06-restore-done-en-1280.png')
    await restore.dialog.getByTestId('restore-undo').click()
    await expect.poll(stanceOnDisk, SLOW).toBe('champion')
    await page.keyboard.press('Escape')
    await expect.poll(() => restore.dialog.count()).toBe(0)

    // 4. Import a colleague's version over this deal, then undo.
    const inbox = await temp('war-room-walk-inbox-')
    const theirs = JSON.parse(await readFile(path, 'utf8'))
    theirs.deal.name = 'Colleague version'
    const theirsPath = join(inbox, 'colleague.warroom.json')
    await writeFile(theirsPath, JSON.stringify(theirs))
    await a.queueOpenFile(theirsPath)
    await a.sendMenuAction('deal.import')
    const importDialog = page.getByTestId('deal-import-dialog')
    await importDialog.getByLabel('Replace the existing deal').check()
    await shot(page, '07-import-replace-en-1280.png')
    await importDialog.getByRole('button', { name: 'Import' }).click()
    await expect.poll(() => map.title()).toContain('Colleague version')
    await page.keyboard.press('Control+z')
    await expect.poll(() => map.title()).toContain(sample.name)

    // UTF-16 "Unicode Text" with Chinese names.
    const txt = join(inbox, 'contacts.txt')
    await writeFile(txt, utf16le(['Full Name\tTitle\tReports To', '王伟\t首席执行官\t', '李娜\t首席财务官\t王伟', '张敏\t采购总监\t李娜'].join('\r\n')))
    await a.queueOpenFile(txt)
    await palette(page, 'crm csv')
    const csv = page.getByTestId('csv-import-dialog')
    await csv.getByRole('button', { name: 'Preview' }).click()
    await expect.poll(() => csv.locator('.csv-people').textContent(), SLOW).toContain('王伟')
    await shot(page, '08-csv-utf16-preview-en-1280.png')
    await csv.getByRole('button', { name: /^Add \d+ (person|people) to the map$/ }).click()
    await expect.poll(() => map.card('李娜').count(), SLOW).toBe(1)

    // A 60 MB file and a binary file: refused, and the edit on the map stays.
    const big = join(inbox, 'huge.csv')
    await writeFile(big, Buffer.alloc(60 * 1024 * 1024, 'a,b\n'))
    await a.queueOpenFile(big)
    await palette(page, 'crm csv')
    await expect.poll(async () => (await page.locator('body').textContent()) ?? '', SLOW).toMatch(/larger than 50 MB/)
    await shot(page, '09-refuse-60mb-en-1280.png')
    await page.keyboard.press('Escape')
    const bin = join(inbox, 'photo.csv')
    await writeFile(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, ...Array(200).fill(0)]))
    await a.queueOpenFile(bin)
    await palette(page, 'crm csv')
    await expect.poll(async () => (await page.locator('body').textContent()) ?? '', SLOW).toMatch(/not a CSV text file/)
    await shot(page, '10-refuse-binary-en-1280.png')
    await page.keyboard.press('Escape')
    // A photo dropped on the window by mistake: refused, naming the kinds of file it takes.
    await page.evaluate(() => {
      const data = new DataTransfer()
      data.items.add(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])], 'whiteboard.png', { type: 'image/png' }))
      for (const type of ['dragenter', 'dragover', 'drop']) window.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }))
    })
    await expect.poll(async () => (await page.locator('body').textContent()) ?? '', SLOW).toContain('Unicode Text')
    await shot(page, '10b-drop-wrong-kind-en-1280.png')
    await page.keyboard.press('Escape')
    expect(await map.card('李娜').count()).toBe(1)
    expect(a.pageErrors).toEqual([])
  })

  it('Chinese at 1440×900: a laptop conflict copy listed once and opened; refusals in Chinese; deck for "AT&T <Retail>" opens in LibreOffice', async () => {
    const dataDir = await temp('war-room-walk-zh-')
    const first = await openApp({ dataDir })
    await new DealsPage(first.page).waitUntilShown()
    await expect.poll(() => validDeals(dataDir).then((d) => d.length), SLOW).toBe(1)
    await first.close()
    const [sample] = await validDeals(dataDir)
    const text = await readFile(join(dataDir, 'deals', `${sample.id}.json`), 'utf8')
    const laptop: { deal: Deal } = JSON.parse(text)
    laptop.deal.name = '笔记本上的版本'
    laptop.deal.customer = 'AT&T <Retail>'
    await writeFile(join(dataDir, 'deals', `${sample.id}-LAPTOP.json`), JSON.stringify(laptop, null, 2))

    const a = (app = await openApp({ dataDir }))
    const page = a.page
    await page.setViewportSize({ width: 1440, height: 900 })
    const deals = await new DealsPage(page).waitUntilShown()
    await page.getByTestId('language-select').selectOption('zh-CN')
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN')
    const copies = page.getByTestId('conflict-copy')
    await expect.poll(() => copies.count(), SLOW).toBe(1)
    expect(await deals.names()).toEqual([sample.name])
    await shot(page, '11-conflict-copy-zh-1440.png')
    await copies.getByRole('button').first().click()
    const map = await new MapPage(page).waitUntilShown()
    // The copy is named in the user's language, not with an English "(copy)".
    await expect.poll(() => map.title(), SLOW).toContain('笔记本上的版本（副本）')
    await shot(page, '12-conflict-copy-opened-zh-1440.png')

    // Same deal at 1280×720: a sync client changes it while it is open; the dialog and the
    // top bar speak Chinese and still fit; take theirs.
    await page.setViewportSize({ width: 1280, height: 720 })
    const copyId = (await validDeals(dataDir)).find((d) => d.name.startsWith('笔记本上的版本'))!.id
    const copyPath = join(dataDir, 'deals', `${copyId}.json`)
    // Opening a deal made before accounts links its cards to the account's people (one
    // undoable command, autosaved). Let that save land first: the colleague's edit below is
    // meant to meet the user's rename, not the app's own linking save (which, on a slow
    // machine, it would meet instead, and rightly be told as an outside edit).
    await expect.poll(async () => (JSON.parse(await readFile(copyPath, 'utf8')) as { deal: Deal }).deal.stakeholders.every((s) => s.personId), SLOW).toBe(true)
    await expect.poll(() => map.saveStatus(), SLOW).toBe('saved')
    const onDisk = JSON.parse(await readFile(copyPath, 'utf8'))
    onDisk.deal.notes = '同事在另一台电脑上修改'
    await writeFile(copyPath, JSON.stringify(onDisk, null, 2) + '\n')
    await rename(page, sample.stakeholders[0].name, '林美玲')
    const outside = page.getByTestId('outside-edit-dialog')
    await outside.waitFor({ state: 'visible', timeout: 10_000 })
    await expect.poll(() => outside.textContent()).toContain('之外被修改')
    // The sentence explains where the version went; the raw file name is a separate small line.
    expect(await outside.locator('p').first().textContent()).not.toMatch(/\.json/)
    expect(await outside.locator('.outside-edit-choices li').first().textContent()).toMatch(/^两者都保留：/)
    await shot(page, '12b-outside-edit-zh-1280.png')
    expect(await page.getByTestId('deal-title').isVisible()).toBe(true)
    await outside.getByTestId('outside-edit-take-theirs').click()
    await expect.poll(() => outside.count()).toBe(0)
    await expect.poll(() => map.card(sample.stakeholders[0].name).count(), SLOW).toBe(1)
    await page.setViewportSize({ width: 1440, height: 900 })
    // Restore from backup, in Chinese, from the Deal menu; Esc closes it.
    await a.sendMenuAction('deal.restore-backup')
    const restore = new RestoreBackupPage(page)
    await expect.poll(() => restore.rows.count(), SLOW).toBeGreaterThan(0)
    await shot(page, '12c-restore-list-zh-1440.png')
    // Backups made within the same minute still read differently: the time has seconds.
    for (const b of await restore.listed()) expect(b.cells[0]).toMatch(/\d{1,2}:\d{2}:\d{2}/)
    await page.keyboard.press('Escape')
    await expect.poll(() => restore.dialog.count()).toBe(0)

    // A binary "CSV" refused in Chinese.
    const inbox = await temp('war-room-walk-zh-inbox-')
    const bin = join(inbox, 'photo.txt')
    await writeFile(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array(200).fill(0)]))
    await a.queueOpenFile(bin)
    await palette(page, 'crm csv')
    await page.waitForTimeout(800)
    await shot(page, '13-refuse-binary-zh-1440.png')
    await page.keyboard.press('Escape')
    const big = join(inbox, 'huge.warroom.json')
    await writeFile(big, Buffer.alloc(60 * 1024 * 1024, ' '))
    await a.queueOpenFile(big)
    await a.sendMenuAction('deal.import')
    await expect.poll(async () => (await page.locator('body').textContent()) ?? '', SLOW).toContain('文件大于 50 MB')
    await shot(page, '14-refuse-60mb-zh-1440.png')
    await page.keyboard.press('Escape')

    // 5. The deck for the customer.
    await a.sendMenuAction('deal.export-slides')
    const exportDialog = page.getByTestId('export-dialog')
    await exportDialog.waitFor({ state: 'visible' })
    await shot(page, '15-export-zh-1440.png')
    await exportDialog.getByTestId('export-run').click()
    await expect.poll(() => exportDialog.getByTestId('export-saved').count(), { timeout: 30_000 }).toBe(1)
    const pptx = (await readdir(a.saveDir)).find((n) => n.endsWith('.pptx'))!
    const out = await temp('war-room-walk-deck-')
    const [pdf] = await toPdf([join(a.saveDir, pptx)], out, 60_000)
    await mkdir(join(ARTIFACTS, 'deck'), { recursive: true })
    pdfPages(pdf, join(ARTIFACTS, 'deck', 'slide'))
    expect(pdfText(pdf)).toContain('AT&T <Retail>')
    expect(a.pageErrors).toEqual([])
  })
})
