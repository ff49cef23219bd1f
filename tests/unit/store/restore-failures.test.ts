import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDealFile } from '@shared/model'
import { createHandlers } from '../../../electron/main/handlers'
import { invokeChannel } from '../../../electron/main/ipc'
import { diskFullFs, manualClock, MINUTES, tempDir, ipcCall } from './helpers'

const SAMPLE_ID = 'sample-harbor-city-core-banking'
const noDialogs = { saveFile: async () => null, openFile: async () => null }

/** The sample deal with a valid backup holding `notes`, then its file damaged. */
async function damagedWithBackup() {
  const dataDir = await tempDir()
  const clock = manualClock()
  const h = createHandlers({ dataDir, dialogs: noDialogs, clock })
  await h['workspace:load']()
  const { deal } = await h['deal:open'](SAMPLE_ID)
  clock.advance(10 * MINUTES)
  await ipcCall(h, 'deal:save', { ...deal, notes: 'in the backup' })
  await writeFile(join(dataDir, 'deals', `${SAMPLE_ID}.json`), '{"format":"deal-war-room.de')
  return { dataDir, clock }
}

describe('a restore that fails half way never strands a deal', () => {
  it('ENOSPC while restoring: says a backup exists but could not be restored, and a later start restores it', async () => {
    const { dataDir, clock } = await damagedWithBackup()
    const { fs, state } = diskFullFs('ENOSPC')
    state.failing = true
    const h = createHandlers({ dataDir, dialogs: noDialogs, clock, fs })
    const view = await h['workspace:load']()
    expect(view.damaged.map((d) => d.id)).toEqual([SAMPLE_ID])
    expect(view.damaged[0].reason).toMatch(/backup .*exists but could not be restored.*ENOSPC/)
    const said = [...view.notices.map((n) => n.message), view.damaged[0].reason].join(' ')
    expect(said).not.toMatch(/no valid backup/)
    expect(await invokeChannel(h, 'deal:open', [SAMPLE_ID])).toMatchObject({ ok: false, error: { code: 'io', reason: 'ENOSPC' } })

    // Another start with the disk still full: still "a backup exists", never "none".
    const again = createHandlers({ dataDir, dialogs: noDialogs, clock, fs })
    const second = await again['workspace:load']()
    expect(second.damaged[0].reason).toMatch(/exists but could not be restored.*ENOSPC/)
    expect([...second.notices.map((n) => n.message), second.damaged[0].reason].join(' ')).not.toMatch(/no valid backup/)

    // Space freed: the next start finishes the restore, and the deal is back in the list.
    state.failing = false
    const later = createHandlers({ dataDir, dialogs: noDialogs, clock, fs })
    const third = await later['workspace:load']()
    expect(third.damaged).toEqual([])
    expect(third.deals.map((d) => d.id)).toEqual([SAMPLE_ID])
    expect((await later['deal:open'](SAMPLE_ID)).deal.notes).toBe('in the backup')
    const onDisk = parseDealFile(await readFile(join(dataDir, 'deals', `${SAMPLE_ID}.json`), 'utf8'))
    expect(onDisk.ok && onDisk.value.deal.notes).toBe('in the backup')
    // The damaged bytes are still kept aside, once.
    expect((await readdir(join(dataDir, 'deals'))).filter((n) => n.includes('.corrupt-'))).toHaveLength(1)
  })

  it('a retry within the same run (opening the deal) restores it once the disk has room', async () => {
    const { dataDir, clock } = await damagedWithBackup()
    const { fs, state } = diskFullFs('ENOSPC')
    state.failing = true
    const h = createHandlers({ dataDir, dialogs: noDialogs, clock, fs })
    expect((await h['workspace:load']()).damaged).toHaveLength(1)
    state.failing = false
    expect((await h['deal:open'](SAMPLE_ID)).deal.notes).toBe('in the backup')
    expect((await h['workspace:load']()).damaged).toEqual([])
  })
})
