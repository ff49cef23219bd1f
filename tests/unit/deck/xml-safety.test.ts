import { describe, expect, it } from 'vitest'
import { deckOf } from './deck-helpers'
import { hostileDeal } from './hostile-deal'
import { brokenXmlParts, textOfTag, xmlPartsOf } from './xml-parts'

describe('text in the deck XML', () => {
  it('every XML part of a deck for "AT&T" with control characters in its names parses', async () => {
    const { deal, roster } = hostileDeal()
    const pptx = await deckOf(deal, roster)
    expect(await brokenXmlParts(pptx)).toEqual([])
  })

  it('every XML part parses in the Chinese deck too', async () => {
    const { deal, roster } = hostileDeal()
    expect(await brokenXmlParts(await deckOf(deal, roster, { language: 'zh-CN' }))).toEqual([])
  })

  it('keeps the customer "AT&T" and the deal name in the document properties', async () => {
    const { deal, roster } = hostileDeal()
    const parts = new Map((await xmlPartsOf(await deckOf(deal, roster))).map((p) => [p.path, p.xml]))
    expect(textOfTag(parts.get('docProps/app.xml')!, 'docProps/app.xml', 'Company')).toBe('AT&T')
    expect(textOfTag(parts.get('docProps/core.xml')!, 'docProps/core.xml', 'dc:title')).toBe('AT&T <renewal> bell')
  })

  it('shows the names as typed, less the characters XML cannot hold', async () => {
    const { deal, roster } = hostileDeal()
    const parts = await xmlPartsOf(await deckOf(deal, roster))
    const slides = parts.filter((p) => /^ppt\/slides\/slide\d+\.xml$/.test(p.path))
    const text = slides.map((p) => [...(textOfTag(p.xml, p.path, 'p:spTree') ?? '')].join('')).join('\n')
    expect(text).toContain('AT&T <renewal> bell')
    expect(text).toContain('Li "Na" & <co>')
    expect(text).toContain("Bo O'Brien")
    expect(text).toContain('Send <the> "deck" & notes')
    // Initials skip the quote and "&": Alice "A&B" O'Neil owns Li.
    expect(text).toContain('AAO')
  })
})
