import { INFLUENCES, LINK_KINDS, STANCES } from '../../model'
import { label as labelOf } from '../../i18n'
import { INFLUENCE_BORDER_PT, INK, LINK_STYLE, MARGIN, MIN_FONT_PT, STANCE_STYLE } from '../theme'
import type { DeckContext, Slide } from './context'

/** The legend's first row: the stance chips, with room at its right end for a note. */
export const LEGEND_TOP = 6.5
const ROW_H = 0.27
const CHIP = 0.2

/**
 * Two rows under the map, drawn with the same shapes as the cards: the stance chips; the
 * line kinds, influence borders, the inner circle's ring and an owner chip.
 */
export function addLegend(ctx: DeckContext, slide: Slide): void {
  const { t, font } = ctx
  const text = { fontFace: font, fontSize: MIN_FONT_PT, color: INK, valign: 'middle' as const, margin: 0 }

  let x = MARGIN
  let y = LEGEND_TOP
  for (const stance of STANCES) {
    const style = STANCE_STYLE[stance]
    slide.addText(style.mark ?? '', {
      ...text, shape: style.shape, flipV: style.flipV ?? false, x, y: y + (ROW_H - CHIP) / 2, w: CHIP, h: CHIP,
      fill: { color: style.fill }, line: { color: '1A1A1A', width: 0.75 }, bold: true, align: 'center', color: '000000',
      objectName: `Legend: ${stance}`,
    })
    const label = labelOf(t, 'stance', stance)
    const w = ctx.width(label, MIN_FONT_PT) + 0.1
    slide.addText(label, { ...text, x: x + CHIP + 0.06, y, w, h: ROW_H })
    x += CHIP + 0.06 + w + 0.22
  }

  x = MARGIN
  y += ROW_H
  for (const kind of LINK_KINDS) {
    const style = LINK_STYLE[kind]
    slide.addShape('line', {
      x, y: y + ROW_H / 2, w: 0.5, h: 0,
      line: { color: style.color, width: style.widthPt, dashType: style.dash === 'solid' ? 'solid' : style.dash, endArrowType: style.arrow ? 'triangle' : undefined },
    })
    const label = labelOf(t, 'link', kind)
    const w = ctx.width(label, MIN_FONT_PT) + 0.1
    slide.addText(label, { ...text, x: x + 0.56, y, w, h: ROW_H })
    x += 0.56 + w + 0.2
  }
  const influenceLabel = `${t('deck:text.influence')}:`
  const influenceW = ctx.width(influenceLabel, MIN_FONT_PT) + 0.08
  slide.addText(influenceLabel, { ...text, x, y, w: influenceW, h: ROW_H })
  x += influenceW
  for (const influence of INFLUENCES) {
    const label = labelOf(t, 'influence', influence)
    const w = ctx.width(label, MIN_FONT_PT) + 0.24
    slide.addText(label, {
      ...text, align: 'center', x, y: y + 0.03, w, h: ROW_H - 0.06,
      shape: 'rect', fill: { color: 'FFFFFF' }, line: { color: '3A3A3A', width: INFLUENCE_BORDER_PT[influence] },
    })
    x += w + 0.1
  }
  x += 0.15
  slide.addShape('donut', { x, y: y + (ROW_H - 0.15) / 2, w: 0.15, h: 0.15, fill: { color: '1A1A1A' }, line: { color: '1A1A1A', width: 0.5 } })
  const inner = t('deck:text.innerCircle')
  const innerW = ctx.width(inner, MIN_FONT_PT) + 0.1
  slide.addText(inner, { ...text, x: x + 0.21, y, w: innerW, h: ROW_H })
  x += 0.21 + innerW + 0.2
  slide.addText('AB', {
    ...text, shape: 'roundRect', rectRadius: 0.1, x, y: y + 0.05, w: 0.3, h: 0.2, bold: true, align: 'center',
    fill: { color: 'FFFFFF' }, line: { color: '555555', width: 0.75 },
  })
  const owners = t('deck:text.ownersChip')
  slide.addText(owners, { ...text, x: x + 0.36, y, w: ctx.width(owners, MIN_FONT_PT) + 0.1, h: ROW_H })
}
