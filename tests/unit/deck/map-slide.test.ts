import { describe, expect, it } from 'vitest'
import { aDeal, aSeller } from '../../fixtures/builders'
import { allIds, connectorsOf, deckOf, shapesOf, slideXmls } from './deck-helpers'

const anna = aSeller('anna', { name: 'Anna Kowalski' })
const ben = aSeller('ben', { name: 'Ben Carter', kinds: ['solution'] })

/** A small org chart: a CEO, two reports, one of them with a report of her own. */
function smallDeal() {
  return aDeal()
    .named('Core banking', 'Harbor City Bank')
    .seat(anna, 'account', { lead: true })
    .withStakeholder('ceo', { name: 'Margaret Lin', title: 'CEO', stance: 'neutral', influence: 'high', innerCircle: true, position: { x: 260, y: 0 } })
    .withStakeholder('cio', { name: 'Daniel Okafor', title: 'CIO', stance: 'supporter', buyingRole: 'decision-maker', position: { x: 0, y: 180 } })
    .withStakeholder('cfo', { name: 'Thomas Becker', title: 'CFO', stance: 'opponent', buyingRole: 'approver', position: { x: 520, y: 180 } })
    .withStakeholder('arch', { name: 'Sophie Tremblay', title: 'Architect', stance: 'champion', influence: 'low', position: { x: 0, y: 360 } })
    .ownedBy('cio', anna, ben)
    .withLink('cio', 'ceo', 'reports-to')
    .withLink('cfo', 'ceo', 'reports-to')
    .withLink('arch', 'cio', 'reports-to')
    .withLink('arch', 'cfo', 'influences')
    .withLink('cio', 'arch', 'ally')
    .withLink('cio', 'cfo', 'conflict')
    .build()
}

async function mapSlideOf(deal: ReturnType<typeof smallDeal>): Promise<string> {
  const [xml] = await slideXmls(await deckOf(deal, [anna, ben], { slides: ['map'] }))
  return xml
}

describe('the map slide', () => {
  it('draws every stakeholder as one native shape with its stance cue, role and owners', async () => {
    const deal = smallDeal()
    const cards = shapesOf(await mapSlideOf(deal)).filter((s) => s.name.startsWith('Stakeholder '))
    expect(cards).toHaveLength(deal.stakeholders.length)
    const cio = cards.find((c) => c.text.includes('Daniel Okafor'))!
    expect(cio.text).toContain('✓ Daniel Okafor')
    expect(cio.text).toContain('Decision maker · AK, BC')
    expect(cards.find((c) => c.text.includes('Margaret Lin'))!.text).toContain('★')
    expect(cards.find((c) => c.text.includes('Thomas Becker'))!.text).toContain('✗ Thomas Becker')
  })

  it('glues one connector per line to the shapes of the two people it joins', async () => {
    const deal = smallDeal()
    const xml = await mapSlideOf(deal)
    const shapes = shapesOf(xml)
    const idOf = (stakeholderId: string) => {
      const name = deal.stakeholders.find((s) => s.id === stakeholderId)!.name
      const matches = shapes.filter((s) => s.name.startsWith('Stakeholder ') && s.text.includes(name))
      expect(matches).toHaveLength(1)
      return matches[0].id
    }
    const connectors = connectorsOf(xml)
    expect(connectors).toHaveLength(deal.links.length)
    const joined = connectors.map((c) => `${c.start}>${c.end}`).sort()
    const expected = deal.links.map((l) => `${idOf(l.from)}>${idOf(l.to)}`).sort()
    expect(joined).toEqual(expected)
  })

  it('joins facing sides: a report\'s top to the manager\'s bottom, drawn upwards', async () => {
    const deal = smallDeal()
    const xml = await mapSlideOf(deal)
    const shapes = shapesOf(xml)
    const arch = shapes.find((s) => s.text.includes('Sophie Tremblay'))!.id
    const cio = shapes.find((s) => s.text.includes('Daniel Okafor'))!.id
    const line = connectorsOf(xml).find((c) => c.start === arch && c.end === cio)!
    expect([line.startIdx, line.endIdx]).toEqual([0, 2])
    expect(line.xml).toMatch(/<a:xfrm[^>]*flipV="1"/)
  })

  it('styles lines by kind: influences dashed with an arrow, ally green, conflict red and dotted', async () => {
    const xml = await mapSlideOf(smallDeal())
    const byKind = (kind: string) => connectorsOf(xml).find((c) => c.xml.includes(`name="Connector ${c.id} ${kind}"`))!.xml
    expect(byKind('influences')).toContain('<a:prstDash val="dash"/>')
    expect(byKind('influences')).toContain('<a:tailEnd type="triangle"')
    expect(byKind('reports-to')).not.toContain('prstDash')
    expect(byKind('ally')).toContain('1B8A3A')
    expect(byKind('conflict')).toContain('C62828')
    expect(byKind('conflict')).toContain('<a:prstDash val="sysDot"/>')
  })

  it('shows influence as border weight', async () => {
    const xml = await mapSlideOf(smallDeal())
    const widthOf = (name: string) => {
      const sp = [...xml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)].find((m) => m[1].includes(name))![1]
      return Number(/<a:ln w="(\d+)"/.exec(sp)![1])
    }
    expect(widthOf('Margaret Lin')).toBeGreaterThan(widthOf('Daniel Okafor'))
    expect(widthOf('Daniel Okafor')).toBeGreaterThan(widthOf('Sophie Tremblay'))
  })

  it('gives every shape on the slide its own id', async () => {
    const ids = allIds(await mapSlideOf(smallDeal()))
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('uses only valid preset shapes (ellipse, never oval)', async () => {
    const xml = await mapSlideOf(smallDeal())
    const presets = new Set([...xml.matchAll(/prst="([^"]+)"/g)].map((m) => m[1]))
    expect([...presets].filter((p) => !['roundRect', 'rect', 'line', 'straightConnector1', 'ellipse'].includes(p))).toEqual([])
  })
})
