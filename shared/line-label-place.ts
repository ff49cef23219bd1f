import { labelAnchorOf, type Point, type Rect } from './edge-routing'

/** Where a line's label is drawn: its box's centre, in the map's coordinates. */
export type LabelPlace = Point

/** Room left between a label and a card or the line it names. */
const GAP = 3

/**
 * The label's box as the map draws it (12px text, 7px padding each side, a 1px border,
 * at most 220px wide; renderer/styles/map.css `.line-label`). Wide (CJK) characters take
 * about a full em, others a little over half of one. An estimate: it is only used to keep
 * the label clear of cards, so it errs on the wide side.
 */
export function labelSizeOf(text: string): { width: number; height: number } {
  let width = 16
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 12 : 7
  return { width: Math.min(width, 220), height: 20 }
}

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
const boxAt = (c: Point, size: { width: number; height: number }): Rect => ({ x: c.x - size.width / 2, y: c.y - size.height / 2, ...size })

/**
 * Where to draw a line's label so that it covers no card's text (docs/map.md, "Line labels"):
 * beside the middle of the line, as before, when that is clear of the cards; else beside the
 * middle of the leg of the line that is longest outside the cards; else, when the cards stand
 * closer than the label is wide, just above (or below) both cards, over the gap the line crosses.
 */
export function placeLineLabel(points: readonly Point[], size: { width: number; height: number }, cards: readonly Rect[]): LabelPlace {
  const clear = (c: Point) => !cards.some((r) => overlaps(boxAt(c, size), r))
  const beside = (p: Point, along: 'across' | 'upright' | 'slanted'): Point =>
    along === 'across' ? { x: p.x, y: p.y - GAP - size.height / 2 }
    : along === 'upright' ? { x: p.x + GAP + size.width / 2, y: p.y }
    : p
  const middle = labelAnchorOf(points)
  const first = beside(middle, middle.along)
  if (clear(first)) return first
  // Each leg's part outside the cards, longest first: its middle, on either side of the line.
  const legs = [] as { mid: Point; along: 'across' | 'upright' | 'slanted'; length: number }[]
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1], b = points[i]
    const along = a.y === b.y ? 'across' : a.x === b.x ? 'upright' : 'slanted'
    legs.push({ mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }, along, length: Math.hypot(b.x - a.x, b.y - a.y) })
  }
  legs.sort((p, q) => q.length - p.length)
  for (const leg of legs) {
    const candidates = leg.along === 'across' ? [beside(leg.mid, 'across'), { x: leg.mid.x, y: leg.mid.y + GAP + size.height / 2 }]
      : leg.along === 'upright' ? [beside(leg.mid, 'upright'), { x: leg.mid.x - GAP - size.width / 2, y: leg.mid.y }]
      : [leg.mid]
    const found = candidates.find(clear)
    if (found) return found
  }
  // Too close for the label to fit beside the line: lift it over the cards it would cover,
  // centred on the line's middle, so it still reads as this line's; else drop it below them.
  const hit = cards.filter((r) => overlaps(boxAt(first, size), r))
  const top = Math.min(...hit.map((r) => r.y))
  const above = { x: middle.x, y: top - GAP - size.height / 2 }
  if (clear(above)) return above
  const bottom = Math.max(...hit.map((r) => r.y + r.height))
  return { x: middle.x, y: bottom + GAP + size.height / 2 }
}
