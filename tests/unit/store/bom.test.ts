import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDealFile } from '@shared/model'
import { createHandlers } from '../../../electron/main/handlers'
import { validateWorkspaceText } from '../../../electron/main/store/validators'
import { tempDir } from './helpers'

const SAMPLE_ID = 'sample-harbor-city-core-banking'
const BOM = '\uFEFF'
const noDialogs = { saveFile: async () => null, openFile: async () => null }

describe('a byte order mark at the start of a file', () => {
  it('a deal file in deals/ starting with a BOM loads as is: not set aside, no notice', async () => {
    const dataDir = await tempDir()
    await createHandlers({ dataDir, dialogs: noDialogs })['workspace:load']()
    const path = join(dataDir, 'deals', `${SAMPLE_ID}.json`)
    const text = await readFile(path, 'utf8')
    await writeFile(path, BOM + text.replace('"Core banking modernization"', '"Saved by Notepad"'))
    const h = createHandlers({ dataDir, dialogs: noDialogs })
    const view = await h['workspace:load']()
    expect(view.notices).toEqual([])
    expect(view.damaged).toEqual([])
    expect((await h['deal:open'](SAMPLE_ID)).deal.name).toBe('Saved by Notepad')
    expect((await readdir(join(dataDir, 'deals'))).filter((n) => n.includes('.corrupt-'))).toEqual([])
  })

  it('workspace.json starting with a BOM loads as is', async () => {
    const dataDir = await tempDir()
    await createHandlers({ dataDir, dialogs: noDialogs })['workspace:load']()
    const path = join(dataDir, 'workspace.json')
    await writeFile(path, BOM + (await readFile(path, 'utf8')))
    const view = await createHandlers({ dataDir, dialogs: noDialogs })['workspace:load']()
    expect(view.notices).toEqual([])
    expect((await readdir(dataDir)).filter((n) => n.includes('.corrupt-'))).toEqual([])
    expect(validateWorkspaceText(await readFile(path, 'utf8')).ok).toBe(true)
  })

  it('import preview of a .warroom.json saved with a BOM', async () => {
    const dataDir = await tempDir()
    const h = createHandlers({ dataDir, dialogs: noDialogs })
    await h['workspace:load']()
    const text = await readFile(join(dataDir, 'deals', `${SAMPLE_ID}.json`), 'utf8')
    const preview = await h['deal:import-preview'](BOM + text)
    expect(preview.deal).toMatchObject({ id: SAMPLE_ID, stakeholders: 12 })
  })

  it('an error about a file with a BOM never shows the invisible character', () => {
    const result = parseDealFile(`${BOM}{"format": nope}`)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.message).not.toContain(BOM)
    expect(!result.ok && result.kind).toBe('not-json')
    const ws = validateWorkspaceText(`${BOM}{`)
    expect(!ws.ok && ws.message).not.toContain(BOM)
  })
})
