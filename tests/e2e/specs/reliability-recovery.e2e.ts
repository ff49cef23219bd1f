import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { parseDealFile, type Deal, type DealFile } from '@shared/model'
import { fileStamp } from '../../../electron/main/store/clock'
import { openApp, type App } from '../harness/app'
import { validDeals } from '../harness/disk'
import { DealsPage } from '../poms/DealsPage'
import { MapPage } from '../poms/MapPage'
import { RestoreBackupPage } from '../poms/RestoreBackupPage'

// Seen from the page: a damaged deal file on start, and
// "Restore from backup…" run from the native menu.

const SLOW = { timeout: 20_000, interval: 200 }
let app: App | undefined
const folders: string[] = []
afterEach(async () => {
  await app?.close()
  app = undefined
})
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true })
})

async function readDeal(dataDir: string, id: string): Promise<{ text: string; file: DealFile }> {
  const text = await readFile(join(dataDir, 'deals', `${id}.json`), 'utf8')
  const parsed = parseDealFile(text)
  if (!parsed.ok) throw new Error(`deals/${id}.json does not validate: ${parsed.message}`)
  return { text, file: parsed.value }
}

/** A data folder holding the first-run sample deal, written by the app itself; the app is closed. */
async function folderWithSample(): Promise<{ dataDir: string; sample: Deal; text: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'war-room-reliability-'))
  folders.push(dataDir)
  const first = await openApp({ dataDir })
  await new DealsPage(first.page).waitUntilShown()
  await expect.poll(() => validDeals(dataDir).then((d) => d.length)).toBe(1)
  await first.close()
  const [sample] = await validDeals(dataDir)
  return { dataDir, sample, text: (await readDeal(dataDir, sample.id)).text }
}

describe('a damaged deal file on start', () => {
  it('is set aside, the newest valid backup restored, the user told which file and what was restored', async () => {
    const { dataDir, sample, text } = await folderWithSample()
    // A newer, valid backup in which the first person has a name to recognise, then a truncated deal file.
    const backupName = 'Restored From Backup'
    const backup = structuredClone(JSON.parse(text)) as DealFile
    backup.deal.stakeholders[0].name = backupName
    const backupDir = join(dataDir, 'backups', `deal-${sample.id}`)
    await mkdir(backupDir, { recursive: true })
    const backupAt = new Date(Date.now() + 60_000)
    const backupStamp = fileStamp(backupAt)
    // Numbered after the app's own backups (backups are ordered by sequence, not by clock).
    await writeFile(join(backupDir, `999999-${backupStamp}.json`), JSON.stringify(backup))
    const truncated = text.slice(0, Math.floor(text.length / 2))
    await writeFile(join(dataDir, 'deals', `${sample.id}.json`), truncated)

    app = await openApp({ dataDir })
    const notices = app.page.getByTestId('notices')
    await expect.poll(() => notices.textContent(), SLOW).toMatch(new RegExp(`set aside as ${sample.id}\\.corrupt-[\\w-]+\\.json`))
    const notice = (await notices.textContent()) ?? ''
    expect(notice).toContain(`the backup from ${backupAt.toISOString()} was restored`)
    expect(notice).toContain(`${sample.id}.json`)

    // The damaged bytes were kept, untouched, beside the restored file.
    const aside = (await readdir(join(dataDir, 'deals'))).filter((n) => n.startsWith(`${sample.id}.corrupt-`))
    expect(aside).toHaveLength(1)
    expect(await readFile(join(dataDir, 'deals', aside[0]), 'utf8')).toBe(truncated)
    expect((await readDeal(dataDir, sample.id)).file.deal.stakeholders[0].name).toBe(backupName)

    // The deal opens with the backup's content.
    await new DealsPage(app.page).open(sample.name)
    await expect.poll(() => new MapPage(app!.page).card(backupName).count(), SLOW).toBe(1)
  })

  it('with no valid backup: listed as damaged with "Export raw file", and the rest of the app works', async () => {
    const { dataDir, sample } = await folderWithSample()
    await rm(join(dataDir, 'backups', `deal-${sample.id}`), { recursive: true, force: true })
    const nul = new Uint8Array(4096) // a power cut on some file systems leaves NULs
    await writeFile(join(dataDir, 'deals', `${sample.id}.json`), nul)

    app = await openApp({ dataDir })
    const deals = await new DealsPage(app.page).waitUntilShown()
    const damaged = app.page.getByTestId('damaged-deals')
    await expect.poll(() => damaged.textContent(), SLOW).toContain(`${sample.id}.corrupt-`)
    await expect.poll(() => app!.page.getByTestId('notices').textContent()).toContain('no valid backup exists')
    expect(await deals.names()).not.toContain(sample.name)

    await damaged.getByRole('button', { name: 'Export raw file' }).click()
    const exported = join(app.saveDir, `${sample.id}.raw.json`)
    await expect.poll(() => existsSync(exported), SLOW).toBe(true)
    expect(new Uint8Array(await readFile(exported))).toEqual(nul)
    await expect.poll(() => app!.page.getByTestId('deals-saved-to').textContent()).toContain(exported) // the user is told where it went

    // Everything else works: a new deal is created, opens and reaches the disk.
    await deals.create({ name: 'Contoso CRM', customer: 'Contoso' })
    const map = await new MapPage(app.page).waitUntilShown()
    await expect.poll(() => map.title()).toBe('Contoso CRM · Contoso')
    await expect.poll(() => validDeals(dataDir).then((d) => d.map((x) => x.name))).toEqual(['Contoso CRM'])
  })
})

