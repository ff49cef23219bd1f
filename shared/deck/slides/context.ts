import type PptxGenJS from 'pptxgenjs'
import type { Seller } from '../../model'
import type { SlideConnectors } from '../connectors'
import { makeTranslator, type Translator } from '../../i18n'
import { fitText, textWidthIn } from '../text-fit'
import { FONT, INK, MARGIN, MIN_FONT_PT, MUTED, RULE, SLIDE } from '../theme'
import type { DeckInput, SkippedSlide, SlideId } from '../types'

export type Slide = PptxGenJS.Slide

/** What every slide builder needs: the input, the words, the font, and the slide counter. */
export class DeckContext {
  /** The app's catalog in the deck's language: the slides say what the screen says. */
  readonly t: Translator
  readonly font: string
  readonly connectors: SlideConnectors[] = []
  /** Slides holding a table: pptxgenjs may give a table the id of another shape there. */
  readonly tableSlides = new Set<number>()
  slideCount = 0
  /** Slides left out because they would say nothing, with the reason in the deck's language. */
  readonly skipped: SkippedSlide[] = []
  private readonly sellers: Map<string, Seller>

  constructor(readonly pres: PptxGenJS, readonly input: DeckInput) {
    this.t = makeTranslator(input.language)
    this.font = FONT[input.language]
    this.sellers = new Map(input.roster.map((s) => [s.id, s]))
  }

  /** Cut text to one line of the given width in this deck's face. */
  fit(text: string, widthIn: number, fontPt: number, bold = false): string {
    return fitText(text, widthIn, fontPt, bold, this.input.language === 'en' ? 1 : 1.2)
  }

  /** Estimated width of one line of text in this deck's face. */
  width(text: string, fontPt: number, bold = false): number {
    return textWidthIn(text, fontPt, bold, this.input.language === 'en' ? 1 : 1.2)
  }

  /** Leave a slide out and say why: the export dialog tells the user. */
  skip(slide: SlideId, reasonKey: string, params?: Record<string, string | number>): void {
    this.skipped.push({ slide, reason: this.t(reasonKey, params), reasonKey, ...(params ? { params } : {}) })
  }

  /** Speaker notes in the deck's language: what stands behind the slide. */
  notes(slide: Slide, lines: readonly string[]): void {
    const text = lines.filter((l) => l.trim() !== '').join('\n')
    if (text) slide.addNotes(text)
  }

  seller(id: string): Seller | undefined {
    return this.sellers.get(id)
  }

  sellerName(id: string): string {
    return this.sellers.get(id)?.name ?? id
  }

  /** A new slide with a title and a footer (deal, export date, page number). */
  addSlide(title: string): { slide: Slide; number: number } {
    const slide = this.pres.addSlide()
    this.slideCount += 1
    slide.addText(title, {
      x: MARGIN, y: 0.25, w: SLIDE.w - 2 * MARGIN, h: 0.55,
      fontFace: this.font, fontSize: 24, bold: true, color: INK, valign: 'middle', margin: 0, objectName: 'Title',
    })
    slide.addShape('line', { x: MARGIN, y: 0.82, w: SLIDE.w - 2 * MARGIN, h: 0, line: { color: RULE, width: 0.75 }, objectName: 'Title rule' })
    const { deal, today } = this.input
    slide.addText([deal.name, deal.customer, today].filter(Boolean).join(' · '), {
      x: MARGIN, y: SLIDE.h - 0.4, w: SLIDE.w - 2 * MARGIN - 1, h: 0.3,
      fontFace: this.font, fontSize: MIN_FONT_PT, color: MUTED, margin: 0, valign: 'middle', objectName: 'Footer',
    })
    slide.addText(String(this.slideCount), {
      x: SLIDE.w - MARGIN - 1, y: SLIDE.h - 0.4, w: 1, h: 0.3,
      fontFace: this.font, fontSize: MIN_FONT_PT, color: MUTED, margin: 0, align: 'right', valign: 'middle', objectName: 'Page number',
    })
    return { slide, number: this.slideCount }
  }

  /** The title slide has no header or footer; it still counts. */
  addBareSlide(): { slide: Slide; number: number } {
    this.slideCount += 1
    return { slide: this.pres.addSlide(), number: this.slideCount }
  }

  /** Pages of a long list, at most `maxPages`; what does not fit is counted, not shown. */
  pagesOf<T>(items: readonly T[], perPage: number, maxPages: number): { pages: T[][]; omitted: number } {
    const shown = items.slice(0, perPage * maxPages)
    return { pages: chunk(shown, perPage), omitted: items.length - shown.length }
  }

  /** "Title (2/3)" when a topic runs over several slides. */
  paged(title: string, page: number, pages: number): string {
    return pages > 1 ? title + this.t('deck:text.continued', { page, pages }) : title
  }
}

/** Initials of a person's name: "Jane Smith" → "JS", 'Alice "A&B" O\'Neil' → "AAO"; a Chinese name is short enough to show whole. */
export function initials(name: string): string {
  const trimmed = name.trim()
  if (/[\u2e80-\u9fff]/.test(trimmed)) return [...trimmed.replace(/\s+/g, '')].slice(0, 3).join('')
  // The first letter or digit of each word: a quote or "&" in a name ("A&B", 'O'Neil') is no initial.
  const firsts = trimmed.split(/\s+/).map((w) => /[\p{L}\p{N}]/u.exec(w)?.[0]).filter((c): c is string => c !== undefined)
  return firsts.map((c) => c.toUpperCase()).slice(0, 3).join('')
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out.length ? out : [[]]
}
