import { describe, expect, it } from 'vitest'
import { makeTranslator } from '@shared/i18n'
import { sampleWorkspace } from '@shared/sample-deal'
import { aDeal, aSeller } from '../../fixtures/builders'
import { generateDeal } from '../../fixtures/generate-large-deal'
import { chineseDeal } from './chinese-deal'
import { allIds, connectorsOf, deckOf, shapesOf, slideXmls, TODAY } from './deck-helpers'

const titleOf = (xml: string) => shapesOf(xml).find((s) => s.name === 'Title')?.text ?? ''
const cardsOf = (xml: string, deal: { stakeholders: Array<{ name: string }> }) => {
  const names = new Set(deal.stakeholders.map((s) => s.name))
  // Two namesakes on one slide are told apart as "Name (2)".
  return shapesOf(xml).filter((s) => names.has(s.name.replace(/ \(\d+\)$/, ''))).map((s) => ({ ...s, name: s.name.replace(/ \(\d+\)$/, '') }))
}

describe('the deck', () => {
  it('holds the chosen slides in order, each shape id unique on its slide', async () => {
    const { deal, roster } = sampleWorkspace(TODAY)
    const slides = await slideXmls(await deckOf(deal, roster, { changes: ['Stage moved from Qualify to Propose'] }))
    expect(slides.map(titleOf)).toEqual([
      '', 'Changes since last review', 'Stakeholder map', 'Team coverage', 'Relationship strength (seven elements)', 'Risks and next actions',
    ])
    for (const xml of slides) {
      const ids = allIds(xml)
      expect(new Set(ids).size).toBe(ids.length)
    }
    expect(slides[0]).toContain(deal.name)
    expect(slides[0]).toContain('$18,500,000')
  })

  it('leaves out slides that were not asked for', async () => {
    const { deal, roster } = sampleWorkspace(TODAY)
    const slides = await slideXmls(await deckOf(deal, roster, { slides: ['title', 'team'] }))
    expect(slides.map(titleOf)).toEqual(['', 'Team coverage'])
  })

  it('marks overdue next actions', async () => {
    const alice = aSeller('alice', { name: 'Alice Wong' })
    const deal = aDeal()
      .seat(alice, 'account')
      .withStakeholder('li', { name: 'Li Na' })
      .withAction('li', { id: 'a1', what: 'Send the reference list', ownerId: 'alice', due: '2026-03-01', done: false })
      .withAction('li', { id: 'a2', what: 'Book the site visit', due: '2026-04-01', done: false })
      .withAction('li', { id: 'a3', what: 'Already done', due: '2026-02-01', done: true })
      .build()
    const [xml] = await slideXmls(await deckOf(deal, [alice], { slides: ['actions'] }).then((d) => d))
      .then((slides) => slides.filter((s) => titleOf(s) === 'Risks and next actions'))
    expect(xml).toContain('⚠ 2026-03-01 · overdue')
    expect(xml).toContain('Alice Wong')
    expect(xml).toContain('unassigned')
    expect(xml).not.toContain('Already done')
  })

  it('gives a sensible deck for a deal with no stakeholders: slides with nothing to say are left out, with why', async () => {
    const deal = aDeal().named('Fresh pursuit', 'New Co').build()
    const slides = await slideXmls(await deckOf(deal, []))
    // The analysis still finds risks (no seats), so that slide stays.
    expect(slides.map(titleOf)).toEqual(['', 'Team coverage', 'Risks and next actions'])
    expect(slides[1]).toContain('Nobody sits this seat')
    expect(slides[1]).toContain('Verdict: Gaps') // the Team tab's own word for the verdict
    const { buildDeckWithReport } = await import('@shared/deck')
    const { analyzeDeal } = await import('@shared/analysis')
    const report = await buildDeckWithReport({ deal, roster: [], analysis: analyzeDeal({ deal, roster: [], openDeals: [], settings: {}, today: TODAY }), language: 'zh-CN', today: TODAY, slides: ['title', 'changes', 'map', 'relationships'] })
    // "Changes" was asked for with no earlier snapshot to compare with.
    expect(report.skipped.map((s) => s.slide)).toEqual(['changes', 'map', 'relationships'])
    expect(report.skipped[1].reason).toContain('关系图上还没有客户人员')
    expect(report.skipped[1].reasonKey).toBe('deck:skipped.mapEmpty')
  })

  it('exports 1,000 stakeholders as an overview plus branch slides at a readable size', async () => {
    const file = generateDeal({ stakeholders: 1000, seed: 3, today: TODAY })
    const slides = await slideXmls(await deckOf(file.deal, file.roster, { slides: ['map'] }))
    const cards = slides.flatMap((xml) => cardsOf(xml, file.deal))
    // Branch heads are repeated on their branch's slide; everyone is on at least one.
    expect(new Set(cards.map((c) => c.name)).size).toBe(new Set(file.deal.stakeholders.map((s) => s.name)).size)
    for (const s of file.deal.stakeholders) expect(cards.some((c) => c.text.includes(s.name))).toBe(true)
    for (const xml of slides) {
      const ids = new Set(allIds(xml))
      expect(ids.size).toBe(allIds(xml).length)
      const cardIds = new Set(cardsOf(xml, file.deal).map((c) => c.id))
      for (const c of connectorsOf(xml)) expect(cardIds.has(c.start) && cardIds.has(c.end)).toBe(true)
      // No text on a map slide below 10 pt (sz is in hundredths of a point).
      const sizes = [...xml.matchAll(/ sz="(\d+)"/g)].map((m) => Number(m[1]))
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1000)
    }
    expect(slides.reduce((n, xml) => n + connectorsOf(xml).length, 0)).toBeGreaterThan(0)
  })

  it('writes a Chinese deck in Chinese with a CJK-capable font face', async () => {
    const { deal, roster } = chineseDeal()
    const slides = await slideXmls(await deckOf(deal, roster, { language: 'zh-CN' }))
    expect(slides.map(titleOf).slice(1, 4)).toEqual(['客户关系图', '团队武魂覆盖', '关系强度（关系经营七要素）'])
    for (const xml of slides) {
      expect(xml).toContain('typeface="Microsoft YaHei"')
      // The East Asian font slot names the CJK face, so PowerPoint uses it for Chinese text.
      expect(xml).toMatch(/<a:ea typeface="Microsoft YaHei"/)
      expect(xml).not.toContain('typeface="Arial"')
      expect(xml).not.toContain('lang="en-US"')
    }
    const cards = cardsOf(slides[1], deal)
    expect(cards.find((c) => c.text.includes('张伟'))!.text).toContain('决策者')
  })

  it('reads the same Chinese words as the app: stage, stance, role, seat, element, verdict', async () => {
    const { deal, roster } = chineseDeal()
    const t = makeTranslator('zh-CN')
    const slides = await slideXmls(await deckOf(deal, roster, { language: 'zh-CN' }))
    const text = slides.join('\n')
    expect(slides[0]).toContain(t(`common:stage.${deal.stage}`))
    for (const stance of ['champion', 'supporter', 'neutral', 'skeptic', 'opponent']) expect(slides[1]).toContain(t(`map:stance.${stance}`))
    for (const role of ['control', 'support', 'attack']) {
      expect(slides[2]).toContain(t(`team:role.${role}`))
      expect(slides[2]).toContain(t(`team:winsWith.${role}`)) // 以「信」取胜, as on the lane
    }
    expect(slides[2]).toContain(t('team:seatTitle.account'))
    for (const element of ['value', 'goodwill', 'dignity', 'presence', 'frequency', 'length', 'depth']) {
      expect(slides[3]).toContain(t(`relationships:element.${element}`))
    }
    // No word of an old deck-only table (倡导者 for champion, 客户型销售 for the account seat) is left.
    expect(text).not.toContain('倡导者')
    expect(text).not.toContain('客户型销售')
  })
})
