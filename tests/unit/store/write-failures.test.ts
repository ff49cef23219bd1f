import { chmod, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createHandlers } from '../../../electron/main/handlers'
import { invokeChannel } from '../../../electron/main/ipc'
import { faultyFs, snapshotTree, tempDir } from './helpers'

const noDialogs = { saveFile: async () => null, openFile: async () => null }
const SAMPLE_ID = 'sample-harbor-city-core-banking'

const FAULTS = [
  { code: 'ENOSPC', message: /The disk is full/ },
  { code: 'EACCES', message: /Permission to write the data folder was denied/ },
  { code: 'EROFS', message: /The data folder is read-only/ },
]

describe('write failures', () => {
  for (const { code, message } of FAULTS) {
    it(`${code}: a save answers with a typed io error, nothing on disk changes, and a later retry succeeds`, async () => {
      const dataDir = await tempDir()
      const { fs, state } = faultyFs(code)
      const h = createHandlers({ dataDir, dialogs: noDialogs, fs })
      await h['workspace:load']()
      const { deal } = await h['deal:open'](SAMPLE_ID)
      const before = await snapshotTree(dataDir)

      state.failing = true
      const edited = { ...deal, name: 'Renamed while the disk is failing', notes: 'an edit' }
      const save = await invokeChannel(h, 'deal:save', [edited])
      expect(save).toMatchObject({ ok: false, error: { code: 'io', message } })
      const create = await invokeChannel(h, 'deal:create', [{ name: 'New', customer: 'C' }])
      expect(create).toMatchObject({ ok: false, error: { code: 'io' } })
      const settings = await invokeChannel(h, 'settings:update', [{ theme: 'dark' }])
      expect(settings).toMatchObject({ ok: false, error: { code: 'io' } })
      expect(await snapshotTree(dataDir)).toEqual(before)

      // The page keeps the edit and retries; once the disk recovers the same call lands.
      state.failing = false
      expect(await invokeChannel(h, 'deal:save', [edited])).toMatchObject({ ok: true })
      expect((await h['workspace:load']()).deals[0].name).toBe('Renamed while the disk is failing')
      expect((await h['workspace:load']()).settings.theme).toBe('system') // the failed update did not stick in memory
    })
  }

  it('first run on a data folder that cannot be written answers io and works once it can', async () => {
    const dataDir = await tempDir()
    const { fs, state } = faultyFs('EROFS')
    state.failing = true
    const h = createHandlers({ dataDir: join(dataDir, 'data'), dialogs: noDialogs, fs })
    expect(await invokeChannel(h, 'workspace:load', [])).toMatchObject({ ok: false, error: { code: 'io', message: /read-only/ } })
    state.failing = false
    expect(await invokeChannel(h, 'workspace:load', [])).toMatchObject({ ok: true })
  })

  it.skipIf(process.getuid?.() === 0)('a really read-only deals folder: typed error, file unchanged', async () => {
    const dataDir = await tempDir()
    const h = createHandlers({ dataDir, dialogs: noDialogs })
    await h['workspace:load']()
    const { deal } = await h['deal:open'](SAMPLE_ID)
    const path = join(dataDir, 'deals', `${SAMPLE_ID}.json`)
    const before = await readFile(path, 'utf8')
    await chmod(join(dataDir, 'deals'), 0o555)
    try {
      const result = await invokeChannel(h, 'deal:save', [{ ...deal, notes: 'x' }])
      expect(result).toMatchObject({ ok: false, error: { code: 'io', message: /Permission|read-only/ } })
      expect(await readFile(path, 'utf8')).toBe(before)
    } finally {
      await chmod(join(dataDir, 'deals'), 0o755)
    }
  })
})
