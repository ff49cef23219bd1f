import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Deal } from '@shared/model'
import { createHandlers } from '../../../electron/main/handlers'
import { manualClock, MINUTES, tempDir, ipcCall } from '../store/helpers'

const noDialogs = { saveFile: async () => null, openFile: async () => null }
const renamed = (deal: Deal, name: string): Deal => ({ ...deal, name })

describe('a backup folder holding a name with the largest sequence number', () => {
  async function run(withHugeSeq: boolean) {
    const dataDir = await tempDir()
    const clock = manualClock()
    const handlers = createHandlers({ dataDir, clock, dialogs: noDialogs })
    const [sample] = (await handlers['workspace:load']()).deals
    const { deal } = await handlers['deal:open'](sample.id)
    const dealPath = join(dataDir, 'deals', `${deal.id}.json`)
    // A copied-in or hand-made backup whose sequence has the most digits a name may carry.
    const folder = join(dataDir, 'backups', `deal-${deal.id}`)
    await mkdir(folder, { recursive: true })
    if (withHugeSeq) await writeFile(join(folder, '999999999999999-2026-03-12T08-00-00-000Z.json'), await readFile(dealPath))

    for (const name of ['First', 'Second', 'Third']) {
      clock.advance(10 * MINUTES)
      await ipcCall(handlers, 'deal:save', renamed(deal, name))
    }
    const names = await readdir(folder)
    const listed = await handlers['deal:backups'](deal.id)
    // Every backup file on disk is one the app can list (none is written under a name it cannot read back).
    expect(listed.map((b) => `${b.id}.json`).sort()).toEqual(names.sort())
    return { count: listed.length, restored: (await handlers['deal:restore-backup'](deal.id, 'newest')).name }
  }

  it('still lists, rotates and restores the backups written after it', async () => {
    const clean = await run(false)
    const hostile = await run(true)
    expect(hostile.restored).toBe(clean.restored)
    expect(hostile.count).toBe(clean.count + 1)
  })
})
