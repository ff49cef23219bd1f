import { scoreRelationship } from '../../analysis'
import { ELEMENTS, INFLUENCES, type Element, type Stakeholder } from '../../model'
import { label as labelOf, personName } from '../../i18n'
import { INK, MARGIN, MIN_FONT_PT, MUTED, SLIDE } from '../theme'
import type { DeckContext } from './context'

const ROWS_PER_SLIDE = 13
/** Ten slides of the most important people; a bigger map's full heatmap lives in the app. */
const MAX_PAGES = 10
/** A sequential blue scale for scores 0–5: darker is stronger, readable in greyscale. */
const SCORE_FILL = ['F2F2F2', 'DEEBF7', 'C6DBEF', '9ECAE1', '6BAED6', '3182BD']
const BAND_FILL: Record<string, string> = { strong: '009E73', workable: '56B4E9', weak: 'E69F00', none: 'DDDDDD' }
const COL_W = { person: 2.5, seller: 1.8, element: 0.86, total: 0.75, band: 1.36 }

type Cell = { text: string; options?: Record<string, unknown> }

/** The seven-element heatmap: one row per stakeholder, their strongest relationship's scores. */
export function addRelationshipSlides(ctx: DeckContext): void {
  const { t, font } = ctx
  const influenceRank = (s: Stakeholder) => INFLUENCES.indexOf(s.influence)
  const people = [...ctx.input.deal.stakeholders].sort(
    (a, b) => Number(b.innerCircle) - Number(a.innerCircle) || influenceRank(a) - influenceRank(b) || a.name.localeCompare(b.name),
  )
  const header: Cell[] = [t('deck:field.stakeholder'), t('deck:field.owner'), ...ELEMENTS.map((e) => labelOf(t, 'element', e)), t('deck:field.total'), t('deck:field.band')].map((text) => ({
    text, options: { bold: true, fill: { color: 'E8E8E8' }, align: 'center' },
  }))
  if (!people.length) {
    ctx.skip('relationships', 'deck:skipped.relationships')
    return
  }
  const { pages, omitted } = ctx.pagesOf(people, ROWS_PER_SLIDE, MAX_PAGES)
  pages.forEach((group, i) => {
    const { slide, number } = ctx.addSlide(ctx.paged(t('deck:slide.relationships'), i + 1, pages.length))
    ctx.tableSlides.add(number)
    const unscored = group.filter((p) => p.relationships.length === 0).length
    ctx.notes(slide, [t('deck:notes.relationships'), unscored ? t('deck:notes.unscored', { count: unscored }) : ''])
    slide.addTable([header, ...group.map((s) => rowFor(ctx, s))], {
      x: MARGIN, y: 1.0, colW: [COL_W.person, COL_W.seller, ...ELEMENTS.map(() => COL_W.element), COL_W.total, COL_W.band],
      rowH: 0.36, fontFace: font, fontSize: 12, color: INK, valign: 'middle', margin: 2,
      border: { type: 'solid', color: 'FFFFFF', pt: 1 }, objectName: 'Relationship heatmap',
    })
    slide.addText(ctx.input.language === 'en'
      ? 'Each element is scored 0–5 for the strongest relationship; the total is 0–100. Frequency and length come from the contact log and "known since" unless overridden.'
      : '每个要素按最强的一段关系评分（0–5），总分 0–100。频度和长度由联系记录和“相识时间”推算（可手动覆盖）。', {
      x: MARGIN, y: SLIDE.h - 0.75, w: SLIDE.w - 2 * MARGIN, h: 0.3, fontFace: font, fontSize: MIN_FONT_PT, color: MUTED, margin: 0,
    })
    if (i === pages.length - 1 && omitted > 0) {
      slide.addText(t('deck:text.more', { count: omitted }), { x: MARGIN, y: SLIDE.h - 1.05, w: SLIDE.w - 2 * MARGIN, h: 0.3, fontFace: font, fontSize: 10, italic: true, color: MUTED, margin: 0 })
    }
  })
}

function rowFor(ctx: DeckContext, person: Stakeholder): Cell[] {
  const { t } = ctx
  const summary = ctx.input.analysis.relationships[person.id]
  const relationship = person.relationships.find((r) => r.sellerId === summary?.bestSellerId) ?? person.relationships[0]
  const scored = relationship ? scoreRelationship(relationship, person, { today: ctx.input.today }) : null
  const name: Cell = { text: personName(person, t), options: { bold: person.innerCircle } }
  // Unscored, the row still says who owns the person: that is who should go and score it.
  const sellerId = relationship?.sellerId ?? person.ownerIds[0]
  const seller: Cell = { text: sellerId ? ctx.sellerName(sellerId) : t('deck:text.unassigned'), options: { color: sellerId ? INK : MUTED, italic: !relationship } }
  const elements: Cell[] = ELEMENTS.map((e: Element) => {
    if (!scored) return { text: '', options: { fill: { color: SCORE_FILL[0] } } }
    const score = scored.elements[e].score
    return { text: String(score), options: { fill: { color: SCORE_FILL[score] }, color: score >= 5 ? 'FFFFFF' : INK, align: 'center', italic: scored.elements[e].derived } }
  })
  const strength = summary?.strength ?? scored?.total ?? 0
  const band = summary?.band ?? scored?.band ?? 'none'
  const bandText = labelOf(t, 'band', band) + (summary?.stale ? ` · ${t('deck:text.stale')}` : '')
  return [
    name,
    seller,
    ...elements,
    { text: String(strength), options: { bold: true, align: 'center' } },
    { text: bandText, options: { fill: { color: BAND_FILL[band] ?? 'DDDDDD' }, align: 'center' } },
  ]
}
