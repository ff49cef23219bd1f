import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createHandlers } from '../../../electron/main/handlers'
import { invokeChannel } from '../../../electron/main/ipc'
import { tempDir } from './helpers'

const SAMPLE_ID = 'sample-harbor-city-core-banking'
const noDialogs = { saveFile: async () => null, openFile: async () => null }

/** The sample data folder plus copies a sync client made of the sample deal's file. */
async function folderWithSyncCopies() {
  const dataDir = await tempDir()
  await createHandlers({ dataDir, dialogs: noDialogs })['workspace:load']()
  const text = await readFile(join(dataDir, 'deals', `${SAMPLE_ID}.json`), 'utf8')
  const renamed = (name: string) => text.replace('"Core banking modernization"', JSON.stringify(name))
  const copies = {
    [`${SAMPLE_ID}-LAPTOP.json`]: renamed('Edited on the laptop'),
    [`${SAMPLE_ID} (1).json`]: renamed('Copy one'),
    [`${SAMPLE_ID} (conflicted copy 2026-01-02).json`]: '{"format":"deal-war-room.deal","ver', // cut short by the sync app
  }
  for (const [name, body] of Object.entries(copies)) await writeFile(join(dataDir, 'deals', name), body)
  return { dataDir }
}

describe('copies of a deal file made by a sync app', () => {
  it('are listed once as conflict copies, never as extra deals, however often the app starts', async () => {
    const { dataDir } = await folderWithSyncCopies()
    for (let start = 0; start < 3; start++) {
      const view = await createHandlers({ dataDir, dialogs: noDialogs })['workspace:load']()
      expect(view.deals.map((d) => d.id)).toEqual([SAMPLE_ID])
      expect(view.damaged).toEqual([])
      expect(view.conflictCopies).toEqual([
        { dealId: SAMPLE_ID, file: `${SAMPLE_ID} (1).json`, copyDealName: 'Copy one', valid: true },
        { dealId: SAMPLE_ID, file: `${SAMPLE_ID} (conflicted copy 2026-01-02).json`, valid: false },
        { dealId: SAMPLE_ID, file: `${SAMPLE_ID}-LAPTOP.json`, copyDealName: 'Edited on the laptop', valid: true },
      ])
    }
    // The damaged copy was not set aside or "restored": it is not a deal.
    expect((await readdir(join(dataDir, 'deals'))).filter((n) => n.includes('.corrupt-'))).toEqual([])
  })

  it('"Open as a separate deal" names the copy with the suffix the page sends, in the user\'s language', async () => {
    const { dataDir } = await folderWithSyncCopies()
    const h = createHandlers({ dataDir, dialogs: noDialogs })
    await h['workspace:load']()
    const deal = await invokeChannel(h, 'conflict:open-as-deal', [`${SAMPLE_ID}-LAPTOP.json`, { copySuffix: '（副本）' }])
    expect(deal).toMatchObject({ ok: true, value: { name: 'Edited on the laptop（副本）' } })
  })

  it('"Open as a separate deal" imports the copy with a new id and archives the file', async () => {
    const { dataDir } = await folderWithSyncCopies()
    const h = createHandlers({ dataDir, dialogs: noDialogs })
    await h['workspace:load']()
    const deal = await h['conflict:open-as-deal'](`${SAMPLE_ID}-LAPTOP.json`)
    expect(deal.id).not.toBe(SAMPLE_ID)
    expect(deal.name).toBe('Edited on the laptop (copy)')
    const view = await h['workspace:load']()
    expect(view.deals.map((d) => d.id).sort()).toEqual([SAMPLE_ID, deal.id].sort())
    expect(view.conflictCopies.map((c) => c.file)).not.toContain(`${SAMPLE_ID}-LAPTOP.json`)
    expect(await readdir(join(dataDir, 'conflicts'))).toEqual([`${SAMPLE_ID}-LAPTOP.json`])
    // The original deal is untouched.
    expect((await h['deal:open'](SAMPLE_ID)).deal.name).toBe('Core banking modernization')
    // And on the next start it is still one deal each, the copy not offered again.
    const next = await createHandlers({ dataDir, dialogs: noDialogs })['workspace:load']()
    expect(next.deals).toHaveLength(2)
    expect(next.conflictCopies).toHaveLength(2)
  })

  it('"Dismiss" only archives the copy; a second copy of the same name is archived beside it, never over it', async () => {
    const { dataDir } = await folderWithSyncCopies()
    const h = createHandlers({ dataDir, dialogs: noDialogs })
    await h['workspace:load']()
    const name = `${SAMPLE_ID} (conflicted copy 2026-01-02).json`
    expect(await h['conflict:dismiss'](name)).toBeNull()
    await writeFile(join(dataDir, 'deals', name), 'a second one')
    await h['conflict:dismiss'](name)
    const archived = await readdir(join(dataDir, 'conflicts'))
    expect(archived).toHaveLength(2)
    const bodies = await Promise.all(archived.map((n) => readFile(join(dataDir, 'conflicts', n), 'utf8')))
    expect(bodies.sort()).toEqual(['a second one', '{"format":"deal-war-room.deal","ver'].sort())
    const view = await h['workspace:load']()
    expect(view.deals.map((d) => d.id)).toEqual([SAMPLE_ID])
    expect(view.conflictCopies.map((c) => c.file)).not.toContain(name)
  })

  it('only files offered as conflict copies can be opened or dismissed', async () => {
    const { dataDir } = await folderWithSyncCopies()
    const h = createHandlers({ dataDir, dialogs: noDialogs })
    await h['workspace:load']()
    expect(await invokeChannel(h, 'conflict:dismiss', [`${SAMPLE_ID}.json`])).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await invokeChannel(h, 'conflict:dismiss', ['../workspace.json'])).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
    expect(await invokeChannel(h, 'conflict:open-as-deal', [`${SAMPLE_ID} (conflicted copy 2026-01-02).json`])).toMatchObject({ ok: false, error: { code: 'invalid-file' } })
    expect(await readdir(join(dataDir, 'deals'))).toContain(`${SAMPLE_ID}.json`)
  })

  it('a deal file that lost its index entry is still adopted (its name is its deal id)', async () => {
    const { dataDir } = await folderWithSyncCopies()
    const text = await readFile(join(dataDir, 'deals', `${SAMPLE_ID}.json`), 'utf8')
    await writeFile(join(dataDir, 'deals', 'orphan-2.json'), text.replaceAll(SAMPLE_ID, 'orphan-2'))
    const view = await createHandlers({ dataDir, dialogs: noDialogs })['workspace:load']()
    expect(view.deals.map((d) => d.id).sort()).toEqual(['orphan-2', SAMPLE_ID].sort())
    expect(view.conflictCopies).toHaveLength(3)
  })
})
