/**
 * Where a sideways line (influences, ally, conflict) leaves and enters two cards, and a path
 * between them that never crosses a third card. Pure geometry over rectangles so the map, the
 * slide map and tests agree; the map draws the points it returns.
 */
export interface Point {
  x: number
  y: number
}
export interface Rect {
  x: number
  y: number
  width: number
  height: number
}
export type Side = 'top' | 'right' | 'bottom' | 'left'

/** How far a line leaves a card straight out before it turns, and the clearance it keeps. */
const STUB = 14
const CLEARANCE = 14
/** A turn costs as much as this many pixels of length: fewer bends read better. */
const BEND_COST = 60
/**
 * The search grid grows with the square of the cards near a line; past this many grid points
 * the line is drawn straight rather than stall the map (one line across a 1,000-card chart).
 */
const MAX_GRID_POINTS = 400_000

const cx = (r: Rect) => r.x + r.width / 2
const cy = (r: Rect) => r.y + r.height / 2

/**
 * The facing sides of two cards: left/right when they sit more beside each other than above
 * each other (gaps measured between the boxes, not the centres, so wide cards on one row
 * face sideways), else top/bottom.
 */
export function facingSides(a: Rect, b: Rect): [Side, Side] {
  const gapX = Math.max(b.x - (a.x + a.width), a.x - (b.x + b.width))
  const gapY = Math.max(b.y - (a.y + a.height), a.y - (b.y + b.height))
  if (gapX >= gapY) return cx(b) >= cx(a) ? ['right', 'left'] : ['left', 'right']
  return cy(b) >= cy(a) ? ['bottom', 'top'] : ['top', 'bottom']
}

export function anchorOf(r: Rect, side: Side): Point {
  switch (side) {
    case 'top': return { x: cx(r), y: r.y }
    case 'bottom': return { x: cx(r), y: r.y + r.height }
    case 'left': return { x: r.x, y: cy(r) }
    case 'right': return { x: r.x + r.width, y: cy(r) }
  }
}

function outward(p: Point, side: Side, d: number): Point {
  switch (side) {
    case 'top': return { x: p.x, y: p.y - d }
    case 'bottom': return { x: p.x, y: p.y + d }
    case 'left': return { x: p.x - d, y: p.y }
    case 'right': return { x: p.x + d, y: p.y }
  }
}

/** True when the segment p–q passes through the inside of r (touching its border is fine). */
export function segmentCrossesRect(p: Point, q: Point, r: Rect): boolean {
  // Liang–Barsky clip against the open rectangle.
  const x0 = r.x, x1 = r.x + r.width, y0 = r.y, y1 = r.y + r.height
  const dx = q.x - p.x, dy = q.y - p.y
  let t0 = 0, t1 = 1
  const edges: Array<[number, number]> = [[-dx, p.x - x0], [dx, x1 - p.x], [-dy, p.y - y0], [dy, y1 - p.y]]
  for (const [pp, qq] of edges) {
    if (pp === 0) {
      if (qq <= 0) return false
    } else {
      const t = qq / pp
      if (pp < 0) { if (t > t1) return false; if (t > t0) t0 = t }
      else { if (t < t0) return false; if (t < t1) t1 = t }
    }
  }
  if (t1 - t0 <= 1e-9) return false
  // The clipped piece must have some length inside, not just graze a corner.
  const len = Math.hypot(dx, dy) * (t1 - t0)
  return len > 1e-6
}

const inside = (p: Point, r: Rect) => p.x > r.x && p.x < r.x + r.width && p.y > r.y && p.y < r.y + r.height

function clear(p: Point, q: Point, obstacles: readonly Rect[]): boolean {
  for (const r of obstacles) if (segmentCrossesRect(p, q, r)) return false
  return true
}

function union(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x), y = Math.min(a.y, b.y)
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y }
}
const grow = (r: Rect, m: number): Rect => ({ x: r.x - m, y: r.y - m, width: r.width + 2 * m, height: r.height + 2 * m })
const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

/**
 * The line from card `a` to card `b` as points: from the middle of a's facing side to the
 * middle of b's. Straight when nothing is in the way, else an orthogonal path around the
 * other cards (`others`, which must not include a or b). Falls back to the straight line
 * only when the cards are packed so tightly that no way round exists.
 */
