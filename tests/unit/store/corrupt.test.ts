import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDealFile } from '@shared/model'
import { createHandlers } from '../../../electron/main/handlers'
import { invokeChannel } from '../../../electron/main/ipc'
import { manualClock, MINUTES, tempDir, ipcCall } from './helpers'

const SAMPLE_ID = 'sample-harbor-city-core-banking'

function savingDialogs(saveDir: string) {
  return { saveFile: async (name: string) => join(saveDir, name), openFile: async () => null }
}

/** A workspace with the sample deal and one valid backup of it, then a damaged deal file. */
async function setUpWithBackup(damage: string) {
  const dataDir = await tempDir()
  const clock = manualClock()
  const h = createHandlers({ dataDir, dialogs: savingDialogs(dataDir), clock })
  await h['workspace:load']() // seeds the sample and backs it up
  const { deal } = await h['deal:open'](SAMPLE_ID)
  clock.advance(10 * MINUTES)
  await ipcCall(h, 'deal:save', { ...deal, notes: 'latest good state' }) // second backup
  const path = join(dataDir, 'deals', `${SAMPLE_ID}.json`)
  await writeFile(path, damage)
  return { dataDir, path, clock }
}

const validText = async () => {
  const dataDir = await tempDir()
  await createHandlers({ dataDir, dialogs: savingDialogs(dataDir) })['workspace:load']()
  return readFile(join(dataDir, 'deals', `${SAMPLE_ID}.json`), 'utf8')
}

const DAMAGE: Record<string, () => Promise<string>> = {
  empty: async () => '',
  truncated: async () => (await validText()).slice(0, 700),
  'NUL-filled': async () => '\u0000'.repeat(4096),
  'wrong schema': async () => JSON.stringify({ format: 'deal-war-room.deal', version: 1, deal: { id: SAMPLE_ID, name: 42 }, roster: [] }),
  'newer version': async () => JSON.stringify({ format: 'deal-war-room.deal', version: 99, deal: {}, roster: [] }),
}

describe('a damaged deal file on load', () => {
  for (const [kind, make] of Object.entries(DAMAGE)) {
    it(`${kind}: set aside untouched, newest valid backup restored, the user told which file`, async () => {
      const damage = await make()
      const { dataDir, path, clock } = await setUpWithBackup(damage)
      const h = createHandlers({ dataDir, dialogs: savingDialogs(dataDir), clock }) // a restart
      const view = await h['workspace:load']()

      const names = await readdir(join(dataDir, 'deals'))
      const aside = names.find((n) => n.startsWith(`${SAMPLE_ID}.corrupt-`) && n.endsWith('.json'))
      expect(aside).toBeDefined()
      expect(await readFile(join(dataDir, 'deals', aside!), 'utf8')).toBe(damage) // never overwritten
      const restored = parseDealFile(await readFile(path, 'utf8'))
      expect(restored.ok && restored.value.deal.notes).toBe('latest good state')

      expect(view.damaged).toEqual([])
      expect(view.deals.map((d) => d.id)).toEqual([SAMPLE_ID])
      expect(view.notices).toHaveLength(1)
      expect(view.notices[0]).toMatchObject({ level: 'warning', file: path })
      expect(view.notices[0].message).toContain(`${SAMPLE_ID}.json`)
      expect(view.notices[0].message).toContain(aside!)
      expect(view.notices[0].message).toMatch(/backup from \d{4}-\d\d-\d\dT/)
    })
  }

  it('with no valid backup the deal is listed as damaged, its raw file can be exported, and the rest works', async () => {
    const { dataDir, path, clock } = await setUpWithBackup('{"format":"deal-war-room.deal","vers')
    for (const name of await readdir(join(dataDir, 'backups', `deal-${SAMPLE_ID}`))) {
      await writeFile(join(dataDir, 'backups', `deal-${SAMPLE_ID}`, name), 'garbage')
    }
    const h = createHandlers({ dataDir, dialogs: savingDialogs(dataDir), clock })
    const view = await h['workspace:load']()
    expect(view.deals).toEqual([])
    expect(view.damaged).toHaveLength(1)
    expect(view.damaged[0]).toMatchObject({ id: SAMPLE_ID })
    expect(view.damaged[0].reason).toMatch(/not valid JSON/)
    expect(view.notices[0]).toMatchObject({ level: 'error', file: path })

    expect(await invokeChannel(h, 'deal:open', [SAMPLE_ID])).toMatchObject({ ok: false, error: { code: 'damaged' } })
    const exported = await h['deal:export-raw'](SAMPLE_ID)
    expect(await readFile(exported.path, 'utf8')).toBe('{"format":"deal-war-room.deal","vers')

    // Still damaged after another restart (not silently forgotten), and the rest works.
    const again = createHandlers({ dataDir, dialogs: savingDialogs(dataDir), clock })
    expect((await again['workspace:load']()).damaged.map((d) => d.id)).toEqual([SAMPLE_ID])
    const created = await again['deal:create']({ name: 'Still working', customer: 'Y' })
    expect((await again['workspace:load']()).deals.map((d) => d.id)).toEqual([created.id])
  })

  it('a damaged workspace.json is restored from its backup', async () => {
    const dataDir = await tempDir()
    const h = createHandlers({ dataDir, dialogs: savingDialogs(dataDir) })
    await h['workspace:load']()
    await writeFile(join(dataDir, 'workspace.json'), '\u0000\u0000\u0000')
    const view = await createHandlers({ dataDir, dialogs: savingDialogs(dataDir) })['workspace:load']()
    expect(view.deals.map((d) => d.id)).toEqual([SAMPLE_ID])
    expect(view.roster).toHaveLength(4)
    expect(view.notices[0].message).toMatch(/workspace\.json was damaged/)
    expect((await readdir(dataDir)).some((n) => n.startsWith('workspace.corrupt-'))).toBe(true)
  })

  it('a damaged workspace.json with no backup is rebuilt from the deal files, roster included', async () => {
    const dataDir = await tempDir()
    await createHandlers({ dataDir, dialogs: savingDialogs(dataDir) })['workspace:load']()
    await writeFile(join(dataDir, 'workspace.json'), '{"format":"deal-war-room.workspace","version":7}')
    for (const name of await readdir(join(dataDir, 'backups', 'workspace'))) await writeFile(join(dataDir, 'backups', 'workspace', name), '')
    const view = await createHandlers({ dataDir, dialogs: savingDialogs(dataDir) })['workspace:load']()
    expect(view.deals.map((d) => d.id)).toEqual([SAMPLE_ID])
    expect(view.roster.map((s) => s.name).sort()).toEqual(['Anna Kowalski', 'Ben Carter', 'Chen Wei', 'Dana Ortiz'])
    expect(view.notices.map((n) => n.message).join(' ')).toMatch(/newer version .*rebuilt from 1 deal file/s)
  })
})
