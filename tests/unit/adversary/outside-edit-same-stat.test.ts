import { readFile, stat, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Deal } from '@shared/model'
import { createHandlers } from '../../../electron/main/handlers'
import { invokeChannel } from '../../../electron/main/ipc'
import { manualClock, tempDir } from '../store/helpers'

const renamed = (deal: Deal, name: string): Deal => ({ ...deal, stakeholders: deal.stakeholders.map((s, i) => (i === 0 ? { ...s, name } : s)) })
const noDialogs = { saveFile: async () => null, openFile: async () => null }
// Whole seconds, so the time put back after the edit is exactly the one the app saw (FAT and
// SMB shares keep 1-2 s times; sync tools restore the sender's time).
const T = 1_800_000_000

describe('outside edits that keep the size and the modification time', () => {
  it('are still detected by their content', async () => {
    const dataDir = await tempDir()
    const first = createHandlers({ dataDir, clock: manualClock(), dialogs: noDialogs })
    const [sample] = (await first['workspace:load']()).deals
    const path = join(dataDir, 'deals', `${sample.id}.json`)
    await utimes(path, T, T)

    const handlers = createHandlers({ dataDir, clock: manualClock(), dialogs: noDialogs })
    await handlers['workspace:load']()
    const { deal } = await handlers['deal:open'](sample.id)
    const name = deal.stakeholders[0].name
    const text = await readFile(path, 'utf8')
    expect(text).toContain(`"${name}"`)
    await writeFile(path, text.replace(`"${name}"`, `"${'Z'.repeat(name.length)}"`))
    await utimes(path, T, T)
    const after = await stat(path)
    expect([after.size, after.mtimeMs]).toEqual([Buffer.byteLength(text), T * 1000])
    const theirs = await readFile(path)
    expect(theirs.toString('utf8')).not.toBe(text)

    const result = await invokeChannel(handlers, 'deal:save', [renamed(deal, 'Mine')])
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(await readFile(path)).toEqual(theirs)
  })
})