export function routeLateral(a: Rect, b: Rect, others: readonly Rect[]): Point[] {
  return routeLateralWithin(a, b, others, { points: Infinity })!
}

/** A search allowance shared by several routes: grid points left to search. */
export interface RouteBudget {
  points: number
}

/**
 * `routeLateral` that stops (null) once the shared allowance is spent, so a map with many
 * long lines draws at once and routes the rest a little later.
 */
export function routeLateralWithin(a: Rect, b: Rect, others: readonly Rect[], budget: RouteBudget): Point[] | null {
  const [sa, sb] = facingSides(a, b)
  const pa = anchorOf(a, sa)
  const pb = anchorOf(b, sb)
  if (clear(pa, pb, others)) return [pa, pb]
  for (let margin = 160; margin <= 2560; margin *= 4) {
    const box = grow(union(a, b), margin)
    const near = others.filter((r) => overlaps(r, box))
    // The facing sides first; a side pressed against a neighbouring card cannot be left by,
    // so then the other sides, nearest pair first.
    for (const [ka, kb] of sidePairs(a, b, sa, sb)) {
      const path = gridRoute(a, ka, b, kb, near, box, budget)
      if (path === OVER_BUDGET) return null
      if (path) return path
    }
  }
  return [pa, pb]
}

const SIDES: readonly Side[] = ['top', 'right', 'bottom', 'left']

function sidePairs(a: Rect, b: Rect, sa: Side, sb: Side): Array<[Side, Side]> {
  const rest: Array<[Side, Side, number]> = []
  for (const ka of SIDES) for (const kb of SIDES) {
    if (ka === sa && kb === sb) continue
    const p = anchorOf(a, ka), q = anchorOf(b, kb)
    rest.push([ka, kb, Math.abs(p.x - q.x) + Math.abs(p.y - q.y)])
  }
  rest.sort((m, n) => m[2] - n[2])
  return [[sa, sb], ...rest.map(([ka, kb]): [Side, Side] => [ka, kb])]
}

/** A stub out of the card that does not end inside another card (cards may sit close). */
function stubPoint(anchor: Point, side: Side, obstacles: readonly Rect[]): Point | null {
  for (const d of [STUB, STUB / 2, 3]) {
    const p = outward(anchor, side, d)
    if (!obstacles.some((r) => inside(p, r)) && clear(anchor, p, obstacles)) return p
  }
  return null
}

/**
 * Shortest orthogonal path (length plus a cost per bend) on a sparse grid whose lines run
 * along the cards' edges, at a clearance from them, between them, and through the two stubs.
 * Grid points on or inside a card are closed, so no segment of the result crosses one.
 */
const OVER_BUDGET = 'over-budget'

