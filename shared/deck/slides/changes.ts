import { clip } from '../text-fit'
import { INK, MARGIN, SLIDE } from '../theme'
import { chunk, type DeckContext } from './context'

const LINES_PER_SLIDE = 12

/** "Changes since last review": the lines the caller worded, as bullets. */
export function addChangesSlides(ctx: DeckContext): void {
  const { t, font } = ctx
  const lines = ctx.input.changes ?? []
  if (!lines.length) {
    ctx.skip('changes', 'deck:skipped.changes')
    return
  }
  const pages = chunk(lines, LINES_PER_SLIDE)
  pages.forEach((group, i) => {
    const { slide } = ctx.addSlide(ctx.paged(t('deck:slide.changes'), i + 1, pages.length))
    ctx.notes(slide, [t('deck:notes.changes'), ...group])
    slide.addText(
      group.map((line) => ({ text: clip(line, 200), options: { bullet: true, breakLine: true } })),
      { x: MARGIN, y: 1.05, w: SLIDE.w - 2 * MARGIN, h: 5.6, fontFace: font, fontSize: 16, color: INK, valign: 'top', paraSpaceAfter: 6, margin: 0 },
    )
  })
}
