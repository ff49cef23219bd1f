import { mkdir, readFile, readdir, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DealFileSchema, WorkspaceSchema, newDeal, parseDealFile, toDealFile } from '@shared/model'
import { sampleWorkspace } from '@shared/sample-deal'
import { openStores } from '../../../electron/main/store'
import { createHandlers } from '../../../electron/main/handlers'
import { invokeChannel } from '../../../electron/main/ipc'
import { MINUTES, manualClock, tempDir, ipcCall } from './helpers'

const noDialogs = { saveFile: async () => null, openFile: async () => null }

describe('store round trip', () => {
  it('first run seeds the sample deal; files on disk validate and read back the same', async () => {
    const dataDir = await tempDir()
    const clock = manualClock()
    const handlers = createHandlers({ dataDir, dialogs: noDialogs, clock })
    const view = await handlers['workspace:load']()
    expect(view.deals.map((d) => d.name)).toEqual(['Core banking modernization'])
    expect(view.deals[0].stakeholderCount).toBe(12)
    expect(view.damaged).toEqual([])

    const ws = WorkspaceSchema.parse(JSON.parse(await readFile(join(dataDir, 'workspace.json'), 'utf8')))
    expect(ws.roster).toHaveLength(4)
    const dealText = await readFile(join(dataDir, 'deals', `${view.deals[0].id}.json`), 'utf8')
    const parsed = parseDealFile(dealText)
    expect(parsed.ok).toBe(true)
    const expected = sampleWorkspace('2026-03-12')
    expect(parsed.ok && parsed.value).toEqual(toDealFile(expected.deal, expected.roster))
  })

  it('a saved deal is there after a restart (a new handler table on the same folder)', async () => {
    const dataDir = await tempDir()
    const first = createHandlers({ dataDir, dialogs: noDialogs })
    const created = await first['deal:create']({ name: 'Cloud migration', customer: 'Acme Steel' })
    const { deal } = await first['deal:open'](created.id)
    await ipcCall(first, 'deal:save', { ...deal, name: 'Cloud migration wave 1', stage: 'qualify' })

    const second = createHandlers({ dataDir, dialogs: noDialogs })
    const view = await second['workspace:load']()
    expect(view.deals.find((d) => d.id === created.id)).toMatchObject({ name: 'Cloud migration wave 1', stage: 'qualify', customer: 'Acme Steel' })
    expect(view.recentDealIds[0]).toBe(created.id)
    expect((await second['deal:open'](created.id)).deal.name).toBe('Cloud migration wave 1')
  })

  it('rename, duplicate and delete keep the deal index in step with the files', async () => {
    const dataDir = await tempDir()
    const h = createHandlers({ dataDir, dialogs: noDialogs })
    const [sample] = (await h['workspace:load']()).deals
    const copy = await h['deal:duplicate'](sample.id, 'Core banking (copy)')
    expect(copy.id).not.toBe(sample.id)
    expect(copy.stakeholders).toHaveLength(12)
    await h['deal:delete'](sample.id)
    const view = await h['workspace:load']()
    expect(view.deals.map((d) => d.name)).toEqual(['Core banking (copy)'])
    expect(await readdir(join(dataDir, 'deals'))).toEqual([`${copy.id}.json`])
    const missing = await invokeChannel(h, 'deal:open', [sample.id])
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })

  it('two updates at once (settings and roster) both land', async () => {
    const dataDir = await tempDir()
    const h = createHandlers({ dataDir, dialogs: noDialogs })
    await h['workspace:load']()
    await Promise.all([
      h['settings:update']({ backupCount: 3 }),
      h['roster:save']({ id: 'seller-eve', name: 'Eve Park', kinds: ['project'], level: 'top' }),
    ])
    const ws = WorkspaceSchema.parse(JSON.parse(await readFile(join(dataDir, 'workspace.json'), 'utf8')))
    expect(ws.settings.backupCount).toBe(3)
    expect(ws.roster.map((s) => s.id)).toContain('seller-eve')
  })

  it('a deal file that lost its index entry (crash between the two writes) is adopted on start', async () => {
    const dataDir = await tempDir()
    await createHandlers({ dataDir, dialogs: noDialogs })['workspace:load']()
    const orphan = newDeal({ name: 'Orphan', customer: 'Lost Co', id: 'orphan-1' })
    await writeFile(join(dataDir, 'deals', 'orphan-1.json'), JSON.stringify(toDealFile(orphan, [])))
    const view = await createHandlers({ dataDir, dialogs: noDialogs })['workspace:load']()
    expect(view.deals.map((d) => d.id)).toContain('orphan-1')
  })
})

