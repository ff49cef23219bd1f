import { describe, expect, it } from 'vitest'
import { describeChange, diffDeals } from '@shared/changes'
import { aDeal, aSeller } from '../../fixtures/builders'
import { deckOf } from '../deck/deck-helpers'
import { brokenXmlParts, textOfTag, xmlPartsOf } from '../deck/xml-parts'

/**
 * Placeholder seats have no name by design. Everywhere a person is named outside the map
 * (the deck, the change sentences), a seat must read as a seat, never as a blank, and two
 * of them must not read as the same nobody.
 */
function dealWithSeats() {
  const alice = aSeller('alice', { name: 'Alice Wong' })
  const deal = aDeal('hosp')
    .seat(alice, 'account', { lead: true })
    .withStakeholder('ceo', { name: 'Helen Marsh', buyingRole: 'decision-maker', stance: 'supporter', ownerIds: ['alice'] })
    .withStakeholder('coo', { buyingRole: 'approver' })
    .withStakeholder('cfo', { buyingRole: 'approver' })
    .withLink('coo', 'ceo')
    .withLink('cfo', 'ceo')
    .build()
  for (const [id, title] of [['coo', 'COO'], ['cfo', 'CFO']] as const) {
    const seat = deal.stakeholders.find((s) => s.id === id)!
    seat.name = ''
    seat.placeholder = true
    seat.title = title
  }
  deal.links = deal.links.map((l, i) => ({ ...l, label: i === 0 ? 'ex-colleague <&> ]]>' : '\u202Egolf\u202C 🏌️ partner' }))
  return { deal, roster: [alice] }
}

async function slideText(language: 'en' | 'zh-CN') {
  const { deal, roster } = dealWithSeats()
  const parts = await xmlPartsOf(await deckOf(deal, roster, { language }))
  return parts.filter((p) => /^ppt\/slides\/slide\d+\.xml$/.test(p.path)).map((p) => textOfTag(p.xml, p.path, 'p:spTree') ?? '').join('\n')
}

describe('placeholder seats outside the map', () => {
  it('a deck of a map with two unnamed seats and labels holding <, & and ]]> parses in every part', async () => {
    const { deal, roster } = dealWithSeats()
    expect(await brokenXmlParts(await deckOf(deal, roster))).toEqual([])
    expect(await brokenXmlParts(await deckOf(deal, roster, { language: 'zh-CN' }))).toEqual([])
  })

  it('the deck names each unnamed seat by its title as not yet identified, in English and Chinese', async () => {
    const en = await slideText('en')
    expect(en).toContain('COO')
    expect(en).toMatch(/Not yet identified/)
    const zh = await slideText('zh-CN')
    expect(zh).toContain('CFO')
    expect(zh).toMatch(/尚未|未确定|待确认|未识别|待定/)
  })

  it('the change list says a seat was added and then filled by its title, never with an empty name', () => {
    const { deal, roster } = dealWithSeats()
    const empty = { ...deal, stakeholders: deal.stakeholders.filter((s) => !s.placeholder), links: [] }
    const added = diffDeals(empty, deal, roster, { today: '2026-03-12' } as never).map((c) => describeChange(c, 'en'))
    const seatSentences = added.filter((s) => /COO|CFO/.test(s))
    expect(seatSentences.length).toBeGreaterThanOrEqual(2)
    for (const s of added) expect(s).not.toMatch(/""|“”|\s{2}|^ | $/)
    const named = { ...deal, stakeholders: deal.stakeholders.map((s) => (s.id === 'coo' ? { ...s, name: 'Omar Reyes', placeholder: undefined } : s)) }
    const renamed = diffDeals(deal, named, roster, { today: '2026-03-12' } as never).map((c) => describeChange(c, 'en'))
    expect(renamed.join('\n')).toContain('Omar Reyes')
    for (const s of renamed) expect(s).not.toMatch(/""|“”|\s{2}/)
  })
})
