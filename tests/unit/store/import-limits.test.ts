import { open } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LIMITS, parseDealFile, toDealFile } from '@shared/model'
import { sampleWorkspace } from '@shared/sample-deal'
import { createHandlers } from '../../../electron/main/handlers'
import { invokeChannel } from '../../../electron/main/ipc'
import { nodeDurableFs, type DurableFs } from '../../../electron/main/store'
import { snapshotTree, tempDir } from './helpers'

// Issue 7 item 8: the size cap and unique ids of imported deal files.

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

    const picked = await invokeChannel(h, 'deal:pick-import', [])
    expect(picked).toMatchObject({ ok: false, error: { code: 'invalid-file', message: 'The file is larger than 50 MB.' } })
    expect(read).not.toContain(huge)
    expect(await snapshotTree(dataDir)).toEqual(before)
  })
})
