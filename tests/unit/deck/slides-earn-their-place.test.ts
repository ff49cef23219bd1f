import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { sampleWorkspace } from '@shared/sample-deal'
import { generateDeal } from '../../fixtures/generate-large-deal'
import { hospitalErpFile } from '../../fixtures/scenarios/hospital-erp'
import { deckOf, shapesOf, slideXmls, TODAY } from './deck-helpers'
import { brokenXmlParts } from './xml-parts'

/** Speaker notes of each slide, in slide order (the notes slide's body text). */
async function notesOf(pptx: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(pptx)
  const slides = Object.keys(zip.files).filter((p) => /^ppt\/slides\/slide\d+\.xml$/.test(p))
  slides.sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]))
  return Promise.all(slides.map(async (p) => {
    const rels = await zip.file(p.replace('slides/', 'slides/_rels/') + '.rels')!.async('string')
    const target = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(rels)?.[1]
    if (!target) return ''
    const xml = await zip.file(`ppt/notesSlides/${target}`)!.async('string')
    return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('\n')
  }))
}

const titleOf = (xml: string) => shapesOf(xml).find((s) => s.name === 'Title')?.text ?? ''

describe('each slide earns its place', () => {
  it('gives every slide speaker notes in the deck\'s language', async () => {
    const { deal, roster } = hospitalErpFile()
    const en = await notesOf(await deckOf(deal, roster))
    const zh = await notesOf(await deckOf(deal, roster, { language: 'zh-CN' }))
    for (const [i, note] of en.entries()) expect(note.trim(), `slide ${i + 1}`).not.toBe('')
    for (const [i, note] of zh.entries()) {
      expect(note.trim(), `slide ${i + 1}`).not.toBe('')
      expect(note, `slide ${i + 1} is in Chinese`).toMatch(/[\u4e00-\u9fff]/)
    }
    // The title slide's notes carry the findings behind the status line.
    expect(en[0]).toContain('Team verdict: At risk')
    expect(en[0]).toContain('Dr. Priya Raman')
  })

  it('puts the deal facts, the map status and the team verdict on the title slide, one line each', async () => {
    const { deal, roster } = sampleWorkspace(TODAY)
    const [title] = await slideXmls(await deckOf(deal, roster))
    const texts = shapesOf(title).map((s) => s.text)
    for (const label of ['Amount', 'Stage', 'Close date', 'Competitors', 'Verdict', 'Map status']) expect(texts).toContain(label)
    expect(texts).toContain('$18,500,000')
    expect(texts).toContain(deal.competitors.join(', '))
    expect(texts.some((t) => /^Green · \d+ warnings?$|^Amber|^Red/.test(t))).toBe(true)
  })

  it('shows risks and next actions on one slide, with owners and due dates', async () => {
    const { deal, roster } = sampleWorkspace(TODAY)
    const slides = await slideXmls(await deckOf(deal, roster))
    const actions = slides.filter((xml) => titleOf(xml) === 'Risks and next actions')
    expect(actions).toHaveLength(1)
    const text = shapesOf(actions[0]).map((s) => s.text).join('\n') + actions[0]
    expect(actions[0]).toContain('name="Risks"')
    expect(actions[0]).toContain('name="Next actions"')
    const open = deal.stakeholders.flatMap((s) => (s.actions ?? []).filter((a) => !a.done))
    for (const a of open.slice(0, 3)) {
      expect(text).toContain(a.due!)
      expect(text).toContain(roster.find((r) => r.id === a.ownerId)!.name)
    }
  })

  it('names the owner on the heatmap even for a relationship not scored yet', async () => {
    const { deal, roster } = sampleWorkspace(TODAY)
    const slides = await slideXmls(await deckOf(deal, roster, { slides: ['relationships'] }))
    const unscored = deal.stakeholders.find((s) => s.relationships.length === 0 && s.ownerIds.length > 0)!
    const owner = roster.find((r) => r.id === unscored.ownerIds[0])!.name
    const row = new RegExp(`<a:tr[^>]*>(?:(?!</a:tr>)[\\s\\S])*${unscored.name}(?:(?!</a:tr>)[\\s\\S])*</a:tr>`).exec(slides.join(''))![0]
    expect(row).toContain(owner)
  })

  it('declares the CJK face as the East Asian font of the Chinese deck, with the Mac\'s face for Simplified Chinese in the theme', async () => {
    const { deal, roster } = hospitalErpFile()
    const zip = await JSZip.loadAsync(await deckOf(deal, roster, { language: 'zh-CN' }))
    const theme = await zip.file('ppt/theme/theme1.xml')!.async('string')
    expect(theme).toContain('<a:ea typeface="Microsoft YaHei"/>')
    expect(theme).toContain('<a:font script="Hans" typeface="PingFang SC"/>')
    const slide = await zip.file('ppt/slides/slide1.xml')!.async('string')
    expect(slide).toMatch(/<a:ea typeface="Microsoft YaHei"/)
  })

  it('every XML part of the hospital and the 150-person decks parses', async () => {
    const hospital = hospitalErpFile()
    expect(await brokenXmlParts(await deckOf(hospital.deal, hospital.roster, { language: 'zh-CN' }))).toEqual([])
    const large = generateDeal({ stakeholders: 150, seed: 7, today: TODAY })
    expect(await brokenXmlParts(await deckOf(large.deal, large.roster))).toEqual([])
  })
})
