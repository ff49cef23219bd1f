import { describe, expect, it } from 'vitest'
import type { Deal, Seller } from '@shared/model'
import { layoutOrgChart } from '@shared/org-chart'
import { aDeal, aSeller } from '../../fixtures/builders'
import { generateDeal } from '../../fixtures/generate-large-deal'
import { hospitalErpFile } from '../../fixtures/scenarios/hospital-erp'
import { cardShapes, connectorCorners, connectorsOf, deckOf, geometryOf, inside, overlaps, pathCrosses, slideXmls, type ShapeGeometry } from './deck-helpers'

const anna = aSeller('anna', { name: 'Anna Kowalski' })
const ben = aSeller('ben', { name: 'Ben Carter', kinds: ['solution'] })

/** A small org chart: a CEO, two reports, one of them with a report of her own. */
function smallDeal() {
  return aDeal()
    .named('Core banking', 'Harbor City Bank')
    .seat(anna, 'account', { lead: true })
    .withStakeholder('ceo', { name: 'Margaret Lin', title: 'Chair, Board Finance Committee and Group Chief Executive', stance: 'neutral', influence: 'high', innerCircle: true, position: { x: 260, y: 0 } })
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

async function mapSlidesOf(deal: Deal, roster: readonly Seller[] = [anna, ben]): Promise<string[]> {
  return slideXmls(await deckOf(deal, roster, { slides: ['map'] }))
}

const namesOf = (deal: Deal) => new Set(deal.stakeholders.map((s) => s.name))

/** What a user would check on every map slide: nothing overlaps, no line runs behind a card, every line is glued. */
function expectCleanMapSlide(xml: string, deal: Deal): void {
  const shapes = geometryOf(xml)
  const names = namesOf(deal)
  const cards = shapes.filter((s) => names.has(s.name.replace(/ \(\d+\)$/, '')))
  expect(cards.length).toBeGreaterThan(1) // never a lone card
  const byId = new Map(shapes.map((s) => [s.id, s]))
  // Cards never overlap one another; every other shape is either a card's own chip or clear of all cards.
  for (let i = 0; i < cards.length; i++) for (let j = i + 1; j < cards.length; j++) {
    expect(overlaps(cards[i].box, cards[j].box), `${cards[i].name} overlaps ${cards[j].name}`).toBe(false)
  }
  for (const s of shapes) {
    if (cards.includes(s)) continue
    const owner = cards.find((c) => s.name.startsWith(`${c.name}: `))
    if (owner) expect(inside(s.box, owner.box), `${s.name} sits on its card`).toBe(true)
    else for (const c of cards) expect(overlaps(s.box, c.box), `${s.name} covers ${c.name}`).toBe(false)
  }
  for (const line of connectorsOf(xml)) {
    expect(line.xml).toContain('prst="bentConnector3"')
    const from = byId.get(line.start)!
    const to = byId.get(line.end)!
    expect(cards).toContain(from)
    expect(cards).toContain(to)
    // Sites 0–3 exist on a rect or roundRect.
    expect(['rect', 'roundRect']).toContain(from.preset)
    expect([0, 1, 2, 3]).toContain(line.startIdx)
    expect([0, 1, 2, 3]).toContain(line.endIdx)
    const corners = connectorCorners(line.xml)
    for (const c of cards) {
      if (c === from || c === to) continue
      expect(pathCrosses(corners, c.box), `the line ${from.name} → ${to.name} runs behind ${c.name}`).toBe(false)
    }
  }
}

describe('the map slide', () => {
  it('draws each person as one card named after them, with the stance as a coloured shape, owners as chips and the inner circle as a ring', async () => {
    const deal = smallDeal()
    const [xml] = await mapSlidesOf(deal)
    const shapes = geometryOf(xml)
    const cards = cardShapes(xml, namesOf(deal))
    expect(cards.map((c) => c.name).sort()).toEqual(deal.stakeholders.map((s) => s.name).sort())
    const cio = cards.find((c) => c.name === 'Daniel Okafor')!
    expect(cio.text.split('\n')[0]).toBe('Daniel Okafor') // no glyph typed before the name
    expect(cio.text).toContain('Decision maker')
    const chip = (name: string, suffix: string) => shapes.find((s) => s.name === `${name}: ${suffix}`)
    expect(chip('Daniel Okafor', 'Supporter')!.preset).toBe('triangle')
    expect(chip('Thomas Becker', 'Opponent')!.preset).toBe('mathMultiply')
    expect(chip('Sophie Tremblay', 'Champion')!.preset).toBe('star5')
    expect(chip('Margaret Lin', 'Neutral')!.preset).toBe('ellipse')
    expect(chip('Daniel Okafor', 'Seller AK')!.text).toBe('AK')
    expect(chip('Daniel Okafor', 'Seller BC')!.text).toBe('BC')
    expect(chip('Margaret Lin', 'Inner circle')!.preset).toBe('donut')
  })

  it('groups each card with its chips, named after the person, so dragging the card takes them along', async () => {
    const deal = smallDeal()
    const [xml] = await mapSlidesOf(deal)
    const groups = [...xml.matchAll(/<p:grpSp><p:nvGrpSpPr><p:cNvPr id="\d+" name="([^"]*)"\/>[\s\S]*?<\/p:grpSp>/g)]
    expect(groups.map((g) => g[1]).sort()).toEqual(deal.stakeholders.map((s) => s.name).sort())
    const cio = groups.find((g) => g[1] === 'Daniel Okafor')![0]
    expect(cio).toContain('name="Daniel Okafor: Supporter"')
    expect(cio).toContain('name="Daniel Okafor: Seller AK"')
  })

  it('keeps full titles in the card, shrinking on overflow rather than cutting with "…"', async () => {
    const deal = smallDeal()
    const [xml] = await mapSlidesOf(deal)
    const ceo = cardShapes(xml, namesOf(deal)).find((c) => c.name === 'Margaret Lin')!
    expect(ceo.text).toContain('Chair, Board Finance Committee and Group Chief Executive')
    expect(ceo.text).not.toContain('…')
    const sp = [...xml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)].find((m) => m[1].includes('name="Margaret Lin"'))![1]
    expect(sp).toContain('<a:normAutofit/>')
  })

  it('sets names at 12 pt or more and every other text at 10 pt or more', async () => {
    const { deal, roster } = hospitalErpFile()
    for (const xml of await mapSlidesOf(deal, roster)) {
      for (const card of cardShapes(xml, namesOf(deal))) expect(card.sizes[0], card.name).toBeGreaterThanOrEqual(12)
      for (const s of geometryOf(xml)) for (const size of s.sizes) expect(size, s.name).toBeGreaterThanOrEqual(10)
    }
  })

  it('glues reports-to elbows from the manager\'s bottom site to the report\'s top site', async () => {
    const deal = smallDeal()
    const [xml] = await mapSlidesOf(deal)
    const cards = cardShapes(xml, namesOf(deal))
    const idOf = (name: string) => cards.find((c) => c.name === name)!.id
    const lines = connectorsOf(xml)
    expect(lines).toHaveLength(deal.links.length)
    const reportsTo = lines.filter((l) => l.xml.includes('name="reports-to:'))
    expect(reportsTo.map((l) => `${l.start}.${l.startIdx}>${l.end}.${l.endIdx}`).sort()).toEqual(
      [['Margaret Lin', 'Daniel Okafor'], ['Margaret Lin', 'Thomas Becker'], ['Daniel Okafor', 'Sophie Tremblay']].map(([m, r]) => `${idOf(m)}.2>${idOf(r)}.0`).sort(),
    )
    for (const l of reportsTo) expect(l.xml).toContain('prst="bentConnector3"')
  })

  it('draws lateral lines between side sites: influences dashed with an arrowhead, ally green, conflict red and dotted', async () => {
    const xml = (await mapSlidesOf(smallDeal()))[0]
    const byKind = (kind: string) => connectorsOf(xml).find((c) => c.xml.includes(`name="${kind}:`))!.xml
    expect(byKind('influences')).toContain('<a:prstDash val="dash"/>')
    expect(byKind('influences')).toContain('<a:tailEnd type="triangle"')
    expect(byKind('reports-to')).not.toContain('prstDash')
    expect(byKind('ally')).toContain('1B8A3A')
    expect(byKind('ally')).not.toContain('tailEnd')
    expect(byKind('conflict')).toContain('C62828')
    expect(byKind('conflict')).toContain('<a:prstDash val="sysDot"/>')
  })

  it('writes a line\'s own label beside it', async () => {
    const deal = smallDeal()
    const link = deal.links.find((l) => l.kind === 'influences')! as { label?: string }
    link.label = 'budget owner'
    const [xml] = await mapSlidesOf(deal)
    expect(geometryOf(xml).some((s) => s.name === 'Label: budget owner' && s.text === 'budget owner')).toBe(true)
  })

  it('shows influence as border weight', async () => {
    const deal = smallDeal()
    const [xml] = await mapSlidesOf(deal)
    const widthOf = (name: string) => {
      const sp = [...xml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)].find((m) => m[1].includes(`name="${name}"`))![1]
      return Number(/<a:ln w="(\d+)"/.exec(sp)![1])
    }
    expect(widthOf('Margaret Lin')).toBeGreaterThan(widthOf('Daniel Okafor'))
    expect(widthOf('Daniel Okafor')).toBeGreaterThan(widthOf('Sophie Tremblay'))
  })

  it('keeps the user\'s own arrangement when it is a clean chart', async () => {
    const deal = smallDeal()
    const [xml] = await mapSlidesOf(deal)
    const box = (name: string) => cardShapes(xml, namesOf(deal)).find((c) => c.name === name)!.box
    // As placed on the canvas: the CIO left of the CEO, the CFO right, the architect under the CIO.
    expect(box('Daniel Okafor').x).toBeLessThan(box('Margaret Lin').x)
    expect(box('Thomas Becker').x).toBeGreaterThan(box('Margaret Lin').x)
    expect(Math.abs(box('Sophie Tremblay').x - box('Daniel Okafor').x)).toBeLessThan(0.3)
  })

  it('lays out cards dropped anywhere as the org chart, as Tidy would', async () => {
    const { deal, roster } = hospitalErpFile()
    const slides = await mapSlidesOf(deal, roster)
    for (const xml of slides) expectCleanMapSlide(xml, deal)
    // Every manager sits above each report drawn with them.
    const { managerOf } = layoutOrgChart(deal)
    const byName = new Map(deal.stakeholders.map((s) => [s.id, s.name]))
    for (const xml of slides) {
      const cards = new Map(cardShapes(xml, namesOf(deal)).map((c) => [c.name, c] as [string, ShapeGeometry]))
      for (const [report, manager] of managerOf) {
        const r = cards.get(byName.get(report)!)
        const m = cards.get(byName.get(manager)!)
        if (r && m) expect(m.box.y + m.box.h).toBeLessThan(r.box.y)
      }
    }
  })

  it('puts every one of the hospital\'s 20 people on the map slides, names and titles uncut', async () => {
    const { deal, roster } = hospitalErpFile()
    const cards = (await mapSlidesOf(deal, roster)).flatMap((xml) => cardShapes(xml, namesOf(deal)))
    for (const s of deal.stakeholders) {
      const card = cards.find((c) => c.name === s.name)
      expect(card, s.name).toBeDefined()
      expect(card!.text).toContain(s.title)
    }
  })

  it('splits a 150-person map by branch: an overview with "see slide n" markers, no lone card, nothing behind a card', async () => {
    const { deal, roster } = generateDeal({ stakeholders: 150, seed: 7, today: '2026-03-12' })
    const slides = await mapSlidesOf(deal, roster)
    expect(slides.length).toBeGreaterThan(1)
    expect(slides.length).toBeLessThanOrEqual(20)
    for (const xml of slides) expectCleanMapSlide(xml, deal)
    const seen = new Set(slides.flatMap((xml) => cardShapes(xml, namesOf(deal)).map((c) => c.name)))
    for (const s of deal.stakeholders) expect(seen.has(s.name), s.name).toBe(true)
    // The markers point at slides that hold that manager's team.
    const markers = slides.flatMap((xml) => geometryOf(xml).filter((s) => /: ↓ see slide \d+$/.test(s.name)))
    expect(markers.length).toBeGreaterThan(0)
    for (const m of markers) {
      const manager = m.name.slice(0, m.name.indexOf(': '))
      const target = Number(/(\d+)$/.exec(m.name)![1])
      expect(cardShapes(slides[target - 1], namesOf(deal)).some((c) => c.name === manager), `${manager} on slide ${target}`).toBe(true)
    }
  })

  it('leaves the map out, saying why, when there is one person or none', async () => {
    const { buildDeckWithReport } = await import('@shared/deck')
    const { analyzeDeal } = await import('@shared/analysis')
    const deal = aDeal().withStakeholder('x', { name: 'Solo Person' }).build()
    const report = await buildDeckWithReport({ deal, roster: [], analysis: analyzeDeal({ deal, roster: [], openDeals: [], settings: {}, today: '2026-03-12' }), language: 'en', today: '2026-03-12', slides: ['title', 'map'] })
    expect(report.skipped).toEqual([{ slide: 'map', reason: expect.stringContaining('Solo Person'), reasonKey: 'deck:skipped.mapOne', params: { name: 'Solo Person' } }])
  })
})
