import { INFLUENCES, LINK_KINDS, STANCES } from '../../model'
import { INFLUENCE_BORDER_PT, INK, INNER_CIRCLE_MARK, LINK_STYLE, MARGIN, MIN_FONT_PT, SLIDE, STANCE_STYLE } from '../theme'
import type { DeckContext, Slide } from './context'

const LEGEND_TOP = 6.42
const ROW_H = 0.3

/** Two rows under the map: stance colours and cues; line kinds, influence, inner circle, owners. */
export function addLegend(ctx: DeckContext, slide: Slide): void {
  const { t, font } = ctx
  const text = (value: string, x: number, y: number, w: number) =>
    slide.addText(value, { x, y, w, h: ROW_H, fontFace: font, fontSize: MIN_FONT_PT, color: INK, margin: 0, valign: 'middle' })

  let x = MARGIN
  let y = LEGEND_TOP
  for (const stance of STANCES) {
    const style = STANCE_STYLE[stance]
    slide.addText(style.cue, {
      shape: 'roundRect', rectRadius: 0.05, x, y: y + 0.03, w: 0.42, h: ROW_H - 0.06,
      fill: { color: style.fill }, line: { color: '333333', width: 0.75 },
      fontFace: font, fontSize: MIN_FONT_PT, bold: true, color: '000000', align: 'center', valign: 'middle', margin: 0,
    })
    const label = t.stance[stance]
    const w = ctx.width(label, MIN_FONT_PT) + 0.1
    text(label, x + 0.48, y, w)
    x += 0.48 + w + 0.25
  }

  x = MARGIN
  y += ROW_H + 0.05
  for (const kind of LINK_KINDS) {
    const style = LINK_STYLE[kind]
    slide.addShape('line', {
      x, y: y + ROW_H / 2, w: 0.55, h: 0,
      line: { color: style.color, width: style.widthPt, dashType: style.dash === 'solid' ? 'solid' : style.dash, endArrowType: style.arrow ? 'triangle' : undefined },
    })
    const label = t.link[kind]
    const w = ctx.width(label, MIN_FONT_PT) + 0.1
    text(label, x + 0.62, y, w)
    x += 0.62 + w + 0.25
  }
  x += 0.15
  const influenceLabel = `${t.text.influence}:`
  const influenceW = ctx.width(influenceLabel, MIN_FONT_PT) + 0.08
  text(influenceLabel, x, y, influenceW)
  x += influenceW
  for (const influence of INFLUENCES) {
    slide.addShape('rect', { x, y: y + 0.05, w: 0.3, h: ROW_H - 0.1, fill: { color: 'FFFFFF' }, line: { color: '333333', width: INFLUENCE_BORDER_PT[influence] } })
    const label = t.influence[influence]
    const w = ctx.width(label, MIN_FONT_PT) + 0.1
    text(label, x + 0.36, y, w)
    x += 0.36 + w + 0.15
  }
  x += 0.15
  const inner = `${INNER_CIRCLE_MARK} ${t.text.innerCircle}`
  const innerW = ctx.width(inner, MIN_FONT_PT) + 0.1
  text(inner, x, y, innerW)
  x += innerW + 0.25
  text(t.text.owners, x, y, Math.max(0.5, SLIDE.w - MARGIN - x))
}
