import { label as labelOf } from '../../i18n'
import { clip } from '../text-fit'
import { INK, MARGIN, MUTED, SEVERITY_FILL, SLIDE } from '../theme'
import type { DeckContext, Slide } from './context'
import { bySeverity, findingText, nextStepText, stakeholderIndex } from './findings'

const RISKS_PER_SLIDE = 10
const ACTIONS_PER_SLIDE = 12
/** A meeting deck, not a dump: the app holds the full list. */
const MAX_PAGES = 5
const TABLE_W = SLIDE.w - 2 * MARGIN
const TABLE_STYLE = { fontSize: 11, color: INK, valign: 'middle' as const, margin: 3, border: { type: 'solid' as const, color: 'DDDDDD', pt: 0.75 } }

/** Risks (the analysis's findings, most severe first, with next steps) and open next actions. */
export function addActionSlides(ctx: DeckContext): void {
  addRiskSlides(ctx)
  addNextActionSlides(ctx)
}

function headerRow(labels: string[]) {
  return labels.map((text) => ({ text, options: { bold: true, fill: { color: 'E8E8E8' } } }))
}

function emptyNote(ctx: DeckContext, slide: Slide, text: string): void {
  slide.addText(text, { x: MARGIN, y: 1.1, w: TABLE_W, h: 0.5, fontFace: ctx.font, fontSize: 16, color: MUTED, margin: 0 })
}

/** "… and 12 more" under the last page of a capped list. */
export function omittedNote(ctx: DeckContext, slide: Slide, omitted: number): void {
  if (omitted <= 0) return
  slide.addText(ctx.t('deck:text.more', { count: omitted }), {
    x: MARGIN, y: SLIDE.h - 0.75, w: TABLE_W, h: 0.3, fontFace: ctx.font, fontSize: 10, italic: true, color: MUTED, margin: 0,
  })
}

function addRiskSlides(ctx: DeckContext): void {
  const { t, font } = ctx
  const people = stakeholderIndex(ctx)
  const findings = bySeverity(ctx.input.analysis.findings)
  const { pages, omitted } = ctx.pagesOf(findings, RISKS_PER_SLIDE, MAX_PAGES)
  const withSteps = ctx.input.language === 'en'
  const colW = withSteps ? [1.1, 6.6, TABLE_W - 7.7] : [1.1, TABLE_W - 1.1]
  pages.forEach((group, i) => {
    const { slide, number } = ctx.addSlide(ctx.paged(t('deck:slide.risks'), i + 1, pages.length))
    if (!group.length) return emptyNote(ctx, slide, t('deck:text.noRisks'))
    ctx.tableSlides.add(number)
    if (i === pages.length - 1) omittedNote(ctx, slide, omitted)
    const rows = group.map((f) => {
      const severity = { text: labelOf(t, 'severity', f.severity), options: { fill: { color: SEVERITY_FILL[f.severity] ?? 'DDDDDD' }, bold: true, align: 'center' as const } }
      const risk = { text: findingText(ctx, f, people) }
      return withSteps ? [severity, risk, { text: nextStepText(ctx, f) }] : [severity, risk]
    })
    const header = headerRow(withSteps ? [t('deck:field.severity'), t('deck:field.risk'), t('deck:field.nextStep')] : [t('deck:field.severity'), t('deck:field.risk')])
    slide.addTable([header, ...rows], { x: MARGIN, y: 1.05, colW, fontFace: font, ...TABLE_STYLE, objectName: 'Risks' })
  })
}

interface OpenAction {
  what: string
  person: string
  owner: string
  due?: string
}

function addNextActionSlides(ctx: DeckContext): void {
  const { t, font } = ctx
  const { today } = ctx.input
  const open: OpenAction[] = []
  for (const s of ctx.input.deal.stakeholders) {
    for (const a of s.actions ?? []) {
      if (!a.done) open.push({ what: a.what, person: s.name, owner: a.ownerId ? ctx.sellerName(a.ownerId) : t('deck:text.unassigned'), due: a.due })
    }
  }
  // Soonest first; undated last.
  open.sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'))
  const { pages, omitted } = ctx.pagesOf(open, ACTIONS_PER_SLIDE, MAX_PAGES)
  const colW = [5.6, 2.6, 2.1, TABLE_W - 10.3]
  pages.forEach((group, i) => {
    const { slide, number } = ctx.addSlide(ctx.paged(t('deck:slide.nextActions'), i + 1, pages.length))
    if (!group.length) return emptyNote(ctx, slide, t('deck:text.noActions'))
    ctx.tableSlides.add(number)
    if (i === pages.length - 1) omittedNote(ctx, slide, omitted)
    const rows = group.map((a) => {
      const overdue = a.due !== undefined && a.due < today
      return [
        { text: clip(a.what, 120) },
        { text: ctx.fit(a.person, colW[1] - 0.1, 11) },
        { text: ctx.fit(a.owner, colW[2] - 0.1, 11) },
        overdue
          ? { text: `⚠ ${a.due} · ${t('deck:text.overdue')}`, options: { bold: true, color: 'B00020', fill: { color: 'FDE0D6' } } }
          : { text: a.due ?? '—' },
      ]
    })
    slide.addTable([headerRow([t('deck:field.action'), t('deck:field.stakeholder'), t('deck:field.owner'), t('deck:field.due')]), ...rows], {
      x: MARGIN, y: 1.05, colW, fontFace: font, ...TABLE_STYLE, objectName: 'Next actions',
    })
  })
}
