import type { Influence, Language, LinkKind, Stance } from '../model'

/** 16:9 in inches, pptxgenjs's LAYOUT_WIDE. */
export const SLIDE = { w: 13.333, h: 7.5 } as const
export const MARGIN = 0.45
export const EMU_PER_INCH = 914_400

/** Smallest text on any slide: the map is paginated rather than shrunk below this. */
export const MIN_FONT_PT = 9

export const FONT: Record<Language, string> = {
  en: 'Arial',
  // A CJK face that ships with Windows and Office for Mac; other suites substitute their
  // own CJK face (LibreOffice on Linux falls back to Noto Sans CJK).
  'zh-CN': 'Microsoft YaHei',
}

export const INK = '222222'
export const MUTED = '666666'
export const RULE = 'BBBBBB'
export const ACCENT = '1F4E79'

/**
 * Stance encodings shared with the app: the Okabe–Ito colour-blind-safe palette plus a
 * text cue, so the stance reads in greyscale and for colour-blind readers too.
 */
export const STANCE_STYLE: Record<Stance, { fill: string; cue: string }> = {
  champion: { fill: '009E73', cue: '✓✓' },
  supporter: { fill: '56B4E9', cue: '✓' },
  neutral: { fill: '999999', cue: '–' },
  skeptic: { fill: 'E69F00', cue: '?' },
  opponent: { fill: 'D55E00', cue: '✗' },
  unknown: { fill: 'D9D9D9', cue: '·' },
}

/** Influence is the card's border weight, in points. */
export const INFLUENCE_BORDER_PT: Record<Influence, number> = { high: 3, medium: 1.5, low: 0.5 }
export const INNER_CIRCLE_MARK = '★'

export type DashStyle = 'solid' | 'dash' | 'sysDot'
export interface LineStyle {
  color: string
  widthPt: number
  dash: DashStyle
  /** An arrowhead where the line ends (at the `to` person). */
  arrow: boolean
}

/** Line kinds differ in colour AND in dash or arrow, so they read without colour. */
export const LINK_STYLE: Record<LinkKind, LineStyle> = {
  'reports-to': { color: '404040', widthPt: 1.25, dash: 'solid', arrow: false },
  influences: { color: '0072B2', widthPt: 1.25, dash: 'dash', arrow: true },
  ally: { color: '1B8A3A', widthPt: 2, dash: 'solid', arrow: false },
  conflict: { color: 'C62828', widthPt: 2, dash: 'sysDot', arrow: false },
}

export const MAP_STATUS_FILL: Record<string, string> = { red: 'D55E00', amber: 'E69F00', green: '009E73' }
export const SEVERITY_FILL: Record<string, string> = { error: 'D55E00', warning: 'E69F00', info: '56B4E9' }

/** From most for us to most against us; unknown last. */
export const STANCES_IN_ORDER: readonly Stance[] = ['champion', 'supporter', 'neutral', 'skeptic', 'opponent', 'unknown']
