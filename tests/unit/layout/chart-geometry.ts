/** Geometry a reader of the org chart notices: overlapping cards, a line behind a card. */
import type { Box } from '@shared/org-chart-route'
import type { Position } from '@shared/model'

export function overlaps(a: Box, b: Box, margin = 0): boolean {
  return a.x < b.x + b.width + margin && b.x < a.x + a.width + margin && a.y < b.y + b.height + margin && b.y < a.y + a.height + margin
}

/** Does the axis-aligned segment p→q pass through the inside of the box (grown by `margin`)? */
export function segmentCrossesBox(p: Position, q: Position, box: Box, margin = 2): boolean {
  const x0 = Math.min(p.x, q.x), x1 = Math.max(p.x, q.x), y0 = Math.min(p.y, q.y), y1 = Math.max(p.y, q.y)
  return x0 < box.x + box.width + margin && x1 > box.x - margin && y0 < box.y + box.height + margin && y1 > box.y - margin
}

/** The first card (other than the line's two ends) a polyline passes behind, or null. */
export function cardBehindRoute(points: readonly Position[], boxes: ReadonlyMap<string, Box>, ends: readonly string[]): string | null {
  for (let i = 1; i < points.length; i++) {
    for (const [id, box] of boxes) {
      if (ends.includes(id)) continue
      if (segmentCrossesBox(points[i - 1], points[i], box)) return id
    }
  }
  return null
}
