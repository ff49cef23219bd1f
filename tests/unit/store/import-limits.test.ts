import { open, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LIMITS, parseDealFile, toDealFile } from '@shared/model'
import { sampleWorkspace } from '@shared/sample-deal'
import { createHandlers } from '../../../electron/main/handlers'
import { invokeChannel } from '../../../electron/main/ipc'
import { nodeDurableFs, type DurableFs } from '../../../electron/main/store'
import { snapshotTree, tempDir } from './helpers'

// An imported deal file is capped in size and must keep its ids unique.

function sampleFile() {
  const { deal, roster } = sampleWorkspace('2026-03-12')
  return JSON.parse(JSON.stringify(toDealFile(deal, roster)))
}

describe('import limits', () => {
  it(`a deal file over the ${LIMITS.fileBytes / 1024 / 1024} MB cap is refused before it is parsed`, () => {
    const result = parseDealFile(' '.repeat(LIMITS.fileBytes + 1))
    expect(result).toMatchObject({ ok: false, kind: 'too-large', message: 'The file is larger than 50 MB' })
  })

  it('duplicate stakeholder and seller ids are refused, each reported at its JSON path', () => {
    const people = sampleFile()
    people.deal.stakeholders[1].id = people.deal.stakeholders[0].id
    const sellers = sampleFile()
    sellers.roster[1].id = sellers.roster[0].id
    const a = parseDealFile(JSON.stringify(people))
    const b = parseDealFile(JSON.stringify(sellers))
    expect(a.ok || a.issues.find((i) => i.path === '$.deal.stakeholders[1].id')?.message).toMatch(/Duplicate stakeholder id/)
    expect(b.ok || b.issues.find((i) => i.path === '$.roster[1].id')?.message).toMatch(/Duplicate seller id/)
  })

  it('the import picker refuses a file over the cap without reading it, and nothing is written', async () => {
    const dataDir = await tempDir()
    const huge = join(await tempDir(), 'huge.warroom.json')
    const handle = await open(huge, 'w')
    await handle.truncate(LIMITS.fileBytes + 1) // sparse: the size without the bytes
    await handle.close()
    const read: string[] = []
    const fs: DurableFs = { ...nodeDurableFs, readFile: (path) => (read.push(path), nodeDurableFs.readFile(path)) }
    const h = createHandlers({ dataDir, fs, dialogs: { saveFile: async () => null, openFile: async () => huge } })
    await h['workspace:load']()
    const before = await snapshotTree(dataDir)

    const picked = await invokeChannel(h, 'file:pick-text', ['json'])
    expect(picked).toMatchObject({ ok: false, error: { code: 'invalid-file', message: 'The file is larger than 50 MB, the most the app opens.' } })
    expect(read).not.toContain(huge)
    expect(await snapshotTree(dataDir)).toEqual(before)
  })
})

describe('every way a file enters main passes the same checks', () => {
  async function handlersPicking(path: string) {
    const dataDir = await tempDir()
    const read: string[] = []
    const fs: DurableFs = { ...nodeDurableFs, readFile: (p) => (read.push(p), nodeDurableFs.readFile(p)) }
    const h = createHandlers({ dataDir, fs, dialogs: { saveFile: async () => null, openFile: async () => path } })
    await h['workspace:load']()
    return { h, read, dataDir }
  }

  it('text over the cap in UTF-8 bytes is refused by preview and import, though its length in characters is under it', async () => {
    const { h, dataDir } = await handlersPicking('')
    const before = await snapshotTree(dataDir)
    const heavy = '中'.repeat(Math.ceil(LIMITS.fileBytes / 3) + 10) // ~50 MB + 30 bytes of UTF-8, 17 M characters
    for (const [channel, args] of [['deal:import-preview', [heavy]], ['deal:import', [heavy, { asCopy: true }]]] as const) {
      expect(await invokeChannel(h, channel, args)).toMatchObject({ ok: false, error: { code: 'invalid-file', reason: 'too-large', message: 'The file is larger than 50 MB, the most the app opens.' } })
    }
    expect(await invokeChannel(h, 'deal:import-preview', [''])).toMatchObject({ ok: false, error: { code: 'invalid-file', reason: 'empty' } })
    expect(await snapshotTree(dataDir)).toEqual(before)
  })

  it('the pickers (menu and palette) refuse an empty file and a file of another kind without reading it', async () => {
    const folder = await tempDir()
    const empty = join(folder, 'contacts.csv')
    const other = join(folder, 'proposal.pdf')
    await writeFile(empty, '')
    await writeFile(other, '%PDF-1.7')
    const a = await handlersPicking(empty)
    expect(await invokeChannel(a.h, 'file:pick-text', ['csv'])).toMatchObject({ ok: false, error: { code: 'invalid-file', reason: 'empty', message: 'The file is empty.' } })
    const b = await handlersPicking(other)
    expect(await invokeChannel(b.h, 'file:pick-text', ['json'])).toMatchObject({ ok: false, error: { code: 'invalid-file', reason: 'wrong-kind' } })
    expect(await invokeChannel(b.h, 'file:pick-text', ['csv'])).toMatchObject({ ok: false, error: { code: 'invalid-file', reason: 'wrong-kind', message: 'Only CSV files (.csv) can be opened here.' } })
    expect([...a.read, ...b.read]).not.toContain(empty)
    expect(b.read).not.toContain(other)
  })

  it('a CSV over the cap is refused by the CSV picker without reading it', async () => {
    const huge = join(await tempDir(), 'contacts.CSV')
    const handle = await open(huge, 'w')
    await handle.truncate(60 * 1024 * 1024)
    await handle.close()
    const { h, read } = await handlersPicking(huge)
    expect(await invokeChannel(h, 'file:pick-text', ['csv'])).toMatchObject({ ok: false, error: { code: 'invalid-file', reason: 'too-large' } })
    expect(read).not.toContain(huge)
  })
})