function gridRoute(a: Rect, sa: Side, b: Rect, sb: Side, others: readonly Rect[], box: Rect, budget: RouteBudget): Point[] | null | typeof OVER_BUDGET {
  const pa = anchorOf(a, sa)
  const pb = anchorOf(b, sb)
  // The two end cards are obstacles too, except for their own stub.
  const blockers = [...others, a, b]
  const qa = stubPoint(pa, sa, others)
  const qb = stubPoint(pb, sb, others)
  if (!qa || !qb) return null
  const xsSet = new Set<number>([qa.x, qb.x, box.x, box.x + box.width])
  const ysSet = new Set<number>([qa.y, qb.y, box.y, box.y + box.height])
  // Each card's own edges are grid lines too: then two neighbouring grid points outside
  // every (closed) card can never have a card between them, so no step needs a crossing test.
  for (const r of blockers) {
    for (const x of [r.x - CLEARANCE, r.x, r.x + r.width, r.x + r.width + CLEARANCE]) xsSet.add(x)
    for (const y of [r.y - CLEARANCE, r.y, r.y + r.height, r.y + r.height + CLEARANCE]) ysSet.add(y)
  }
  const sortIn = (v: Set<number>, lo: number, hi: number) => [...v].filter((x) => x >= lo && x <= hi).sort((m, n) => m - n)
  // A midline in every gap between one card's far edge and the next card's near edge: the
  // way through a gap narrower than two clearances (and the middle of a wider one).
  const farX = new Set(blockers.map((r) => r.x + r.width)), nearX = new Set(blockers.map((r) => r.x))
  const farY = new Set(blockers.map((r) => r.y + r.height)), nearY = new Set(blockers.map((r) => r.y))
  const withMids = (v: number[], far: Set<number>, near: Set<number>) =>
    v.flatMap((x, i) => (i + 1 < v.length && far.has(x) && near.has(v[i + 1]) ? [x, (x + v[i + 1]) / 2] : [x]))
  const xs = withMids(sortIn(xsSet, box.x, box.x + box.width), farX, nearX)
  const ys = withMids(sortIn(ysSet, box.y, box.y + box.height), farY, nearY)
  const W = xs.length
  const H = ys.length
  if (W * H > MAX_GRID_POINTS) return null
  if (W * H > budget.points) return OVER_BUDGET
  budget.points -= W * H
  const start = ys.indexOf(qa.y) * W + xs.indexOf(qa.x)
  const goal = ys.indexOf(qb.y) * W + xs.indexOf(qb.x)
  const blocked = new Uint8Array(W * H)
  for (const r of blockers) {
    const i0 = lowerBound(xs, r.x), i1 = upperBound(xs, r.x + r.width)
    const j0 = lowerBound(ys, r.y), j1 = upperBound(ys, r.y + r.height)
    for (let j = j0; j < j1; j++) blocked.fill(1, j * W + i0, j * W + i1)
  }
  blocked[start] = 0
  blocked[goal] = 0
  // A* over (cell, direction): direction 0 horizontal, 1 vertical, 2 none (start); the
  // remaining straight distance is the estimate, which never overestimates.
  const N = W * H
  const dist = new Float64Array(N * 3).fill(Infinity)
  const prev = new Int32Array(N * 3).fill(-1)
  const heap = new MinHeap()
  const gx = qb.x, gy = qb.y
  // Slightly over 1: among paths of equal cost the search follows the one nearest the goal
  // instead of widening on a lattice of cards (a path at most 1% longer than the best).
  const estimate = (i: number, j: number) => 1.01 * (Math.abs(xs[i] - gx) + Math.abs(ys[j] - gy))
  dist[start * 3 + 2] = 0
  heap.push(estimate(start % W, Math.floor(start / W)), start * 3 + 2)
  let reached = -1
  while (heap.size) {
    const [f, state] = heap.pop()
    const cell = Math.floor(state / 3)
    const dir = state % 3
    const i = cell % W
    const j = Math.floor(cell / W)
    const d = dist[state]
    if (f > d + estimate(i, j) + 1e-9) continue
    if (cell === goal) { reached = state; break }
    const steps: Array<[number, number, 0 | 1]> = [[i - 1, j, 0], [i + 1, j, 0], [i, j - 1, 1], [i, j + 1, 1]]
    for (const [ni, nj, ndir] of steps) {
      if (ni < 0 || nj < 0 || ni >= W || nj >= H) continue
      const next = nj * W + ni
      if (blocked[next]) continue
      const cost = d + Math.abs(xs[ni] - xs[i]) + Math.abs(ys[nj] - ys[j]) + (dir !== 2 && dir !== ndir ? BEND_COST : 0)
      const ns = next * 3 + ndir
      if (cost < dist[ns]) {
        dist[ns] = cost
        prev[ns] = state
        heap.push(cost + estimate(ni, nj), ns)
      }
    }
  }
  if (reached < 0) return null
  const cells: Point[] = []
  for (let s = reached; s >= 0; s = prev[s]) {
    const cell = Math.floor(s / 3)
    cells.push({ x: xs[cell % W], y: ys[Math.floor(cell / W)] })
  }
  cells.reverse()
  return simplify([pa, ...cells, pb])
}

/** First index whose value is >= v (values sorted ascending). */
function lowerBound(values: readonly number[], v: number): number {
  let lo = 0, hi = values.length
  while (lo < hi) { const m = (lo + hi) >> 1; if (values[m] < v) lo = m + 1; else hi = m }
  return lo
}
/** First index whose value is > v. */
function upperBound(values: readonly number[], v: number): number {
  let lo = 0, hi = values.length
  while (lo < hi) { const m = (lo + hi) >> 1; if (values[m] <= v) lo = m + 1; else hi = m }
  return lo
}

