import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createHandlers } from '../../../electron/main/handlers'
import { fileStamp } from '../../../electron/main/store/clock'
import { manualClock, MINUTES, tempDir, ipcCall } from './helpers'

const noDialogs = { saveFile: async () => null, openFile: async () => null }
const YEAR = 365 * 24 * 60 * MINUTES

describe('backups do not depend on the clock running forwards', () => {
  it('after the clock jumps back a year, saves are backed up again', async () => {
    const dataDir = await tempDir()
    const clock = manualClock('2027-03-12T09:00:00.000Z')
    const h = createHandlers({ dataDir, dialogs: noDialogs, clock })
    await h['workspace:load']()
    const deal = await h['deal:create']({ name: 'Clock', customer: 'X' })
    clock.advance(-YEAR) // the clock was a year ahead and has been corrected
    await ipcCall(h, 'deal:save', { ...deal, notes: 'after the fix' })
    const backups = await h['deal:backups'](deal.id)
    expect(backups).toHaveLength(2)
    // The newest backup is the one written last, whatever its time stamp says.
    const newest = await h['deal:restore-backup'](deal.id, backups[0].id)
    expect(newest.notes).toBe('after the fix')

    // And the interval still applies from there on: a save a minute later makes no new backup.
    clock.advance(1 * MINUTES)
    await ipcCall(h, 'deal:save', { ...deal, notes: 'a minute later' })
    expect(await h['deal:backups'](deal.id)).toHaveLength(3) // + the copy made before the restore
  })

  it('clock back a year, save, restore: the pre-restore copy is kept and is the newest', async () => {
    const dataDir = await tempDir()
    const clock = manualClock('2027-03-12T09:00:00.000Z')
    const h = createHandlers({ dataDir, dialogs: noDialogs, clock })
    await h['workspace:load']()
    await h['settings:update']({ backupCount: 3 })
    const deal = await h['deal:create']({ name: 'Rotation', customer: 'X' })
    for (const notes of ['one', 'two']) {
      clock.advance(6 * MINUTES)
      await ipcCall(h, 'deal:save', { ...deal, notes })
    }
    clock.advance(-YEAR)
    await ipcCall(h, 'deal:save', { ...deal, notes: 'current, typed after the clock fix' })
    const listed = await h['deal:backups'](deal.id)
    const oldest = listed[listed.length - 1]
    await h['deal:restore-backup'](deal.id, oldest.id)

    const after = await h['deal:backups'](deal.id)
    expect(after.length).toBeLessThanOrEqual(3)
    const restoredFromNewest = await h['deal:restore-backup'](deal.id, after[0].id)
    expect(restoredFromNewest.notes).toBe('current, typed after the clock fix')
  })

  it('backups named by time stamp only (older data folders) still list, older than any numbered one', async () => {
    const dataDir = await tempDir()
    const clock = manualClock('2026-03-12T09:00:00.000Z')
    const h = createHandlers({ dataDir, dialogs: noDialogs, clock })
    await h['workspace:load']()
    const deal = await h['deal:create']({ name: 'Legacy', customer: 'X' })
    const dir = join(dataDir, 'backups', `deal-${deal.id}`)
    const [current] = await readdir(dir)
    const text = JSON.stringify({ format: 'deal-war-room.deal', version: 1, deal: { ...deal, notes: 'legacy' }, roster: [] })
    await mkdir(dir, { recursive: true })
    await writeFile(join(dir, `${fileStamp(new Date('2025-01-01T00:00:00.000Z'))}.json`), text)
    await writeFile(join(dir, `${fileStamp(new Date('2025-06-01T00:00:00.000Z'))}.json`), text.replace('legacy', 'legacy newer'))
    const listed = await h['deal:backups'](deal.id)
    expect(listed.map((b) => b.id)).toEqual([current.slice(0, -5), '2025-06-01T00-00-00-000Z', '2025-01-01T00-00-00-000Z'])
    expect(listed.every((b) => b.valid)).toBe(true)
    expect(listed[1].createdAt).toBe('2025-06-01T00:00:00.000Z')
  })
})
