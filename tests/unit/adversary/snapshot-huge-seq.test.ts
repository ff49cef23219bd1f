import { readdir, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createHandlers } from '../../../electron/main/handlers'
import { manualClock, MINUTES, tempDir } from '../store/helpers'

const noDialogs = { saveFile: async () => null, openFile: async () => null }

describe('a snapshot folder holding a file with a huge sequence number', () => {
  it('keeps every later snapshot listable and in order', async () => {
    const dataDir = await tempDir()
    const clock = manualClock()
    const h = createHandlers({ dataDir, clock, dialogs: noDialogs })
    const [sample] = (await h['workspace:load']()).deals
    await h['snapshot:save'](sample.id, 'Copied in')
    const folder = join(dataDir, 'snapshots', sample.id)
    const [planted] = (await readdir(folder)).filter((n) => n !== 'index.json')
    // 22 digits: past 2^53, and String() of such a number is written with an exponent.
    await rename(join(folder, planted), join(folder, planted.replace(/^\d+/, '1' + '0'.repeat(21))))
    await rm(join(folder, 'index.json'))

    const fresh = createHandlers({ dataDir, clock, dialogs: noDialogs })
    await fresh['workspace:load']()
    for (const name of ['Later 1', 'Later 2']) {
      clock.advance(MINUTES)
      await fresh['snapshot:save'](sample.id, name)
    }
    const again = createHandlers({ dataDir, clock, dialogs: noDialogs })
    await again['workspace:load']()
    const listed = await again['snapshot:list'](sample.id)
    expect(listed.map((s) => s.name)).toEqual(['Later 2', 'Later 1', 'Copied in'])
  })
})