/** Drops repeated points and the middle of three points on one straight line. */
export function simplify(points: Point[]): Point[] {
  const out: Point[] = []
  for (const p of points) {
    const last = out[out.length - 1]
    if (last && last.x === p.x && last.y === p.y) continue
    if (out.length >= 2) {
      const a = out[out.length - 2]
      if ((a.x === last.x && last.x === p.x) || (a.y === last.y && last.y === p.y)) out.pop()
    }
    out.push(p)
  }
  return out
}

/** Halfway along a polyline, and whether the line runs across or up and down there. */
export function labelAnchorOf(points: readonly Point[]): Point & { along: 'across' | 'upright' | 'slanted' } {
  const p = midpointOf(points)
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1], b = points[i]
    const onIt = Math.abs(Math.hypot(p.x - a.x, p.y - a.y) + Math.hypot(b.x - p.x, b.y - p.y) - Math.hypot(b.x - a.x, b.y - a.y)) < 0.5
    if (!onIt) continue
    const along = a.y === b.y ? 'across' : a.x === b.x ? 'upright' : 'slanted'
    return { ...p, along }
  }
  return { ...p, along: 'slanted' }
}

/** The point halfway along a polyline (where a line's label sits). */
export function midpointOf(points: readonly Point[]): Point {
  if (points.length === 0) return { x: 0, y: 0 }
  let total = 0
  for (let i = 1; i < points.length; i++) total += Math.hypot(points[i].x - points[i - 1].x, points[i].y - points[i - 1].y)
  let left = total / 2
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1], b = points[i]
    const len = Math.hypot(b.x - a.x, b.y - a.y)
    if (len >= left && len > 0) return { x: a.x + ((b.x - a.x) * left) / len, y: a.y + ((b.y - a.y) * left) / len }
    left -= len
  }
  return points[points.length - 1]
}

/** An SVG path through the points with the corners rounded (radius shrinks on short legs). */
export function roundedPath(points: readonly Point[], radius = 10): string {
  if (points.length === 0) return ''
  let d = `M${points[0].x},${points[0].y}`
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i - 1], c = points[i], n = points[i + 1]
    const r = Math.min(radius, Math.hypot(c.x - p.x, c.y - p.y) / 2, Math.hypot(n.x - c.x, n.y - c.y) / 2)
    const inX = c.x - Math.sign(c.x - p.x) * r, inY = c.y - Math.sign(c.y - p.y) * r
    const outX = c.x + Math.sign(n.x - c.x) * r, outY = c.y + Math.sign(n.y - c.y) * r
    d += ` L${inX},${inY} Q${c.x},${c.y} ${outX},${outY}`
  }
  const last = points[points.length - 1]
  return `${d} L${last.x},${last.y}`
}

class MinHeap {
  private keys: number[] = []
  private vals: number[] = []
  get size(): number {
    return this.keys.length
  }
  push(k: number, v: number): void {
    const keys = this.keys, vals = this.vals
    let i = keys.length
    keys.push(k); vals.push(v)
    while (i > 0) {
      const p = (i - 1) >> 1
      if (keys[p] <= k) break
      keys[i] = keys[p]; vals[i] = vals[p]
      i = p
    }
    keys[i] = k; vals[i] = v
  }
  pop(): [number, number] {
    const keys = this.keys, vals = this.vals
    const top: [number, number] = [keys[0], vals[0]]
    const k = keys.pop()!, v = vals.pop()!
    if (keys.length) {
      let i = 0
      for (;;) {
        const l = 2 * i + 1, r = l + 1
        let m = i, mk = k
        if (l < keys.length && keys[l] < mk) { m = l; mk = keys[l] }
        if (r < keys.length && keys[r] < mk) { m = r }
        if (m === i) break
        keys[i] = keys[m]; vals[i] = vals[m]
        i = m
      }
      keys[i] = k; vals[i] = v
    }
    return top
  }
}
