import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { newDeal, toDealFile, WORKSPACE_FORMAT, WORKSPACE_VERSION, DEFAULT_SETTINGS } from '@shared/model'
import { createHandlers } from '../../../electron/main/handlers'
import { invokeChannel } from '../../../electron/main/ipc'
import { nodeDurableFs, openStores, type DurableFs } from '../../../electron/main/store'
import { serializeJson } from '../../../electron/main/store/durable-json-file'
import { caseInsensitiveFs } from './case-insensitive-fs'
import { manualClock, MINUTES, tempDir, ipcCall } from './helpers'

const noDialogs = { saveFile: async () => null, openFile: async () => null }
const dealText = (id: string, name: string) => serializeJson(toDealFile({ ...newDeal({ name, customer: 'Acme' }), id }, []))

const disks: Array<[string, (root: string) => DurableFs]> = [
  ['a case-insensitive disk (macOS, Windows)', caseInsensitiveFs],
  ['a case-sensitive disk (Linux)', () => nodeDurableFs],
]

describe.each(disks)('deal ids that differ only in case, on %s', (_label, fsFor) => {
  it('importing "abc" as a copy while "ABC" exists says it exists, makes a copy and leaves ABC untouched', async () => {
    const dataDir = await tempDir()
    const h = createHandlers({ dataDir, dialogs: noDialogs, fs: fsFor(dataDir) })
    await h['workspace:load']()
    await h['deal:import'](dealText('ABC', 'Upper original'), { asCopy: true })

    const preview = await h['deal:import-preview'](dealText('abc', 'Lower other'))
    expect(preview.exists).toBe(true)
    const copy = await h['deal:import'](dealText('abc', 'Lower other'), { asCopy: true })
    expect(copy.id.toLowerCase()).not.toBe('abc')

    const again = createHandlers({ dataDir, dialogs: noDialogs, fs: fsFor(dataDir) })
    const view = await again['workspace:load']()
    expect(view.damaged).toEqual([])
    expect(view.deals.map((d) => d.name).sort()).toEqual(['Core banking modernization', 'Lower other (copy)', 'Upper original'])
    expect((await again['deal:open']('ABC')).deal.name).toBe('Upper original')
    expect((await again['deal:open'](copy.id)).deal.name).toBe('Lower other (copy)')
  })

  it('importing "abc" to replace "ABC" replaces that one deal and keeps its id; no second row points at the same file', async () => {
    const dataDir = await tempDir()
    const h = createHandlers({ dataDir, dialogs: noDialogs, fs: fsFor(dataDir) })
    await h['workspace:load']()
    await h['deal:import'](dealText('ABC', 'Upper original'), { asCopy: false })
    const replaced = await h['deal:import'](dealText('abc', 'Lower replacement'), { asCopy: false })
    expect(replaced.id).toBe('ABC')
    const view = await createHandlers({ dataDir, dialogs: noDialogs, fs: fsFor(dataDir) })['workspace:load']()
    expect(view.deals.filter((d) => d.id.toLowerCase() === 'abc').map((d) => [d.id, d.name])).toEqual([['ABC', 'Lower replacement']])
  })

  it('the store refuses to write a deal over a file that holds a different deal whose id folds to the same name', async () => {
    const dataDir = await tempDir()
    const stores = openStores(dataDir, { fs: fsFor(dataDir) })
    await stores.deals.save(stores.deals.checkFile(JSON.parse(dealText('ABC', 'Upper'))))
    const fresh = openStores(dataDir, { fs: fsFor(dataDir) }) // nothing cached in memory
    await expect(fresh.deals.save(fresh.deals.checkFile(JSON.parse(dealText('abc', 'Lower'))))).rejects.toMatchObject({ appError: { code: 'invalid-request' } })
    const loaded = await fresh.deals.load('ABC')
    expect(loaded.status === 'ok' && loaded.value.deal.name).toBe('Upper')
  })

  it('a deal whose id is a Windows device name (CON, aux, Lpt1) is stored under a name Windows accepts', async () => {
    const dataDir = await tempDir()
    const h = createHandlers({ dataDir, dialogs: noDialogs, fs: fsFor(dataDir) })
    await h['workspace:load']()
    for (const id of ['CON', 'aux', 'Lpt1']) await h['deal:import'](dealText(id, `Deal ${id}`), { asCopy: false })
    const names = await readdir(join(dataDir, 'deals'))
    for (const name of names) expect(name.split('.')[0]).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i)
    const again = createHandlers({ dataDir, dialogs: noDialogs, fs: fsFor(dataDir) })
    expect((await again['workspace:load']()).damaged).toEqual([])
    expect((await again['deal:open']('CON')).deal.name).toBe('Deal CON')
    expect((await again['deal:open']('Lpt1')).deal.name).toBe('Deal Lpt1')
  })
})

