/**
 * Text width estimates in inches, so labels can be cut to fit a box before the deck is
 * opened: no office suite shrinks text the same way, and LibreOffice ignores autofit.
 */
const POINTS_PER_INCH = 72

function isWide(code: number): boolean {
  // CJK, kana, hangul, full-width forms: one em each.
  return (code >= 0x2e80 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7af) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff00 && code <= 0xffef)
}

function charEm(ch: string): number {
  const code = ch.codePointAt(0) ?? 0
  if (isWide(code)) return 1
  if (ch === ' ') return 0.28
  if (/[A-Z0-9MW@%]/.test(ch)) return 0.68
  if (/[iljtf.,:;'|!()]/.test(ch)) return 0.3
  return 0.56
}

/**
 * `latinScale` widens Latin letters for faces wider than Arial: a Chinese deck's face (and
 * the fallbacks suites use for it) sets Latin text about a fifth wider.
 */
export function textWidthIn(text: string, fontPt: number, bold = false, latinScale = 1): number {
  let em = 0
  for (const ch of text) {
    const w = charEm(ch)
    em += w === 1 ? 1 : w * latinScale
  }
  return (em * fontPt * (bold ? 1.06 : 1)) / POINTS_PER_INCH
}

/** The text, cut with an ellipsis so it fits on one line of the given width. */
export function fitText(text: string, widthIn: number, fontPt: number, bold = false, latinScale = 1): string {
  if (textWidthIn(text, fontPt, bold, latinScale) <= widthIn) return text
  const chars = [...text]
  let lo = 0
  let hi = chars.length
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (textWidthIn(chars.slice(0, mid).join('') + '…', fontPt, bold, latinScale) <= widthIn) lo = mid
    else hi = mid - 1
  }
  return chars.slice(0, lo).join('').trimEnd() + '…'
}

/** Cut long prose so a table cell stays within a few lines. */
export function clip(text: string, maxChars: number): string {
  const chars = [...text]
  return chars.length <= maxChars ? text : chars.slice(0, maxChars - 1).join('').trimEnd() + '…'
}
