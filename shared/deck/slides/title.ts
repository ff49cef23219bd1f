import { describeMapStatus, describeVerdict } from '../../analysis/describe-status'
import { formatMoney } from '../../i18n'
import { formatDate } from '../format'
import { label as labelOf } from '../../i18n'
import { clip } from '../text-fit'
import { ACCENT, INK, MAP_STATUS_FILL, MARGIN, MUTED, SLIDE } from '../theme'
import type { DeckContext } from './context'
import { findingText, stakeholderIndex } from './findings'

/** Deal, customer, amount, stage, close date, export date, team verdict, and the map status with the findings still open. */
export function addTitleSlide(ctx: DeckContext): void {
  const { deal, today, language, analysis } = ctx.input
  const { t, font } = ctx
  const { slide } = ctx.addBareSlide()
  slide.addShape('rect', { x: 0, y: 0, w: SLIDE.w, h: 0.35, fill: { color: ACCENT }, line: { color: ACCENT, width: 0 }, objectName: 'Band' })
  const nameWidth = SLIDE.w - 2 * MARGIN - 0.6
  // Two lines of 36 pt fit the box; a longer name steps down rather than overflowing.
  const nameSize = ctx.width(deal.name, 36, true) <= nameWidth * 1.8 ? 36 : 24
  slide.addText(clip(deal.name, 140), {
    x: MARGIN + 0.3, y: 1.3, w: nameWidth, h: 1.2,
    fontFace: font, fontSize: nameSize, bold: true, color: INK, valign: 'bottom', margin: 0, objectName: 'Deal name',
  })
  slide.addText(deal.customer, {
    x: MARGIN + 0.3, y: 2.55, w: SLIDE.w - 2 * MARGIN - 0.6, h: 0.6,
    fontFace: font, fontSize: 22, color: MUTED, valign: 'top', margin: 0, objectName: 'Customer',
  })

  const rows: Array<[string, string]> = [
    [t('deck:field.amount'), formatMoney(deal.amount, language)],
    [t('deck:field.stage'), labelOf(t, 'stage', deal.stage)],
    [t('deck:field.closeDate'), formatDate(deal.closeDate, t('deck:text.noCloseDate'))],
    [t('deck:field.competitors'), deal.competitors.length ? deal.competitors.join(', ') : t('deck:text.noCompetitors')],
    [t('deck:field.verdict'), describeVerdict(analysis.team.verdict, t)],
  ]
  const labelX = MARGIN + 0.3
  const valueX = labelX + 2.6
  let y = 3.45
  for (const [label, value] of rows) {
    slide.addText(label, { x: labelX, y, w: 2.5, h: 0.42, fontFace: font, fontSize: 16, color: MUTED, margin: 0, valign: 'middle' })
    slide.addText(value, { x: valueX, y, w: SLIDE.w - valueX - MARGIN, h: 0.42, fit: 'shrink', fontFace: font, fontSize: 16, bold: true, color: INK, margin: 0, valign: 'middle' })
    y += 0.5
  }
  slide.addText(t('deck:field.mapStatus'), { x: labelX, y, w: 2.5, h: 0.42, fontFace: font, fontSize: 16, color: MUTED, margin: 0, valign: 'middle' })
  const status = analysis.mapStatus
  // The same line as the app's badge: the status never shown without the findings still open.
  const statusText = describeMapStatus(status, analysis.findingCounts, t)
  slide.addText(statusText, {
    shape: 'roundRect', rectRadius: 0.08, x: valueX, y, w: Math.min(8, ctx.width(statusText, 16, true) + 0.4), h: 0.42,
    fill: { color: MAP_STATUS_FILL[status] ?? 'D9D9D9' }, line: { color: '333333', width: 0.75 },
    fontFace: font, fontSize: 16, bold: true, color: '000000', margin: 6, valign: 'middle', objectName: 'Map status',
  })
  slide.addText(`${t('deck:field.exported')} ${today}`, {
    x: labelX, y: SLIDE.h - 0.6, w: 6, h: 0.3, fontFace: font, fontSize: 12, color: MUTED, margin: 0, valign: 'middle', objectName: 'Exported',
  })
  const open = analysis.findings.length
  ctx.notes(slide, [
    t('deck:notes.title'),
    statusText,
    t('deck:notes.verdictIs', { verdict: describeVerdict(analysis.team.verdict, t) }),
    ...(open ? [t('deck:notes.findingsHeading'), ...analysis.findings.slice(0, 12).map((f) => `• ${findingText(ctx, f, stakeholderIndex(ctx))}`)] : []),
  ])
}