describe('rolling backups', () => {
  it('keeps at most one backup per 5 minutes and the configured count', async () => {
    const dataDir = await tempDir()
    const clock = manualClock()
    const h = createHandlers({ dataDir, dialogs: noDialogs, clock })
    await h['workspace:load']()
    await h['settings:update']({ backupCount: 3 })
    const deal = await h['deal:create']({ name: 'Backed up', customer: 'X' })
    for (let i = 0; i < 8; i++) {
      clock.advance(i % 2 === 0 ? 1 * MINUTES : 6 * MINUTES)
      await ipcCall(h, 'deal:save', { ...deal, notes: `edit ${i}` })
    }
    const backups = await h['deal:backups'](deal.id)
    expect(backups).toHaveLength(3)
    expect(backups.every((b) => b.valid)).toBe(true)
    const times = backups.map((b) => Date.parse(b.createdAt))
    expect(times).toEqual([...times].sort((a, b) => b - a)) // newest first
    for (let i = 1; i < times.length; i++) expect(times[i - 1] - times[i]).toBeGreaterThanOrEqual(5 * MINUTES)
  })

  it('restore picks a named backup, or the newest valid one when the newest is damaged', async () => {
    const dataDir = await tempDir()
    const clock = manualClock()
    const h = createHandlers({ dataDir, dialogs: noDialogs, clock })
    await h['workspace:load']()
    const deal = await h['deal:create']({ name: 'Restorable', customer: 'X' })
    for (const notes of ['one', 'two', 'three']) {
      clock.advance(6 * MINUTES)
      await ipcCall(h, 'deal:save', { ...deal, notes })
    }
    const backups = await h['deal:backups'](deal.id)
    expect(backups).toHaveLength(4) // create + three saves
    // Damage the newest backup: restore must skip it.
    await writeFile(join(dataDir, 'backups', `deal-${deal.id}`, `${backups[0].id}.json`), '{"format":"deal-war-room.deal"')
    expect((await h['deal:backups'](deal.id))[0].valid).toBe(false)
    expect((await h['deal:restore-backup'](deal.id, 'newest')).notes).toBe('two')
    expect((await h['deal:restore-backup'](deal.id, backups[3].id)).notes).toBe('')
    const onDisk = parseDealFile(await readFile(join(dataDir, 'deals', `${deal.id}.json`), 'utf8'))
    expect(onDisk.ok && onDisk.value.deal.notes).toBe('')
  })
})

describe('stores without Electron', () => {
  it('an invalid deal file never becomes one the store can write, and the disk is left alone', async () => {
    const dataDir = await tempDir()
    const stores = openStores(dataDir)
    const deal = { ...newDeal({ name: 'Bad', id: 'bad-1' }), team: [{ sellerId: 'ghost', seat: 'account' as const, lead: false }] }
    // The store takes only a ValidDealFile; the check that makes one refuses this deal.
    await expect(Promise.resolve().then(() => stores.deals.save(stores.deals.checkFile(toDealFile(deal, []))))).rejects.toMatchObject({ appError: { code: 'invalid-request' } })
    expect(await readdir(dataDir)).toEqual([])
    expect(DealFileSchema.safeParse(toDealFile(deal, [])).success).toBe(false)
  })
})

describe('start-up housekeeping', () => {
  it('removes temp files a crash left behind, and only those', async () => {
    const dataDir = await tempDir()
    await createHandlers({ dataDir, dialogs: noDialogs })['workspace:load']()
    // In the deals and in the accounts (whose writes follow every save; the fault soak's seed 1284447894 left one there).
    await mkdir(join(dataDir, 'accounts'), { recursive: true })
    await writeFile(join(dataDir, 'deals', '.x.json.123.4.tmp'), '{"half')
    await writeFile(join(dataDir, 'accounts', '.acct-x.json.123.5.tmp'), '{"half')
    // Old: a young one may be another writer's write in flight (tests/unit/adversary/two-writers-temp-files.test.ts).
    const twoHoursAgo = (Date.now() - 2 * 3_600_000) / 1000
    await utimes(join(dataDir, 'deals', '.x.json.123.4.tmp'), twoHoursAgo, twoHoursAgo)
    await utimes(join(dataDir, 'accounts', '.acct-x.json.123.5.tmp'), twoHoursAgo, twoHoursAgo)
    await createHandlers({ dataDir, dialogs: noDialogs })['workspace:load']()
    expect(await readdir(join(dataDir, 'deals'))).toEqual(['sample-harbor-city-core-banking.json'])
    expect((await readdir(join(dataDir, 'accounts'))).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })
})
