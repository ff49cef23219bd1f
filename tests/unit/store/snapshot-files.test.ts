import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LIMITS, toDealFile } from '@shared/model'
import { sampleWorkspace } from '@shared/sample-deal'
import { createHandlers } from '../../../electron/main/handlers'
import { invokeChannel } from '../../../electron/main/ipc'
import { openStores, SnapshotStore } from '../../../electron/main/store'
import { faultyFs, manualClock, MINUTES, snapshotTree, tempDir } from './helpers'

const noDialogs = { saveFile: async () => null, openFile: async () => null }
const SAMPLE_ID = 'sample-harbor-city-core-banking'
const TODAY = '2026-03-12'

/** Every file name under `dir`, recursively, relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  return Object.keys(await snapshotTree(dir))
}

/** A snapshot file of the earlier format (one file per deal), `bytes` long or a little less. */
function legacySnapshotFile(bytes: number): { text: string; count: number } {
  const { deal, roster } = sampleWorkspace(TODAY)
  const note = 'x'.repeat(LIMITS.longText)
  const fat = { ...deal, stakeholders: deal.stakeholders.map((s) => ({ ...s, notes: note })) }
  const file = toDealFile(fat, roster)
  const one = JSON.stringify(file).length + 200
  const count = Math.floor(bytes / one)
  const snapshots = Array.from({ length: count }, (_, i) => ({ id: `old-${i}`, name: `Old ${i}`, createdAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(), file }))
  return { text: JSON.stringify({ format: 'deal-war-room.snapshots', version: 1, snapshots }), count }
}

