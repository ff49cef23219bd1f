import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WorkspaceSchema } from '@shared/model'
import { openApp, type App } from '../harness/app'
import { dealNamesOnDisk, readDealFiles, validDeals } from '../harness/disk'
import { DealsPage } from '../poms/DealsPage'
import { MapPage } from '../poms/MapPage'

const CREATED = 'Northwind ERP'
const RENAMED = 'Northwind ERP renewal 2026'
const CUSTOMER = 'Northwind Traders'

describe('deals survive a restart', () => {
  let app: App
  let sampleName: string
  let sampleCards: number
  beforeAll(async () => {
    app = await openApp()
  })
  afterAll(() => app?.close())

  it('creates a deal, which opens on an empty map', async () => {
    await new DealsPage(app.page).waitUntilShown()
    await expect.poll(() => validDeals(app.dataDir).then((d) => d.length)).toBe(1)
    const [sample] = await validDeals(app.dataDir)
    sampleName = sample.name
    sampleCards = sample.stakeholders.length

    await new DealsPage(app.page).create({ name: CREATED, customer: CUSTOMER })
    const map = await new MapPage(app.page).waitUntilShown()
    await expect.poll(() => map.title()).toBe(`${CREATED} · ${CUSTOMER}`)
    expect(await map.cards.count()).toBe(0)
    await expect.poll(() => dealNamesOnDisk(app.dataDir)).toEqual([CREATED, sampleName].sort())
  })

  it('renames it from the deals list, on screen and on disk', async () => {
    await new MapPage(app.page).backToDeals()
    const deals = await new DealsPage(app.page).waitUntilShown()
    await expect.poll(() => deals.names()).toContain(CREATED)
    await deals.rename(CREATED, RENAMED)
    await expect.poll(() => deals.names().then((n) => n.sort())).toEqual([RENAMED, sampleName].sort())
    await expect.poll(() => dealNamesOnDisk(app.dataDir)).toEqual([RENAMED, sampleName].sort())
  })

  it('after a restart, everything is still there and every file on disk validates', async () => {
    await app.restart()
    const deals = await new DealsPage(app.page).waitUntilShown()
    await expect.poll(() => deals.names().then((n) => n.sort())).toEqual([RENAMED, sampleName].sort())

    const files = await readDealFiles(app.dataDir)
    expect(files.map((f) => f.file)).toHaveLength(2)
    for (const { file, result } of files) expect(result.ok ? 'valid' : `${file}: ${result.message} ${JSON.stringify(result.issues)}`).toBe('valid')
    const workspacePath = join(app.dataDir, 'workspace.json')
    expect(existsSync(workspacePath)).toBe(true)
    const workspace = WorkspaceSchema.safeParse(JSON.parse(await readFile(workspacePath, 'utf8')))
    expect(workspace.success ? 'valid' : workspace.error.message).toBe('valid')

    await deals.open(RENAMED)
    const map = await new MapPage(app.page).waitUntilShown()
    await expect.poll(() => map.title()).toBe(`${RENAMED} · ${CUSTOMER}`)
    await map.backToDeals()
    await new DealsPage(app.page).waitUntilShown()
    await new DealsPage(app.page).open(sampleName)
    await expect.poll(() => new MapPage(app.page).visibleCardNames().then((n) => n.length)).toBe(sampleCards)
  })
})
