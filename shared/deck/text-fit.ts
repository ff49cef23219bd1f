/**
 * Text width estimates in inches, so labels can be cut to fit a box before the deck is
 * opened: no office suite shrinks text the same way, and LibreOffice ignores autofit.
 */
const POINTS_PER_INCH = 72

function isWide(code: number): boolean {
  // CJK, kana, hangul, full-width forms: one em each.
  return (code >= 0x2e80 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7af) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff00 && code <= 0xffef)
}

const NARROW = new Set([...'iljtf.,:;\'|!()'].map((c) => c.charCodeAt(0)))

function charEm(code: number): number {
  if (isWide(code)) return 1
  if (code === 32) return 0.28
  if ((code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 64 || code === 37) return 0.68
  if (NARROW.has(code)) return 0.3
  return 0.56
}

/**
 * `latinScale` widens Latin letters for faces wider than Arial: a Chinese deck's face (and
 * the fallbacks suites use for it) sets Latin text about a fifth wider.
 */
export function textWidthIn(text: string, fontPt: number, bold = false, latinScale = 1): number {
  return (emOf(text, latinScale) * fontPt * (bold ? 1.06 : 1)) / POINTS_PER_INCH
}

function emOf(text: string, latinScale: number): number {
  let em = 0
  for (let i = 0; i < text.length; i++) {
    const w = charEm(text.charCodeAt(i))
    em += w === 1 ? 1 : w * latinScale
  }
  return em
}

/** The text, cut with an ellipsis so it fits on one line of the given width. */
export function fitText(text: string, widthIn: number, fontPt: number, bold = false, latinScale = 1): string {
  if (textWidthIn(text, fontPt, bold, latinScale) <= widthIn) return text
  // One pass: keep whole characters while they and the ellipsis still fit.
  const budget = (widthIn * POINTS_PER_INCH) / (fontPt * (bold ? 1.06 : 1)) - emOf('…', latinScale)
  const chars = [...text]
  let em = 0
  let keep = 0
  while (keep < chars.length) {
    const next = emOf(chars[keep], latinScale)
    if (em + next > budget) break
    em += next
    keep += 1
  }
  return chars.slice(0, keep).join('').trimEnd() + '…'
}

/** Cut long prose so a table cell stays within a few lines. */
export function clip(text: string, maxChars: number): string {
  const chars = [...text]
  return chars.length <= maxChars ? text : chars.slice(0, maxChars - 1).join('').trimEnd() + '…'
}