describe('a data folder written before file names were case-folded', () => {
  async function legacyFolder(): Promise<string> {
    const dataDir = await tempDir()
    const deal = { ...newDeal({ name: 'Mixed case deal', customer: 'Acme' }), id: 'MixedCase-1' }
    const text = serializeJson(toDealFile(deal, []))
    await mkdir(join(dataDir, 'deals'), { recursive: true })
    await writeFile(join(dataDir, 'deals', 'MixedCase-1.json'), text)
    await mkdir(join(dataDir, 'backups', 'deal-MixedCase-1'), { recursive: true })
    await writeFile(join(dataDir, 'backups', 'deal-MixedCase-1', '2026-03-01T09-00-00-000Z.json'), text)
    await writeFile(join(dataDir, 'deals', 'con.json'), serializeJson(toDealFile({ ...deal, id: 'con', name: 'Legacy con' }, [])))
    const index = [deal, { ...deal, id: 'con', name: 'Legacy con' }].map(({ id, name, customer, stage, amount, closeDate }) => ({ id, name, customer, stage, amount, closeDate }))
    await writeFile(join(dataDir, 'workspace.json'), serializeJson({ format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION, settings: DEFAULT_SETTINGS, roster: [], deals: index }))
    return dataDir
  }

  it.each(disks)('still loads, saves and lists its backups on %s (files are renamed to the new names)', async (_label, fsFor) => {
    const dataDir = await legacyFolder()
    const clock = manualClock()
    const h = createHandlers({ dataDir, dialogs: noDialogs, fs: fsFor(dataDir), clock })
    const view = await h['workspace:load']()
    expect(view.damaged).toEqual([])
    expect(view.deals.map((d) => d.name).sort()).toEqual(['Legacy con', 'Mixed case deal'])
    expect((await h['deal:backups']('MixedCase-1')).length).toBe(1)
    const { deal } = await h['deal:open']('MixedCase-1')
    clock.advance(10 * MINUTES)
    await ipcCall(h, 'deal:save', { ...deal, name: 'Renamed' })
    expect((await h['deal:open']('con')).deal.name).toBe('Legacy con')

    expect((await readdir(join(dataDir, 'deals'))).sort()).toEqual(['con~.json', 'mixedcase-1.json'])
    expect(await readdir(join(dataDir, 'backups'))).toContain('deal-mixedcase-1')
    expect(JSON.parse(await readFile(join(dataDir, 'deals', 'mixedcase-1.json'), 'utf8')).deal).toMatchObject({ id: 'MixedCase-1', name: 'Renamed' })
    const again = createHandlers({ dataDir, dialogs: noDialogs, fs: fsFor(dataDir), clock })
    expect((await again['workspace:load']()).deals.map((d) => d.name).sort()).toEqual(['Legacy con', 'Renamed'])
    expect((await again['deal:backups']('MixedCase-1')).length).toBe(2)
  })

  it('two deals whose ids differ only in case, made on a case-sensitive disk, both keep loading and neither is overwritten', async () => {
    const dataDir = await legacyFolder()
    const other = { ...newDeal({ name: 'Lower twin', customer: 'Acme' }), id: 'mixedcase-1' }
    await writeFile(join(dataDir, 'deals', 'mixedcase-1.json'), serializeJson(toDealFile(other, [])))
    const h = createHandlers({ dataDir, dialogs: noDialogs })
    const view = await h['workspace:load']() // the lower twin is adopted as an orphan
    expect(view.deals.map((d) => d.name).sort()).toEqual(['Legacy con', 'Lower twin', 'Mixed case deal'])
    const upper = await h['deal:open']('MixedCase-1')
    await ipcCall(h, 'deal:save', { ...upper.deal, name: 'Upper edited' })
    expect((await h['deal:open']('mixedcase-1')).deal.name).toBe('Lower twin')
    expect((await h['deal:open']('MixedCase-1')).deal.name).toBe('Upper edited')
    expect(await invokeChannel(h, 'deal:open', ['MIXEDCASE-1'])).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })
})

describe('the command line reads deal files by the same names', () => {
  it('lists and exports a mixed-case deal whether its file has the new or the old name', async () => {
    const { runCli } = await import('../../../electron/cli/run')
    for (const renamed of [false, true]) {
      const dataDir = await tempDir()
      const h = createHandlers({ dataDir, dialogs: noDialogs })
      await h['workspace:load']()
      await h['deal:import'](dealText('MixedCase-1', 'Mixed'), { asCopy: false })
      if (!renamed) {
        const { rename } = await import('node:fs/promises')
        await rename(join(dataDir, 'deals', 'mixedcase-1.json'), join(dataDir, 'deals', 'MixedCase-1.json'))
      }
      const out: string[] = []
      const io = { stdout: (s: string) => void out.push(s), stderr: (s: string) => void out.push(s) }
      expect(await runCli(['list', '--data', dataDir, '--json'], io)).toBe(0)
      const rows = JSON.parse(out.join('')).deals as Array<{ id: string; name: string; status: string }>
      expect(rows.find((r) => r.name === 'Mixed')).toMatchObject({ id: 'MixedCase-1', status: 'ok' })
      expect(rows).toHaveLength(2)
    }
  })
})
