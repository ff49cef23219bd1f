import { CARD_SIZE } from './card-size'
import { anchorOf, facingSides, routeLateralWithin, type Point, type Rect } from './edge-routing'
import type { Link } from './model/deal'
import type { Stakeholder } from './model/stakeholder'

interface Entry {
  from: Rect
  to: Rect
  route: Point[]
  /** The route's bounding box: a card that moves into it may now be in the way. */
  bounds: Rect
  /** Drawn straight for now: the search allowance ran out before this line's turn. */
  provisional: boolean
}

/** Grid points one update may search (some tens of milliseconds). */
export const ROUTE_BUDGET = 3_000_000

const sameRect = (a: Rect | undefined, b: Rect | undefined) => !!a && !!b && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height
const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

/** Every card but the line's two ends: what the line must go round. */
function othersThan(all: ReadonlyArray<readonly [string, Rect]>, from: string, to: string): Rect[] {
  const others: Rect[] = []
  for (const [id, r] of all) if (id !== from && id !== to) others.push(r)
  return others
}

function boundsOf(points: readonly Point[], pad: number): Rect {
  const xs = points.map((p) => p.x)
  const ys = points.map((p) => p.y)
  const x = Math.min(...xs) - pad
  const y = Math.min(...ys) - pad
  return { x, y, width: Math.max(...xs) + pad - x, height: Math.max(...ys) + pad - y }
}

/**
 * The routes of every sideways line, kept between edits: after a card moves, only the lines
 * that end on a moved card, or that the moved card now (or before) stood in the way of, are
 * routed again. A line elsewhere keeps its route and still crosses no card, since no card
 * entered its box. Routing every line afresh takes seconds at 1,000 people.
 */
export class LineRouteCache {
  private rects = new Map<string, Rect>()
  private entries = new Map<string, Entry>()
  private result = new Map<string, Point[]>()
  /** How many lines the last update routed (for tests). */
  lastRouted = 0
  /** Lines still drawn straight because the allowance ran out: call `update` again later. */
  pending = 0

  /**
   * The routes for these cards and lines. With no allowance (`budgetPoints` 0, a map's first
   * frame) nothing is searched, not even whether a line is clear: every line to route is drawn
   * straight and left pending (docs/performance.md, "Open, part 2").
   */
  update(stakeholders: readonly Stakeholder[], links: readonly Link[], budgetPoints = ROUTE_BUDGET): ReadonlyMap<string, Point[]> {
    const budget = { points: budgetPoints }
    let pending = 0
    const rects = new Map<string, Rect>(stakeholders.map((s) => [s.id, { ...s.position, ...CARD_SIZE[s.influence] }]))
    const changed: Rect[] = []
    for (const [id, r] of rects) {
      const old = this.rects.get(id)
      if (!sameRect(old, r)) {
        changed.push(r)
        if (old) changed.push(old)
      }
    }
    for (const [id, old] of this.rects) if (!rects.has(id)) changed.push(old)
    const all = [...rects]
    const entries = new Map<string, Entry>()
    const result = new Map<string, Point[]>()
    let routed = 0
    let same = true
    for (const l of links) {
      if (l.kind === 'reports-to') continue
      const a = rects.get(l.from)
      const b = rects.get(l.to)
      if (!a || !b) continue
      const old = this.entries.get(l.id)
      let entry = old
      if (!old || old.provisional || !sameRect(old.from, a) || !sameRect(old.to, b) || changed.some((r) => overlaps(r, old.bounds))) {
        const found = budget.points > 0 ? routeLateralWithin(a, b, othersThan(all, l.from, l.to), budget) : null
        const [sa, sb] = facingSides(a, b)
        const route = found ?? [anchorOf(a, sa), anchorOf(b, sb)]
        if (!found) pending++
        // A provisional line that is still waiting keeps its object (no redraw for nothing).
        entry = old?.provisional && !found && sameRect(old.from, a) && sameRect(old.to, b) ? old : { from: a, to: b, route, bounds: boundsOf(route, 2), provisional: !found }
        routed++
      }
      entries.set(l.id, entry!)
      result.set(l.id, entry!.route)
      if (this.result.get(l.id) !== entry!.route) same = false
    }
    if (result.size !== this.result.size) same = false
    this.rects = rects
    this.entries = entries
    this.lastRouted = routed
    this.pending = pending
    if (!same) this.result = result
    return this.result
  }
}