describe('snapshot files', () => {
  it('a deal with more snapshots than one 50 MB file holds keeps every one; no set-aside copy is left behind', async () => {
    const dataDir = await tempDir()
    const clock = manualClock(`${TODAY}T09:00:00.000Z`)
    const h = createHandlers({ dataDir, dialogs: noDialogs, clock })
    await h['workspace:load']()
    // Just under the cap of the old single file: the next snapshot would have pushed it over.
    const legacy = legacySnapshotFile(LIMITS.fileBytes - 2_000)
    await writeFile(join(dataDir, 'snapshots', `${SAMPLE_ID}.json`), legacy.text).catch(async () => {
      await (await import('node:fs/promises')).mkdir(join(dataDir, 'snapshots'), { recursive: true })
      await writeFile(join(dataDir, 'snapshots', `${SAMPLE_ID}.json`), legacy.text)
    })
    const saved = []
    for (let i = 0; i < 3; i++) {
      clock.advance(MINUTES)
      saved.push(await h['snapshot:save'](SAMPLE_ID, `New ${i}`))
    }
    const again = createHandlers({ dataDir, dialogs: noDialogs, clock })
    const list = await again['snapshot:list'](SAMPLE_ID)
    expect(list).toHaveLength(legacy.count + 3)
    expect(list.slice(0, 3).map((s) => s.name)).toEqual(['New 2', 'New 1', 'New 0'])
    expect((await again['snapshot:get'](SAMPLE_ID, 'old-0')).info.name).toBe('Old 0')
    expect((await again['snapshot:get'](SAMPLE_ID, saved[2].id)).info.name).toBe('New 2')
    const files = await filesUnder(dataDir)
    expect(files.filter((f) => f.includes('.corrupt-'))).toEqual([])
    // The old single file is gone once its snapshots live in their own files.
    expect(files).not.toContain(join('snapshots', `${SAMPLE_ID}.json`))
  })

  it('stores one file per snapshot and lists them after a restart, even when the index was lost', async () => {
    const dataDir = await tempDir()
    const clock = manualClock()
    const h = createHandlers({ dataDir, dialogs: noDialogs, clock })
    await h['workspace:load']()
    for (const name of ['A', 'B', 'C']) {
      clock.advance(MINUTES)
      await h['snapshot:save'](SAMPLE_ID, name)
    }
    const dir = join(dataDir, 'snapshots', SAMPLE_ID)
    const names = await readdir(dir)
    expect(names.filter((n) => /^\d+-.+\.json$/.test(n))).toHaveLength(3)
    await writeFile(join(dir, 'index.json'), '{"broken')
    const again = createHandlers({ dataDir, dialogs: noDialogs, clock })
    expect((await again['snapshot:list'](SAMPLE_ID)).map((s) => s.name)).toEqual(['C', 'B', 'A'])
  })

  it('a snapshot save the disk refuses is reported as a typed failure and changes nothing', async () => {
    const dataDir = await tempDir()
    const { fs, state } = faultyFs('ENOSPC')
    const h = createHandlers({ dataDir, dialogs: noDialogs, fs })
    await h['workspace:load']()
    await h['snapshot:save'](SAMPLE_ID, 'Kept')
    const before = await snapshotTree(dataDir)
    state.failing = true
    expect(await invokeChannel(h, 'snapshot:save', [SAMPLE_ID, 'Refused'])).toMatchObject({ ok: false, error: { code: 'io', reason: 'ENOSPC' } })
    state.failing = false
    expect(await snapshotTree(dataDir)).toEqual(before)
    expect((await h['snapshot:list'](SAMPLE_ID)).map((s) => s.name)).toEqual(['Kept'])
  })

  it('a snapshot too large to be read back is refused with a reason, not answered ok and lost', async () => {
    const dataDir = await tempDir()
    const stores = openStores(dataDir)
    const { deal, roster } = sampleWorkspace(TODAY)
    const small = new SnapshotStore(stores.deps, { maxFileChars: 2_000 })
    const before = await snapshotTree(dataDir)
    await expect(small.save(deal.id, 'Too big', stores.deals.checkFile(toDealFile(deal, roster)))).rejects.toMatchObject({ appError: { code: 'invalid-request', reason: 'snapshot-too-large' } })
    expect(await snapshotTree(dataDir)).toEqual(before)
    expect((await small.list(deal.id)).snapshots).toEqual([])
  })

  it('a damaged snapshot file is set aside and named; the others still list and open', async () => {
    const dataDir = await tempDir()
    const clock = manualClock()
    const h = createHandlers({ dataDir, dialogs: noDialogs, clock })
    await h['workspace:load']()
    const a = await h['snapshot:save'](SAMPLE_ID, 'A')
    clock.advance(MINUTES)
    const b = await h['snapshot:save'](SAMPLE_ID, 'B')
    const dir = join(dataDir, 'snapshots', SAMPLE_ID)
    const fileOfA = (await readdir(dir)).find((n) => n.includes(a.id))!
    await writeFile(join(dir, fileOfA), '{"format":')
    const again = createHandlers({ dataDir, dialogs: noDialogs, clock })
    expect(await invokeChannel(again, 'snapshot:get', [SAMPLE_ID, a.id])).toMatchObject({ ok: false, error: { code: 'damaged' } })
    expect((await again['snapshot:get'](SAMPLE_ID, b.id)).info.name).toBe('B')
    expect((await again['snapshot:list'](SAMPLE_ID)).map((s) => s.name)).toEqual(['B'])
    expect((await readdir(dir)).filter((n) => n.includes('.corrupt-'))).toHaveLength(1)
  })

  it('the old single file is kept until every snapshot is in its own file; a migration the disk refuses is resumed later', async () => {
    const dataDir = await tempDir()
    const { fs, state } = faultyFs('ENOSPC')
    const h = createHandlers({ dataDir, dialogs: noDialogs, fs })
    await h['workspace:load']()
    const legacy = legacySnapshotFile(400_000)
    const { mkdir, readFile } = await import('node:fs/promises')
    await mkdir(join(dataDir, 'snapshots'), { recursive: true })
    const legacyPath = join(dataDir, 'snapshots', `${SAMPLE_ID}.json`)
    await writeFile(legacyPath, legacy.text)
    state.failing = true
    expect(await invokeChannel(h, 'snapshot:list', [SAMPLE_ID])).toMatchObject({ ok: false, error: { code: 'io', reason: 'ENOSPC' } })
    expect(await readFile(legacyPath, 'utf8')).toBe(legacy.text)
    state.failing = false
    expect(await h['snapshot:list'](SAMPLE_ID)).toHaveLength(legacy.count)
    expect((await filesUnder(dataDir)).filter((f) => f.startsWith('snapshots') && !f.includes(SAMPLE_ID + '/'))).toEqual([])
  })
})
