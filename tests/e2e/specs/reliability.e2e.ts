import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { parseDealFile, type Deal } from '@shared/model'
import { openApp, type App } from '../harness/app'
import { validDeals } from '../harness/disk'
import { faultSwitch } from '../harness/faults'
import { APP_URL } from '../harness/serve'
import { DealsPage } from '../poms/DealsPage'
import { MapPage } from '../poms/MapPage'

// Seen from the page: a failing disk never loses an edit, and an edit
// reaches main within a second, so a reload or a renderer crash loses at most that second.

const SLOW = { timeout: 20_000, interval: 200 }
let app: App | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const dealPath = (dataDir: string, id: string) => join(dataDir, 'deals', `${id}.json`)

async function dealOnDisk(dataDir: string, id: string): Promise<Deal> {
  const parsed = parseDealFile(await readFile(dealPath(dataDir, id), 'utf8'))
  if (!parsed.ok) throw new Error(`deals/${id}.json does not validate: ${parsed.message}`)
  return parsed.value.deal
}

/** Open the first-run sample deal; answers it as it was on disk. */
async function openSample(a: App): Promise<Deal> {
  await new DealsPage(a.page).waitUntilShown()
  await expect.poll(() => validDeals(a.dataDir).then((d) => d.length)).toBe(1)
  const [sample] = await validDeals(a.dataDir)
  await new DealsPage(a.page).open(sample.name)
  await new MapPage(a.page).waitUntilShown()
  return sample
}

/** Select a card and type a new name into the inspector's name field. */
async function renameInInspector(page: Page, from: string, to: string): Promise<void> {
  await new MapPage(page).card(from).click()
  await page.getByTestId('tab-inspector').click()
  await page.getByTestId('stakeholder-inspector').getByTestId('field-name').fill(to)
}

describe('write failures: the UI says so, keeps the edit, retries, and the file on disk stays whole', () => {
  const FAULTS = [
    { code: 'ENOSPC', words: /disk is full/ },
    { code: 'EROFS', words: /read-only/ },
    { code: 'EACCES', words: /permission to write the data folder was denied/i },
  ] as const

  it.skipIf(process.env.E2E_MODE === 'electron')('ENOSPC, EROFS, EACCES while renaming a stakeholder in the inspector', async () => {
    const faults = faultSwitch()
    app = await openApp({ fs: faults.fs })
    const sample = await openSample(app)
    const map = new MapPage(app.page)
    let name = sample.stakeholders[0].name

    for (const { code, words } of FAULTS) {
      const before = await readFile(dealPath(app.dataDir, sample.id), 'utf8')
      const refusedBefore = faults.refused
      faults.set(code)
      const edited = `${sample.stakeholders[0].name} (${code})`
      await renameInInspector(app.page, name, edited)

      // The indicator says what went wrong, in words.
      await expect.poll(() => map.saveStatus(), SLOW).toBe('error')
      await expect.poll(() => app!.page.getByTestId('save-indicator').textContent()).toMatch(words)
      expect(faults.refused).toBeGreaterThan(refusedBefore)
      // The edit stays on screen and in memory.
      await expect.poll(() => map.card(edited).count()).toBe(1)
      expect(await app.page.getByTestId('field-name').inputValue()).toBe(edited)
      // Nothing on disk changed, and what is there still validates; the retry keeps failing meanwhile.
      const refusedNow = faults.refused
      await expect.poll(() => faults.refused, SLOW).toBeGreaterThan(refusedNow)
      expect(await readFile(dealPath(app.dataDir, sample.id), 'utf8')).toBe(before)
      expect((await dealOnDisk(app.dataDir, sample.id)).stakeholders[0].name).toBe(name)
      if (code === 'ENOSPC') {
        // Leaving the deal now would drop the unsaved edit: it stays open and says why.
        await app.page.getByTestId('back-to-deals').click()
        await expect.poll(() => app!.page.getByTestId('refusal-toast').textContent(), SLOW).toContain('not saved yet')
        expect(await map.card(edited).count()).toBe(1)
      }

      // The disk recovers: the retry lands without the user doing anything.
      faults.clear()
      await expect.poll(() => map.saveStatus(), SLOW).toBe('saved')
      expect((await dealOnDisk(app.dataDir, sample.id)).stakeholders[0].name).toBe(edited)
      name = edited
    }
  })
})

describe('edits reach main within a second', () => {
  it('reload mid-session: the edit made a second earlier is there', async () => {
    app = await openApp()
    const sample = await openSample(app)
    const edited = `${sample.stakeholders[0].name} — renamed before reload`
    await renameInInspector(app.page, sample.stakeholders[0].name, edited)
    await app.page.waitForTimeout(1000) // the promise under test: at most one second
    await app.page.reload()

    await new DealsPage(app.page).waitUntilShown()
    await new DealsPage(app.page).open(sample.name)
    await expect.poll(() => new MapPage(app!.page).card(edited).count()).toBe(1)
    expect((await dealOnDisk(app.dataDir, sample.id)).stakeholders[0].name).toBe(edited)
  })

  it.skipIf(process.env.E2E_MODE === 'electron')('renderer crash (no unload handlers run): the edit made a second earlier is there', async () => {
    app = await openApp()
    const sample = await openSample(app)
    const edited = `${sample.stakeholders[0].name} — renamed before the crash`
    await renameInInspector(app.page, sample.stakeholders[0].name, edited)
    await app.page.waitForTimeout(1000) // the promise under test: at most one second

    // Kill the renderer outright: no beforeunload, no blur, no flush gets a chance to run.
    const crashed = new Promise<void>((resolve) => app!.page.once('crash', () => resolve()))
    const cdp = await app.page.context().newCDPSession(app.page)
    void cdp.send('Page.crash').catch(() => undefined)
    await crashed

    const page = await app.page.context().newPage()
    await page.goto(APP_URL)
    await new DealsPage(page).waitUntilShown()
    await new DealsPage(page).open(sample.name)
    await expect.poll(() => new MapPage(page).card(edited).count()).toBe(1)
    expect((await dealOnDisk(app.dataDir, sample.id)).stakeholders[0].name).toBe(edited)
  })
})

// One app per data folder. Only a real Electron main holds the lock, so this
// runs in Electron mode only (tests/e2e/run.mjs picks it where an Electron binary runs).
describe.runIf(process.env.E2E_MODE === 'electron')('single instance', () => {
  it('a second launch on the same profile quits at once and the first window keeps working', async () => {
    app = await openApp()
    await new DealsPage(app.page).waitUntilShown()
    const profile = join(dirname(app.dataDir), 'profile') // where the harness points --user-data-dir
    const mainEntry = resolve(import.meta.dirname, '../../../out/main/index.js')
    const second = spawn(process.env.E2E_ELECTRON_PATH!, [mainEntry, `--user-data-dir=${profile}`], {
      env: { ...process.env, WAR_ROOM_DATA_DIR: app.dataDir, NODE_ENV: 'production' },
      stdio: 'ignore',
    })
    const exitCode = await new Promise<number | null>((done) => second.on('exit', (code) => done(code)))
    expect(exitCode).toBe(0)
    // The first instance still answers and its data is whole.
    expect(await app.page.evaluate(() => window.api.loadWorkspace().then((r) => r.ok))).toBe(true)
    expect(await validDeals(app.dataDir)).toHaveLength(1)
  })
})
