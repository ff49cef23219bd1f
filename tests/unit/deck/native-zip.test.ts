import { describe, expect, it } from 'vitest'
import JSZip from 'jszip'
import { zipNatively } from '@shared/deck/native-zip'
import { generateDeal } from '../../fixtures/generate-large-deal'
import { deckOf } from './deck-helpers'

/** Every file of a zip as JSZip reads it back, CRCs checked. */
async function readBack(bytes: Uint8Array): Promise<Record<string, string | Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true })
  const out: Record<string, string | Uint8Array> = {}
  for (const [name, f] of Object.entries(zip.files)) out[name] = f.dir ? 'DIR' : /\.(xml|rels)$/.test(name) ? await f.async('string') : await f.async('uint8array')
  return out
}

describe('the deck zip, deflated natively', () => {
  it('holds what JSZip holds: text, bytes, an empty part, a folder and a non-ASCII name, in order', async () => {
    const zip = new JSZip()
    const xml = `<?xml version="1.0"?><p:sld>${'<a:t>华东城市银行 AT&amp;T 😀</a:t>'.repeat(2000)}</p:sld>`
    const png = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251)
    zip.file('[Content_Types].xml', '<Types/>')
    zip.file('ppt/slides/slide1.xml', xml)
    zip.folder('ppt/media')
    zip.file('ppt/media/image-1.png', png)
    zip.file('ppt/empty.xml', '')
    zip.file('ppt/名前.xml', '<x/>')
    const bytes = (await zipNatively(zip))!
    expect(bytes).not.toBeNull()
    const back = await readBack(bytes)
    expect(Object.keys(back)).toEqual(Object.keys(zip.files))
    expect(back['ppt/slides/slide1.xml']).toBe(xml)
    expect(back['ppt/media/image-1.png']).toEqual(png)
    expect(back['ppt/empty.xml']).toBe('')
    expect(back['ppt/名前.xml']).toBe('<x/>')
    // Deflated: the repeated slide text shrinks to a small part of its size.
    expect(bytes.length).toBeLessThan(new TextEncoder().encode(xml).length / 10)
  })

  it("a 1,000-person deck reads back whole and is smaller than the 849 KB JSZip's level 1 wrote", async () => {
    const file = generateDeal({ stakeholders: 1000, seed: 3, today: '2026-03-01' })
    const bytes = await deckOf(file.deal, file.roster, { slides: ['title', 'map', 'team', 'relationships', 'actions'] })
    const back = await readBack(bytes)
    expect(Object.keys(back).filter((p) => /^ppt\/slides\/slide\d+\.xml$/.test(p)).length).toBeGreaterThan(90)
    expect(bytes.length).toBeLessThan(760_000)
  })
})
