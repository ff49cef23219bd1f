/**
 * Where the meeting caption goes on screen: the first place (corners, then the middle of each
 * side) where it covers neither the person in the spotlight nor the people joined to them.
 * When every place covers someone, the one covering least, and never the spotlit card if any
 * place avoids it. Pure: screen rectangles in, a position out.
 */
export interface ScreenRect {
  x: number
  y: number
  width: number
  height: number
}

export type CaptionSpot =
  | 'bottom-left' | 'top-left' | 'bottom-right' | 'top-right' | 'left' | 'right' | 'top' | 'bottom'
  | 'beside-left' | 'beside-right' | 'above' | 'below'

/**
 * Preference order: the reading corner first (bottom left, where the caption always was), the
 * other corners and sides, then right next to the spotlit card when it sits in the middle.
 */
const SPOTS: readonly CaptionSpot[] = ['bottom-left', 'top-left', 'bottom-right', 'top-right', 'left', 'right', 'bottom', 'top', 'beside-left', 'beside-right', 'above', 'below']
/** The gap between the caption and the spotlit card when it sits right beside it. */
const GAP = 12

export interface CaptionPlacement {
  spot: CaptionSpot
  x: number
  y: number
  /** Area of the spotlit card the caption covers (0 unless no place avoids it). */
  coversSpotlight: number
}

function area(a: ScreenRect, b: ScreenRect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return w > 0 && h > 0 ? w * h : 0
}

function positionOf(spot: CaptionSpot, stage: { width: number; height: number }, caption: { width: number; height: number }, m: number, near: ScreenRect | null): { x: number; y: number } {
  const left = m
  const right = Math.max(m, stage.width - caption.width - m)
  const top = m
  const bottom = Math.max(m, stage.height - caption.height - m)
  const midX = Math.max(m, (stage.width - caption.width) / 2)
  const midY = Math.max(m, (stage.height - caption.height) / 2)
  switch (spot) {
    case 'bottom-left': return { x: left, y: bottom }
    case 'top-left': return { x: left, y: top }
    case 'bottom-right': return { x: right, y: bottom }
    case 'top-right': return { x: right, y: top }
    case 'left': return { x: left, y: midY }
    case 'right': return { x: right, y: midY }
    case 'bottom': return { x: midX, y: bottom }
    case 'top': return { x: midX, y: top }
  }
  // Beside the spotlit card, kept on the stage (a thinner margin than the corners).
  const r = near ?? { x: stage.width / 2, y: stage.height / 2, width: 0, height: 0 }
  const t = 8
  const clampX = (x: number) => Math.min(Math.max(t, x), Math.max(t, stage.width - caption.width - t))
  const clampY = (y: number) => Math.min(Math.max(t, y), Math.max(t, stage.height - caption.height - t))
  const alongY = clampY(r.y + r.height / 2 - caption.height / 2)
  const alongX = clampX(r.x + r.width / 2 - caption.width / 2)
  switch (spot) {
    case 'beside-left': return { x: clampX(r.x - GAP - caption.width), y: alongY }
    case 'beside-right': return { x: clampX(r.x + r.width + GAP), y: alongY }
    case 'above': return { x: alongX, y: clampY(r.y - GAP - caption.height) }
    default: return { x: alongX, y: clampY(r.y + r.height + GAP) }
  }
}

export function placeCaption(input: {
  stage: { width: number; height: number }
  caption: { width: number; height: number }
  spotlight: ScreenRect | null
  neighbours: readonly ScreenRect[]
  margin?: number
}): CaptionPlacement {
  const m = input.margin ?? 24
  let best: (CaptionPlacement & { score: number }) | null = null
  for (const spot of SPOTS) {
    const { x, y } = positionOf(spot, input.stage, input.caption, m, input.spotlight)
    const box = { x, y, width: input.caption.width, height: input.caption.height }
    const coversSpotlight = input.spotlight ? area(box, input.spotlight) : 0
    const coversNeighbours = input.neighbours.reduce((sum, r) => sum + area(box, r), 0)
    // Covering the spotlit card outweighs covering any number of neighbours.
    const score = coversSpotlight * 1e6 + coversNeighbours
    if (!best || score < best.score) best = { spot, x, y, coversSpotlight, score }
    if (score === 0) break
  }
  const { spot, x, y, coversSpotlight } = best!
  return { spot, x, y, coversSpotlight }
}
