import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { parseDealFile, type Deal } from '@shared/model'
import { openApp, type App } from '../harness/app'
import { validDeals } from '../harness/disk'
import { DealsPage } from '../poms/DealsPage'
import { MapPage } from '../poms/MapPage'

// A sync client or an editor changes the open deal's file; the next save must ask, not overwrite.

let app: App | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const dealPath = (a: App, id: string) => join(a.dataDir, 'deals', `${id}.json`)

async function onDisk(a: App, id: string): Promise<Deal> {
  const parsed = parseDealFile(await readFile(dealPath(a, id), 'utf8'))
  if (!parsed.ok) throw new Error(parsed.message)
  return parsed.value.deal
}

async function picture(a: App, name: string): Promise<void> {
  const path = a.mode === 'chromium' ? resolve(import.meta.dirname, '../../../docs/screenshots', name) : resolve(import.meta.dirname, '../.artifacts', name)
  await mkdir(dirname(path), { recursive: true })
  await a.page.screenshot({ path, animations: 'disabled', caret: 'hide' })
}

/** Open the sample deal, change its file from outside, rename a stakeholder in the app: the dialog appears. */
async function conflictOnSample(language?: 'zh-CN'): Promise<{ a: App; sample: Deal; first: string }> {
  const a = (app = await openApp())
  await a.page.setViewportSize({ width: 1280, height: 720 })
  await new DealsPage(a.page).waitUntilShown()
  if (language) {
    await a.page.getByTestId('language-select').selectOption(language)
    await expect.poll(() => a.page.locator('html').getAttribute('lang')).toBe(language)
  }
  await expect.poll(() => validDeals(a.dataDir).then((d) => d.length)).toBe(1)
  const [sample] = await validDeals(a.dataDir)
  await new DealsPage(a.page).open(sample.name)
  await new MapPage(a.page).waitUntilShown()
  // The app's own writes of the open settle first (the account sync after the first frame can
  // save the deal). This test is about a sync client writing while the user is idle; a write
  // that lands inside one of our saves is proved kept, moment by moment, in
  // tests/unit/adversary/outside-edit-mid-save.test.ts.
  await fileQuiet(dealPath(a, sample.id), 1_000)
  // Another program rewrites the file.
  const file = JSON.parse(await readFile(dealPath(a, sample.id), 'utf8'))
  file.deal.notes = 'Edited in OneDrive on another laptop'
  await writeFile(dealPath(a, sample.id), JSON.stringify(file, null, 2) + '\n')
  const first = sample.stakeholders[0].name
  await renameIn(a.page, first, 'Renamed here')
  await expect.poll(() => a.page.getByTestId('outside-edit-dialog').isVisible(), { timeout: 10_000 }).toBe(true)
  // Nothing was overwritten.
  expect((await onDisk(a, sample.id)).notes).toBe('Edited in OneDrive on another laptop')
  return { a, sample, first }
}

/** Wait until `path` has not changed for `ms` (its size and modification time stay put). */
async function fileQuiet(path: string, ms: number): Promise<void> {
  let last = ''
  let since = Date.now()
  const end = Date.now() + 15_000
  while (Date.now() - since < ms) {
    if (Date.now() > end) throw new Error(`${path} kept changing`)
    const s = await stat(path)
    const now = `${s.size}:${s.mtimeMs}`
    if (now !== last) {
      last = now
      since = Date.now()
    }
    await new Promise((r) => setTimeout(r, 50))
  }
}

async function renameIn(page: Page, from: string, to: string): Promise<void> {
  await new MapPage(page).card(from).click()
  await page.getByTestId('tab-inspector').click()
  await page.getByTestId('stakeholder-inspector').getByTestId('field-name').fill(to)
}

describe('a deal changed outside the app', () => {
  it('Keep mine: the outside version is backed up, mine is written', async () => {
    const { a, sample } = await conflictOnSample()
    await expect.poll(() => a.page.getByTestId('save-indicator').getAttribute('data-status')).toBe('error')
    await picture(a, 'outside-edit-en.png')
    await a.page.getByTestId('outside-edit-keep-mine').click()
    await expect.poll(() => a.page.getByTestId('outside-edit-dialog').count()).toBe(0)
    await expect.poll(async () => (await onDisk(a, sample.id)).stakeholders[0].name).toBe('Renamed here')
    await expect.poll(() => a.page.getByTestId('save-indicator').getAttribute('data-status')).toBe('saved')
    const backups = await readdir(join(a.dataDir, 'backups', `deal-${sample.id}`))
    const texts = await Promise.all(backups.map((b) => readFile(join(a.dataDir, 'backups', `deal-${sample.id}`, b), 'utf8')))
    expect(texts.some((t) => t.includes('Edited in OneDrive'))).toBe(true)
    expect(a.pageErrors).toEqual([])
  })

  it('Take theirs: the outside version is shown, mine is kept as a backup', async () => {
    const { a, sample, first } = await conflictOnSample()
    await a.page.getByTestId('outside-edit-take-theirs').click()
    await expect.poll(() => a.page.getByTestId('outside-edit-dialog').count()).toBe(0)
    await expect.poll(() => new MapPage(a.page).card(first).count()).toBe(1)
    expect((await onDisk(a, sample.id)).notes).toBe('Edited in OneDrive on another laptop')
    const dir = join(a.dataDir, 'backups', `deal-${sample.id}`)
    const texts = await Promise.all((await readdir(dir)).map((b) => readFile(join(dir, b), 'utf8')))
    expect(texts.some((t) => t.includes('Renamed here'))).toBe(true)
    expect(a.pageErrors).toEqual([])
  })

  it('Keep both (in Chinese): the outside version stays, mine becomes a new deal "(my copy)"', async () => {
    const { a, sample } = await conflictOnSample('zh-CN')
    await expect.poll(async () => (await a.page.getByTestId('outside-edit-dialog').textContent()) ?? '').toContain('之外被修改')
    await picture(a, 'outside-edit-zh-CN.png')
    await a.page.getByTestId('outside-edit-keep-both').click()
    await expect.poll(() => a.page.getByTestId('outside-edit-dialog').count()).toBe(0)
    await expect.poll(() => validDeals(a.dataDir).then((d) => d.length)).toBe(2)
    const deals = await validDeals(a.dataDir)
    const copy = deals.find((d) => d.id !== sample.id)!
    expect(copy.name).toBe(`${sample.name}（我的副本）`)
    expect(copy.stakeholders[0].name).toBe('Renamed here')
    expect((await onDisk(a, sample.id)).notes).toBe('Edited in OneDrive on another laptop')
    expect(a.pageErrors).toEqual([])
  })
})
