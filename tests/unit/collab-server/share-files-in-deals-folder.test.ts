import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createHandlers } from '../../../electron/main/handlers'
import { tempDir } from '../store/helpers'

const SAMPLE_ID = 'sample-harbor-city-core-banking'
const noDialogs = { saveFile: async () => null, openFile: async () => null }

describe("a shared deal's share record beside its JSON", () => {
  it('is neither a conflict copy nor a deal, and stays where it is across starts', async () => {
    const dataDir = await tempDir()
    await createHandlers({ dataDir, dialogs: noDialogs })['workspace:load']()
    const share = { serverUrl: 'ws://127.0.0.1:1234', documentName: `deal/${SAMPLE_ID}`, sharedAt: '2026-12-02T04:00:00.000Z', role: 'editor' }
    await writeFile(join(dataDir, 'deals', `${SAMPLE_ID}.share.json`), JSON.stringify(share))
    for (let start = 0; start < 2; start++) {
      const view = await createHandlers({ dataDir, dialogs: noDialogs })['workspace:load']()
      expect(view.deals.map((d) => d.id)).toEqual([SAMPLE_ID])
      expect(view.conflictCopies).toEqual([])
      expect(view.damaged).toEqual([])
    }
    expect(await readdir(join(dataDir, 'deals'))).toContain(`${SAMPLE_ID}.share.json`)
  })
})