describe('copies of a deal file left by a sync app', () => {
  it('are listed once as conflict copies; "Open as a separate deal" and "Dismiss" archive them', async () => {
    const { dataDir, sample, text } = await folderWithSample()
    const laptop = text.replace(JSON.stringify(sample.name), JSON.stringify('Edited on the laptop'))
    await writeFile(join(dataDir, 'deals', `${sample.id}-LAPTOP.json`), laptop)
    await writeFile(join(dataDir, 'deals', `${sample.id} (conflicted copy 2026-01-02).json`), text.slice(0, 300))

    app = await openApp({ dataDir })
    const deals = await new DealsPage(app.page).waitUntilShown()
    const section = app.page.getByTestId('conflict-copies')
    await expect.poll(() => section.getByTestId('conflict-copy').count(), SLOW).toBe(2)
    expect(await deals.names()).toEqual([sample.name]) // one row, not one per copy
    expect(await section.textContent()).toContain('Conflict copies found by a sync app')
    const shotPath = app.mode === 'chromium' ? resolve(import.meta.dirname, '../../../docs/screenshots/conflict-copies.png') : resolve(import.meta.dirname, '../.artifacts/conflict-copies.png')
    await mkdir(resolve(shotPath, '..'), { recursive: true })
    await app.page.setViewportSize({ width: 1280, height: 720 })
    await app.page.screenshot({ path: shotPath, animations: 'disabled', caret: 'hide' })

    // A restart still shows one row and the same two copies.
    await app.restart()
    await new DealsPage(app.page).waitUntilShown()
    await expect.poll(() => app!.page.getByTestId('conflict-copy').count(), SLOW).toBe(2)
    expect(await new DealsPage(app.page).names()).toEqual([sample.name])

    await app.page.getByTestId('conflict-copy').filter({ hasText: 'Damaged copy' }).getByRole('button', { name: 'Dismiss' }).click()
    await expect.poll(() => app!.page.getByTestId('conflict-copy').count(), SLOW).toBe(1)
    await app.page.getByTestId('conflict-copy').getByRole('button', { name: 'Open as a separate deal' }).click()
    await expect.poll(() => new MapPage(app!.page).title(), SLOW).toContain('Edited on the laptop (copy)')
    expect((await readdir(join(dataDir, 'conflicts'))).sort()).toEqual([`${sample.id} (conflicted copy 2026-01-02).json`, `${sample.id}-LAPTOP.json`])
    expect((await readdir(join(dataDir, 'deals'))).filter((n) => n.includes('LAPTOP') || n.includes('conflicted'))).toEqual([])
  })
})

describe('Restore from backup…', () => {
  it('lists the backups with date, size and state, restores the chosen one onto the map, and Undo brings the edit back', async () => {
    app = await openApp()
    const page = app.page
    await new DealsPage(page).waitUntilShown()
    await expect.poll(() => validDeals(app!.dataDir).then((d) => d.length)).toBe(1)
    const [sample] = await validDeals(app.dataDir)
    await new DealsPage(page).open(sample.name)
    const map = await new MapPage(page).waitUntilShown()
    const original = sample.stakeholders[0].name
    const edited = `${original} (edited after the backup)`

    await map.card(original).click()
    await page.getByTestId('tab-inspector').click()
    await page.getByTestId('stakeholder-inspector').getByTestId('field-name').fill(edited)
    await expect.poll(() => readDeal(app!.dataDir, sample.id).then((d) => d.file.deal.stakeholders[0].name), SLOW).toBe(edited)

    await app.sendMenuAction('deal.restore-backup')
    const dialog = new RestoreBackupPage(page)
    await expect.poll(() => dialog.rows.count(), SLOW).toBeGreaterThan(0)
    const listed = await dialog.listed()
    const [newest] = listed
    expect(newest.valid).toBe(true)
    const [when, size, state] = newest.cells
    expect(when).toMatch(/\d{4}/) // a date with the year
    expect(when).toMatch(/\d{1,2}:\d{2}/) // and the time, as several backups can share a day
    expect(size).toMatch(/^[\d.,]+\s?kB$/)
    expect(state).toBe('Valid')

    await dialog.restore(newest.id)
    await expect.poll(() => dialog.dialog.getByTestId('restore-done').count(), SLOW).toBe(1)
    await expect.poll(() => map.card(original).count()).toBe(1)
    expect(await map.card(edited).count()).toBe(0)
    await expect.poll(() => readDeal(app!.dataDir, sample.id).then((d) => d.file.deal.stakeholders[0].name), SLOW).toBe(original)

    // Undo: the edit is back on the map and on disk.
    await dialog.dialog.getByTestId('restore-undo').click()
    await expect.poll(() => map.card(edited).count()).toBe(1)
    await expect.poll(() => readDeal(app!.dataDir, sample.id).then((d) => d.file.deal.stakeholders[0].name), SLOW).toBe(edited)

    // What was on disk before the restore was kept as one more backup.
    await app.sendMenuAction('deal.restore-backup')
    await expect.poll(() => dialog.rows.count(), SLOW).toBe(listed.length + 1)
  })
})
