import { readFile, truncate, writeFile } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { SLIDE_IDS } from '@shared/deck'
import { createHandlers } from '../../../electron/main/handlers'
import { invokeChannel } from '../../../electron/main/ipc'
import { deckOf } from '../deck/deck-helpers'
import { sampleWorkspace } from '@shared/sample-deal'
import { manualClock, tempDir } from '../store/helpers'

const TEMPLATE = join(import.meta.dirname, '../../fixtures/templates/sample-corp.pptx')

/** Main's handlers over a fresh data folder; the open dialog answers with `picks` in turn, the save dialog with files in `saveDir`. */
async function setUp() {
  const dataDir = await tempDir()
  const saveDir = await tempDir()
  const picks: string[] = []
  const copied: Uint8Array[] = []
  const handlers = createHandlers({
    dataDir, clock: manualClock(),
    dialogs: { saveFile: async (name) => join(saveDir, name), openFile: async () => picks.shift() ?? null },
    clipboard: { writeImage: (png) => void copied.push(png) },
  })
  await handlers['workspace:load']()
  const workspaceFile = async () => JSON.parse(await readFile(join(dataDir, 'workspace.json'), 'utf8'))
  return { handlers, picks, saveDir, copied, workspaceFile }
}

describe('the company template through main', () => {
  it('checks and remembers the chosen template for the workspace, and puts decks into it', async () => {
    const { handlers, picks, workspaceFile } = await setUp()
    picks.push(TEMPLATE)
    const picked = await invokeChannel(handlers, 'template:pick', [])
    expect(picked).toEqual({ ok: true, value: { name: 'sample-corp.pptx' } })
    expect((await workspaceFile()).deckTemplate).toEqual({ path: TEMPLATE, name: 'sample-corp.pptx' })
    expect((await handlers['workspace:load']()).deckTemplate).toEqual({ name: 'sample-corp.pptx' })

    const sample = sampleWorkspace('2026-03-12')
    const applied = await invokeChannel(handlers, 'template:apply', [await deckOf(sample.deal, sample.roster, { slides: SLIDE_IDS })])
    if (!applied.ok) throw new Error(applied.error.message)
    const zip = await JSZip.loadAsync(applied.value as Uint8Array)
    expect(zip.file('ppt/media/contoso-logo.png')).not.toBeNull()

    expect((await invokeChannel(handlers, 'template:clear', [])).ok).toBe(true)
    expect((await workspaceFile()).deckTemplate).toBeUndefined()
    expect((await handlers['workspace:load']()).deckTemplate).toBeUndefined()
  })

  it('refuses a Word file and a 200 MB file with the reason, keeping the template it had', async () => {
    const { handlers, picks, saveDir, workspaceFile } = await setUp()
    picks.push(TEMPLATE)
    await invokeChannel(handlers, 'template:pick', [])

    const docx = new JSZip()
    docx.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    docx.file('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')
    const letter = join(saveDir, 'letter.pptx')
    await writeFile(letter, await docx.generateAsync({ type: 'uint8array' }))
    const huge = join(saveDir, 'huge.potx')
    await writeFile(huge, '')
    await truncate(huge, 200 * 1024 * 1024) // sparse: 200 MB on paper, nothing on disk

    for (const [path, reason] of [[letter, 'not-presentation'], [huge, 'too-large']] as const) {
      picks.push(path)
      const result = await invokeChannel(handlers, 'template:pick', [])
      expect(result.ok).toBe(false)
      if (result.ok) continue
      expect(result.error).toMatchObject({ code: 'invalid-file', reason })
      expect((await workspaceFile()).deckTemplate.path).toBe(TEMPLATE)
    }
  })

  it('says when no template is chosen, and when the remembered one is gone', async () => {
    const { handlers, picks, saveDir } = await setUp()
    const none = await invokeChannel(handlers, 'template:apply', [new Uint8Array([1])])
    expect(none.ok ? null : none.error.code).toBe('not-found')
    const moved = join(saveDir, 'corp.pptx')
    await writeFile(moved, readFileSync(TEMPLATE))
    picks.push(moved)
    await invokeChannel(handlers, 'template:pick', [])
    await truncate(moved, 0)
    const broken = await invokeChannel(handlers, 'template:apply', [new Uint8Array([1])])
    expect(broken.ok ? null : broken.error).toMatchObject({ code: 'invalid-file', reason: 'not-zip' })
  })
})

describe('map pictures drawn by main', () => {
  it('saves the map as SVG and as PNG, and copies a PNG, from the deal as the page shows it', async () => {
    const { handlers, copied } = await setUp()
    const sample = sampleWorkspace('2026-03-12')
    const request = { deal: sample.deal, roster: sample.roster, language: 'en' as const, today: '2026-03-12' }
    const svg = await invokeChannel(handlers, 'image:save', [{ ...request, format: 'svg', suggestedName: 'map.svg' }])
    if (!svg.ok) throw new Error(svg.error.message)
    const svgText = await readFile((svg.value as { path: string }).path, 'utf8')
    expect(svgText).toContain('<svg')
    expect(svgText).not.toContain('foreignObject')
    expect(svgText).toContain(sample.deal.name)

    const png = await invokeChannel(handlers, 'image:save', [{ ...request, format: 'png', suggestedName: 'map.png' }])
    if (!png.ok) throw new Error(png.error.message)
    const bytes = await readFile((png.value as { path: string }).path)
    expect(bytes.subarray(1, 4).toString()).toBe('PNG')
    expect(bytes.readUInt32BE(16)).toBe((png.value as { width: number }).width)

    expect((await invokeChannel(handlers, 'image:save', [{ ...request, format: 'copy', suggestedName: 'x.png' }])).ok).toBe(true)
    expect(Buffer.from(copied[0]).subarray(1, 4).toString()).toBe('PNG')
  })
})
