import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createHandlers } from '../../../electron/main/handlers'
import { invokeChannel } from '../../../electron/main/ipc'
import { flakyReadFs, manualClock, MINUTES, recordingSleep, snapshotTree, tempDir, ipcCall } from './helpers'

const SAMPLE_ID = 'sample-harbor-city-core-banking'
const DEAL_FILE = `${SAMPLE_ID}.json`
const dialogsSavingTo = (dir: string) => ({ saveFile: async (name: string) => join(dir, name), openFile: async () => null })

/** A data folder with the sample deal: an older backup, then a newer edit on disk only. */
async function folderWithNewestEdit() {
  const dataDir = await tempDir()
  const clock = manualClock()
  const h = createHandlers({ dataDir, dialogs: dialogsSavingTo(dataDir), clock })
  await h['workspace:load']()
  const { deal } = await h['deal:open'](SAMPLE_ID)
  clock.advance(1 * MINUTES) // inside the backup interval: this edit is on disk, not in a backup
  await ipcCall(h, 'deal:save', { ...deal, notes: 'the newest edit' })
  return { dataDir, clock }
}

const TRANSIENT = ['EMFILE', 'EBUSY', 'EIO', 'EACCES', 'EAGAIN']

describe('a failed read is not a corrupt file', () => {
  for (const code of TRANSIENT) {
    it(`${code} twice while opening a deal: retried with backoff, the newest edit loads, nothing set aside`, async () => {
      const { dataDir, clock } = await folderWithNewestEdit()
      const before = await snapshotTree(dataDir)
      const { fs, state } = flakyReadFs(code, [`deals/${DEAL_FILE}`], 2)
      const sleep = recordingSleep()
      const h = createHandlers({ dataDir, dialogs: dialogsSavingTo(dataDir), clock, fs, sleep })
      const view = await h['workspace:load']()
      expect(state.failed).toBe(2)
      expect(view.damaged).toEqual([])
      expect(view.notices).toEqual([])
      expect((await h['deal:open'](SAMPLE_ID)).deal.notes).toBe('the newest edit')
      expect(sleep.waits).toHaveLength(2)
      expect(sleep.waits[1]).toBeGreaterThan(sleep.waits[0])
      const after = await snapshotTree(dataDir)
      expect(Object.keys(after).filter((n) => n.includes('.corrupt-'))).toEqual([])
      expect(after[`deals/${DEAL_FILE}`]).toBe(before[`deals/${DEAL_FILE}`])
    })
  }

  it('a deal file that stays unreadable: an io error with the errno, the file untouched, not listed as damaged', async () => {
    const { dataDir, clock } = await folderWithNewestEdit()
    const before = await snapshotTree(dataDir)
    const { fs, state } = flakyReadFs('EBUSY', [`deals/${DEAL_FILE}`])
    const sleep = recordingSleep()
    const h = createHandlers({ dataDir, dialogs: dialogsSavingTo(dataDir), clock, fs, sleep })
    const view = await h['workspace:load']()
    expect(view.damaged).toEqual([])
    expect(view.deals.map((d) => d.id)).toEqual([SAMPLE_ID]) // still listed, from the index
    expect(view.notices).toHaveLength(1)
    expect(view.notices[0]).toMatchObject({ level: 'error' })
    expect(view.notices[0].message).toMatch(/could not be read \(EBUSY\)/)
    expect(view.notices[0].message).not.toMatch(/no valid backup|set aside|restored/)
    expect(sleep.waits.length).toBeGreaterThanOrEqual(2)
    expect(sleep.waits.length).toBeLessThanOrEqual(4 * 2) // bounded, per read
    expect(sleep.waits.slice(0, 5).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1000)

    expect(await invokeChannel(h, 'deal:open', [SAMPLE_ID])).toMatchObject({ ok: false, error: { code: 'io', reason: 'EBUSY' } })
    expect(await snapshotTree(dataDir)).toEqual(before) // nothing moved, nothing restored

    // Once the other program lets go, the same app opens the newest edit.
    state.times = 0
    expect((await h['deal:open'](SAMPLE_ID)).deal.notes).toBe('the newest edit')
  })

  it('workspace.json that stays unreadable: start answers io with the errno, nothing is rebuilt or restored', async () => {
    const { dataDir, clock } = await folderWithNewestEdit()
    const first = createHandlers({ dataDir, dialogs: dialogsSavingTo(dataDir), clock })
    await first['settings:update']({ backupCount: 7 })
    const before = await snapshotTree(dataDir)
    const { fs, state } = flakyReadFs('EIO', ['workspace.json'])
    const h = createHandlers({ dataDir, dialogs: dialogsSavingTo(dataDir), clock, fs, sleep: recordingSleep() })
    expect(await invokeChannel(h, 'workspace:load', [])).toMatchObject({ ok: false, error: { code: 'io', reason: 'EIO' } })
    expect(await snapshotTree(dataDir)).toEqual(before)
    state.times = 0
    const view = await h['workspace:load']()
    expect(view.settings.backupCount).toBe(7) // the real workspace, not a rebuild with defaults
    expect(view.notices).toEqual([])
  })

  it('the default retry is short: a read that fails 3 times still loads within about a second', async () => {
    const { dataDir, clock } = await folderWithNewestEdit()
    const { fs } = flakyReadFs('EMFILE', [`deals/${DEAL_FILE}`], 3)
    const h = createHandlers({ dataDir, dialogs: dialogsSavingTo(dataDir), clock, fs })
    const started = Date.now()
    expect((await h['deal:open'](SAMPLE_ID)).deal.notes).toBe('the newest edit')
    expect(Date.now() - started).toBeLessThan(1500)
  })
})

describe('export raw file', () => {
  it('after a damaged deal was restored from backup, exports the set-aside damaged bytes, not the backup', async () => {
    const { dataDir, clock } = await folderWithNewestEdit()
    const damage = '{"format":"deal-war-room.deal","version":1,"deal":{"id":"' // truncated
    await writeFile(join(dataDir, 'deals', DEAL_FILE), damage)
    const h = createHandlers({ dataDir, dialogs: dialogsSavingTo(dataDir), clock })
    const view = await h['workspace:load']()
    expect(view.deals.map((d) => d.id)).toEqual([SAMPLE_ID]) // restored from backup
    expect((await readdir(join(dataDir, 'deals'))).some((n) => n.startsWith(`${SAMPLE_ID}.corrupt-`))).toBe(true)
    const exported = await h['deal:export-raw'](SAMPLE_ID)
    expect(await readFile(exported.path, 'utf8')).toBe(damage)
  })

  it('a deal that was never damaged exports its file as stored', async () => {
    const { dataDir, clock } = await folderWithNewestEdit()
    const h = createHandlers({ dataDir, dialogs: dialogsSavingTo(dataDir), clock })
    const exported = await h['deal:export-raw'](SAMPLE_ID)
    expect(await readFile(exported.path, 'utf8')).toBe(await readFile(join(dataDir, 'deals', DEAL_FILE), 'utf8'))
  })
})
