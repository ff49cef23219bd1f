import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { createHandlers } from '../../../electron/main/handlers'
import { deckOf } from '../deck/deck-helpers'
import { ipcCall, tempDir } from '../store/helpers'

const SAMPLE = 'sample-harbor-city-core-banking'
const NOTE = 'PRIVATE-FREEDOM-NOTE-7f3a'
const ASSESSOR = 'Private Assessor 9c1e'

/** Every text in a .pptx package (slides, notes, properties). */
async function deckText(pptx: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(pptx)
  const parts = await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.async('string')))
  return parts.join('\n')
}

describe('growth data stays private: never in a deal file, a deck or the deal JSON', () => {
  it('with traits and freedoms saved for every seated seller, none of it reaches the exported file, the stored deal, the workspace or the deck', async () => {
    const dataDir = await tempDir()
    const saveDir = await tempDir()
    const h = createHandlers({ dataDir, dialogs: { saveFile: async (name) => join(saveDir, name), openFile: async () => null } })
    const { deal } = await ipcCall(h, 'deal:open', SAMPLE)
    for (const seat of deal.team) {
      await ipcCall(h, 'growth:save', seat.sellerId, {
        assessment: { scores: { sincerity: 5, focus: 4, depth: 3, equanimity: 2 }, by: 'manager', assessor: ASSESSOR, on: '2026-03-01' },
        freedoms: { mood: { reached: true, note: NOTE } },
      })
    }
    // A save of the deal after the growth data exists must not pick it up either.
    await ipcCall(h, 'deal:save', { ...deal, notes: 'saved after growth' })
    expect(await readFile(join(dataDir, 'growth.json'), 'utf8')).toContain(NOTE) // it is there, in its own file

    const exported = await ipcCall(h, 'deal:export-file', SAMPLE)
    const sharedFile = await readFile(exported.path, 'utf8')
    const stored = await readFile(join(dataDir, 'deals', `${SAMPLE}.json`), 'utf8')
    const workspace = await readFile(join(dataDir, 'workspace.json'), 'utf8')
    for (const text of [sharedFile, stored, workspace]) {
      expect(text).not.toContain(NOTE)
      expect(text).not.toContain(ASSESSOR)
      expect(text).not.toMatch(/sincerity|equanimity|freedoms/)
    }
    const { deal: reopened } = await ipcCall(h, 'deal:open', SAMPLE)
    const { roster } = await ipcCall(h, 'workspace:load')
    const deck = await deckText(await deckOf(reopened, roster))
    expect(deck).not.toContain(NOTE)
    expect(deck).not.toContain(ASSESSOR)
    // Backups of deals hold deals only; growth has its own backups.
    const backups = await readdir(join(dataDir, 'backups'))
    expect(backups.some((b) => b.startsWith('growth'))).toBe(true)
  })
})
