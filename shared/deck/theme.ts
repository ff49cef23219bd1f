import type { Influence, Language, LinkKind, Stance } from '../model'

/** 16:9 in inches, pptxgenjs's LAYOUT_WIDE. */
export const SLIDE = { w: 13.333, h: 7.5 } as const
export const MARGIN = 0.45
export const EMU_PER_INCH = 914_400

/** Smallest text on any slide: the map is split rather than shrunk below this. */
export const MIN_FONT_PT = 10
/** Smallest name on a map card: read from the back of the room. */
export const MIN_NAME_PT = 12

export const FONT: Record<Language, string> = {
  en: 'Arial',
  // A CJK face that ships with Windows and Office for Mac; other suites substitute their
  // own CJK face (LibreOffice on Linux falls back to Noto Sans CJK).
  'zh-CN': 'Microsoft YaHei',
}

/** The East Asian face where the first is missing (macOS without Office's fonts). */
export const CJK_FALLBACK_FONT = 'PingFang SC'

export const INK = '222222'
export const MUTED = '666666'
export const RULE = 'BBBBBB'
export const ACCENT = '1F4E79'

/**
 * Stance encodings shared with the app (renderer/map/icons.tsx, styles/theme.css): the
 * Okabe–Ito colour-blind-safe palette plus a shape per stance, so the stance reads in
 * greyscale and for colour-blind readers too. `shape` is the DrawingML preset drawn as the
 * card's stance chip; `flipV` turns the supporter's triangle into the skeptic's.
 */
export const STANCE_STYLE: Record<Stance, { fill: string; tint: string; shape: 'star5' | 'triangle' | 'ellipse' | 'mathMultiply' | 'rect'; flipV?: boolean; mark?: string }> = {
  champion: { fill: '009E73', tint: 'E3F4EE', shape: 'star5' },
  supporter: { fill: '56B4E9', tint: 'E8F4FC', shape: 'triangle' },
  neutral: { fill: '8A8F98', tint: 'F0F1F3', shape: 'ellipse' },
  skeptic: { fill: 'E69F00', tint: 'FCF1DA', shape: 'triangle', flipV: true },
  opponent: { fill: 'D55E00', tint: 'FBE7DA', shape: 'mathMultiply' },
  unknown: { fill: 'B8BCC4', tint: 'F5F5F6', shape: 'rect', mark: '?' },
}

/** Influence is the card's border weight, in points. */
export const INFLUENCE_BORDER_PT: Record<Influence, number> = { high: 3, medium: 1.5, low: 0.5 }
/** The inner circle's mark: a ring with a dot, as on the app's card. */
export const INNER_CIRCLE_MARK = '◉'

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
