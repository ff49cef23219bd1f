import type { Deal } from '../model/deal'
import type { LinkKind, Position } from '../model'
import { cardSize } from '../card-size'
import { layoutOrgChart } from '../org-chart'
import { reportsToRoute, type Box } from '../org-chart-route'

/** Where the map's picture draws each card and line, in map pixels (the app's flow coordinates). */
export interface MapGeometry {
  cards: Array<{ id: string; box: Box }>
  lines: Array<{ linkId: string; kind: LinkKind; points: Position[]; arrow: boolean }>
  bounds: Box
}

/** Half the org chart's level gap: where a row's bus runs above it (as on the map). */
const BUS_OFFSET = 28

/**
 * The cards where the map shows them (the user's own arrangement, or the last "Tidy"); when
 * the stored positions would put cards on top of each other (an import that never saw the
 * map), the org chart's layout instead, the same one "Tidy" and the slides use. Reports-to
 * lines are routed bus style as on the map; other lines join the facing sides of two cards.
 */
export function mapGeometry(deal: Pick<Deal, 'stakeholders' | 'links'>): MapGeometry {
  const stored = deal.stakeholders.map((s) => ({ id: s.id, box: { ...s.position, ...cardSize(s.influence) } }))
  const cards = anyOverlap(stored.map((c) => c.box))
    ? (() => {
        const sizes = new Map(stored.map((c) => [c.id, c.box]))
        return layoutOrgChart(deal).positions.map((p) => ({ id: p.id, box: { ...sizes.get(p.id)!, ...p.position } }))
      })()
    : stored
  const boxOf = new Map(cards.map((c) => [c.id, c.box]))
  const lines: MapGeometry['lines'] = []
  for (const link of deal.links) {
    const from = boxOf.get(link.from)
    const to = boxOf.get(link.to)
    if (!from || !to) continue
    if (link.kind === 'reports-to') lines.push({ linkId: link.id, kind: link.kind, points: reportsToRoute(to, from, BUS_OFFSET), arrow: false })
    else lines.push({ linkId: link.id, kind: link.kind, points: facingSides(from, to), arrow: link.kind === 'influences' })
  }
  return { cards, lines, bounds: boundsOf(cards.map((c) => c.box)) }
}

/** A straight line from the middle of the side of `a` that faces `b` to the side of `b` facing `a`. */
function facingSides(a: Box, b: Box): Position[] {
  const ac = { x: a.x + a.width / 2, y: a.y + a.height / 2 }
  const bc = { x: b.x + b.width / 2, y: b.y + b.height / 2 }
  const dx = bc.x - ac.x
  const dy = bc.y - ac.y
  // Side by side reads as a horizontal line; one above the other as a vertical one.
  if (Math.abs(dx) / (a.width + b.width) >= Math.abs(dy) / (a.height + b.height)) {
    const s = Math.sign(dx) || 1
    return [{ x: ac.x + (s * a.width) / 2, y: ac.y }, { x: bc.x - (s * b.width) / 2, y: bc.y }]
  }
  const s = Math.sign(dy) || 1
  return [{ x: ac.x, y: ac.y + (s * a.height) / 2 }, { x: bc.x, y: bc.y - (s * b.height) / 2 }]
}

/** Any two boxes sharing area (sorted sweep on x: O(n log n) for a spread-out map). */
function anyOverlap(boxes: readonly Box[]): boolean {
  const sorted = [...boxes].sort((a, b) => a.x - b.x)
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]
    for (let j = i + 1; j < sorted.length && sorted[j].x < a.x + a.width; j++) {
      const b = sorted[j]
      if (b.y < a.y + a.height && a.y < b.y + b.height) return true
    }
  }
  return false
}

function boundsOf(boxes: readonly Box[]): Box {
  if (boxes.length === 0) return { x: 0, y: 0, width: 0, height: 0 }
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity
  for (const b of boxes) {
    x0 = Math.min(x0, b.x); y0 = Math.min(y0, b.y)
    x1 = Math.max(x1, b.x + b.width); y1 = Math.max(y1, b.y + b.height)
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }
}
