import { INFLUENCES, LINK_KINDS, STANCES } from '../../model'
import { INFLUENCE_BORDER_PT, INK, INNER_CIRCLE_MARK, LINK_STYLE, MARGIN, MIN_FONT_PT, SLIDE, STANCE_STYLE } from '../theme'
import type { DeckContext, Slide } from './context'
import { label as labelOf } from '../../i18n'

const LEGEND_TOP = 6.42
const ROW_H = 0.3

/**
 * Two rows under the map: stance colours and cues; line kinds, influence, inner circle,
 * owners. Labels sit inside their swatches where they can: a big map repeats the legend on
 * every slide, so each object saved is saved thirty times.
 */
export function addLegend(ctx: DeckContext, slide: Slide): void {
  const { t, font } = ctx
  const swatch = { fontFace: font, fontSize: MIN_FONT_PT, color: '000000', valign: 'middle' as const, margin: 0 }

  let x = MARGIN
  let y = LEGEND_TOP
  for (const stance of STANCES) {
    const style = STANCE_STYLE[stance]
    const label = `${style.cue}  ${labelOf(t, 'stance', stance)}`
    const w = ctx.width(label, MIN_FONT_PT, true) + 0.3
    slide.addText(label, {
      ...swatch, shape: 'roundRect', rectRadius: 0.05, x, y: y + 0.02, w, h: ROW_H - 0.04, bold: true, align: 'center',
      fill: { color: style.fill }, line: { color: '333333', width: 0.75 },
    })
    x += w + 0.15
  }

  x = MARGIN
  y += ROW_H + 0.05
  for (const kind of LINK_KINDS) {
    const style = LINK_STYLE[kind]
    slide.addShape('line', {
      x, y: y + ROW_H / 2, w: 0.55, h: 0,
      line: { color: style.color, width: style.widthPt, dashType: style.dash === 'solid' ? 'solid' : style.dash, endArrowType: style.arrow ? 'triangle' : undefined },
    })
    const label = labelOf(t, 'link', kind)
    const w = ctx.width(label, MIN_FONT_PT) + 0.1
    slide.addText(label, { ...swatch, color: INK, x: x + 0.62, y, w, h: ROW_H })
    x += 0.62 + w + 0.2
  }
  x += 0.1
  const influenceLabel = `${t('deck:text.influence')}:`
  const influenceW = ctx.width(influenceLabel, MIN_FONT_PT) + 0.08
  slide.addText(influenceLabel, { ...swatch, color: INK, x, y, w: influenceW, h: ROW_H })
  x += influenceW
  for (const influence of INFLUENCES) {
    const label = labelOf(t, 'influence', influence)
    const w = ctx.width(label, MIN_FONT_PT) + 0.3
    slide.addText(label, {
      ...swatch, color: INK, align: 'center', x, y: y + 0.02, w, h: ROW_H - 0.04,
      shape: 'rect', fill: { color: 'FFFFFF' }, line: { color: '333333', width: INFLUENCE_BORDER_PT[influence] },
    })
    x += w + 0.12
  }
  x += 0.15
  const rest = `${INNER_CIRCLE_MARK} ${t('deck:text.innerCircle')}    ${t('deck:text.owners')}`
  slide.addText(rest, { ...swatch, color: INK, x, y, w: Math.max(0.5, SLIDE.w - MARGIN - x), h: ROW_H })
}

/**
 * The same legend as two text boxes, for the department slides of a big map (thirty slides
 * of a full legend would double the objects in the deck). Colours ride on glyphs that every
 * Windows and Mac font carries.
 */
export function addCompactLegend(ctx: DeckContext, slide: Slide): void {
  const { t, font } = ctx
  const box = { x: MARGIN, w: SLIDE.w - 2 * MARGIN, h: ROW_H, fontFace: font, fontSize: MIN_FONT_PT, color: INK, margin: 0, valign: 'middle' as const }
  const gap = { text: '     ' }
  slide.addText(
    STANCES.flatMap((stance) => [
      { text: '■ ', options: { color: STANCE_STYLE[stance].fill, fontSize: MIN_FONT_PT + 3 } },
      { text: `${STANCE_STYLE[stance].cue} ${labelOf(t, 'stance', stance)}` },
      gap,
    ]),
    { ...box, y: LEGEND_TOP },
  )
  const sample: Record<(typeof LINK_KINDS)[number], string> = { 'reports-to': '───', influences: '- - ►', ally: '───', conflict: '• • •' }
  slide.addText(
    [
      ...LINK_KINDS.flatMap((kind) => [
        { text: `${sample[kind]} `, options: { color: LINK_STYLE[kind].color, bold: true } },
        { text: labelOf(t, 'link', kind) },
        gap,
      ]),
      { text: `${t('deck:text.influenceHint')}     ${INNER_CIRCLE_MARK} ${t('deck:text.innerCircle')}     ${t('deck:text.owners')}` },
    ],
    { ...box, y: LEGEND_TOP + ROW_H + 0.05 },
  )
}
