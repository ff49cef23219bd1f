import type { Deal } from './model/deal'
import type { Position } from './model/stakeholder'
import { cardSize } from './card-size'
import { departmentKey } from './departments'
import { reportsToRoute, type Box } from './org-chart-route'

/**
 * The org chart as one pure function of the deal (see docs/layout.md): the map's "Tidy" and
 * the slide export draw the same positions and the same reports-to lines.
 *
 * A tree layout over rectangles ("blocks"): each person's block holds their card and, below
 * it, the blocks of their reports. Reports sit in rows under a horizontal bus; more than
 * `maxPerRow` reports wrap into balanced rows split left and right of a vertical spine that
 * runs down from the manager (the compact style of Dynamics 365 and Lucid org charts). A
 * block is exclusive to its subtree, so a line drawn inside it never passes behind another
 * person's card. Top-level blocks (people with no known manager) are ordered by department
 * and packed into shelves of a width chosen for a screen-shaped chart, so 1,000 people make
 * a chart, not a strip.
 */
export interface OrgChartOptions {
  /** Reports on one row before wrapping (about 6 keeps a row readable on one screen). */
  maxPerRow?: number
  /** Horizontal room between sibling blocks. */
  gapX?: number
  /** Vertical room between a manager's card and their reports' row (the bus runs in it). */
  gapY?: number
  /** Width of the lane the spine runs down when a manager's reports wrap. */
  spineLane?: number
  /** Width : height of the chart aimed at (the map's area, a slide): top-level blocks are packed to it. */
  aspect?: number
  /** The widest a manager's block may be for its height before their reports wrap. */
  maxAspect?: number
  /** Managers whose reports are hidden (a collapsed branch): they are laid out as leaves. */
  collapsed?: ReadonlySet<string>
}

export interface OrgChartMove {
  id: string
  position: Position
}

export interface OrgChartRoute {
  linkId: string
  managerId: string
  reportId: string
  /** Orthogonal polyline from the manager's bottom edge to the report's top edge. */
  points: Position[]
}

export interface OrgChartLayout {
  /** Top-left corner of each card laid out, in the deal's order. */
  positions: OrgChartMove[]
  /** The reports-to lines of the tree (one manager per person), routed bus style. */
  routes: OrgChartRoute[]
  bounds: Box
  /** The manager each person is drawn under (after cycles and second managers are set aside). */
  managerOf: ReadonlyMap<string, string>
}

export const ORG_CHART_DEFAULTS = { maxPerRow: 6, gapX: 24, gapY: 56, spineLane: 40, aspect: 1.6, maxAspect: 2 } as const

type Person = Deal['stakeholders'][number]

/** A laid-out subtree: its size, where its card sits in it, where each child block sits. */
interface Block {
  width: number
  height: number
  cardX: number
  children: Array<{ id: string; x: number; y: number }>
}

export function layoutOrgChart(deal: Pick<Deal, 'stakeholders' | 'links'>, options: OrgChartOptions = {}): OrgChartLayout {
  const o = { ...ORG_CHART_DEFAULTS, ...options }
  const { positions, managerOf } = orgChartPositions(deal, options)
  const people = new Map(deal.stakeholders.map((s) => [s.id, s]))
  const placed = new Map(positions.map((p) => [p.id, p.position]))
  const boxOf = (id: string): Box => ({ ...placed.get(id)!, ...cardSize(people.get(id)!.influence) })
  const routes: OrgChartRoute[] = []
  const treeLink = new Map<string, string>()
  for (const l of deal.links) {
    if (l.kind === 'reports-to' && managerOf.get(l.from) === l.to && !treeLink.has(l.from)) treeLink.set(l.from, l.id)
  }
  for (const s of deal.stakeholders) {
    const m = managerOf.get(s.id)
    if (m === undefined || !placed.has(s.id) || o.collapsed?.has(m)) continue
    routes.push({ linkId: treeLink.get(s.id)!, managerId: m, reportId: s.id, points: reportsToRoute(boxOf(m), boxOf(s.id), o.gapY / 2) })
  }
  return { positions, routes, bounds: boundsOf(positions.map((p) => boxOf(p.id))), managerOf }
}

/**
 * The chart's card positions alone, without its reports-to routes and bounds: what Tidy and
 * the slide planner need. The slide planner lays out hundreds of branches for a big deal;
 * routing every line of each was a fifth of its time (docs/performance.md, "Deck, part 2").
 */
export function orgChartPositions(deal: Pick<Deal, 'stakeholders' | 'links'>, options: OrgChartOptions = {}): Pick<OrgChartLayout, 'positions' | 'managerOf'> {
  const o = { ...ORG_CHART_DEFAULTS, ...options }
  const maxPerRow = Math.max(1, Math.floor(o.maxPerRow))
  const people = new Map(deal.stakeholders.map((s) => [s.id, s]))
  const managerOf = treeManagers(deal, people)
  const size = (id: string) => cardSize(people.get(id)!.influence)

  const reportsOf = new Map<string, string[]>()
  for (const s of deal.stakeholders) {
    const m = managerOf.get(s.id)
    if (m === undefined || o.collapsed?.has(m)) continue
    const list = reportsOf.get(m)
    if (list) list.push(s.id)
    else reportsOf.set(m, [s.id])
  }
  for (const [m, list] of reportsOf) reportsOf.set(m, orderSiblings(list.map((id) => people.get(id)!)))

  const blocks = new Map<string, Block>()
  const hidden = new Set<string>()
  // Post-order without recursion: a 10,000-deep reports-to chain must not blow the stack.
  const roots = deal.stakeholders.filter((s) => !managerOf.has(s.id))
  for (const root of roots) {
    const stack: Array<{ id: string; expanded: boolean }> = [{ id: root.id, expanded: false }]
    while (stack.length) {
      const top = stack[stack.length - 1]
      const kids = reportsOf.get(top.id) ?? []
      if (!top.expanded) {
        top.expanded = true
        for (let i = kids.length - 1; i >= 0; i--) stack.push({ id: kids[i], expanded: false })
        continue
      }
      stack.pop()
      blocks.set(top.id, layoutBlock(size(top.id), kids.map((k) => ({ id: k, block: blocks.get(k)!, card: size(k) })), maxPerRow, o))
    }
  }
  // People under a collapsed manager keep their place: they are not drawn.
  for (const s of deal.stakeholders) if (!blocks.has(s.id)) hidden.add(s.id)

  const placed = new Map<string, Position>()
  const placeTree = (rootId: string, x: number, y: number) => {
    const stack = [{ id: rootId, x, y }]
    while (stack.length) {
      const { id, x: bx, y: by } = stack.pop()!
      const b = blocks.get(id)!
      placed.set(id, { x: Math.round(bx + b.cardX), y: Math.round(by) })
      for (const c of b.children) stack.push({ id: c.id, x: bx + c.x, y: by + c.y })
    }
  }

  for (const shelfItem of packTopLevel(roots, blocks, reportsOf, size, maxPerRow, o)) {
    if (shelfItem.kind === 'tree') placeTree(shelfItem.id, shelfItem.x, shelfItem.y)
    else for (const p of shelfItem.cells) placed.set(p.id, p.position)
  }

  const positions: OrgChartMove[] = []
  for (const s of deal.stakeholders) {
    const p = placed.get(s.id)
    if (p && !hidden.has(s.id)) positions.push({ id: s.id, position: p })
  }
  return { positions, managerOf }
}

/**
 * One manager per person: the first reports-to line in the deal's order (a second one is a
 * matrix line, drawn but not laid out). A cycle is cut where it is met, deterministically:
 * whoever of the loop comes first in the deal sits at the top of it.
 */
function treeManagers(deal: Pick<Deal, 'stakeholders' | 'links'>, people: ReadonlyMap<string, Person>): Map<string, string> {
  const managerOf = new Map<string, string>()
  for (const l of deal.links) {
    if (l.kind !== 'reports-to' || l.from === l.to || !people.has(l.from) || !people.has(l.to) || managerOf.has(l.from)) continue
    managerOf.set(l.from, l.to)
  }
  const state = new Map<string, 'walking' | 'done'>()
  for (const s of deal.stakeholders) {
    const path: string[] = []
    let current: string | undefined = s.id
    while (current !== undefined && !state.has(current)) {
      state.set(current, 'walking')
      path.push(current)
      current = managerOf.get(current)
    }
    if (current !== undefined && state.get(current) === 'walking') {
      // The loop is path[from current …]: its first member in the deal's order loses their manager.
      const loop = path.slice(path.indexOf(current))
      const order = new Map(deal.stakeholders.map((p, i) => [p.id, i]))
      const first = loop.reduce((a, b) => (order.get(a)! <= order.get(b)! ? a : b))
      managerOf.delete(first)
    }
    for (const id of path) state.set(id, 'done')
  }
  return managerOf
}

/**
 * Siblings by department (departments kept together, in the order the map already shows them,
 * by leftmost card), then by where they stand now, so a user who drags a card left and tidies
 * again sees it move left; name and id settle ties for a stable, deterministic order.
 */
export function orderSiblings(siblings: readonly Person[]): string[] {
  const groupX = new Map<string, number>()
  for (const s of siblings) {
    const k = departmentKey(s.department)
    groupX.set(k, Math.min(groupX.get(k) ?? Infinity, s.position.x))
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
  return [...siblings]
    .sort((a, b) => {
      const ka = departmentKey(a.department)
      const kb = departmentKey(b.department)
      return (groupX.get(ka)! - groupX.get(kb)!) || cmp(ka, kb) || (a.position.x - b.position.x) || cmp(a.name, b.name) || cmp(a.id, b.id)
    })
    .map((s) => s.id)
}

interface Kid {
  id: string
  block: Block
  card: { width: number; height: number }
}

/** Balanced rows: 7 reports at 6 a row make rows of 4 and 3, not 6 and 1. */
export function rowsOf<T>(items: readonly T[], maxPerRow: number): T[][] {
  const count = Math.ceil(items.length / maxPerRow)
  const per = Math.ceil(items.length / Math.max(1, count))
  const rows: T[][] = []
  for (let i = 0; i < items.length; i += per) rows.push(items.slice(i, i + per))
  return rows
}

/**
 * A manager's block at the widest row length that keeps it no wider than `maxAspect` times
 * its height: deep, bushy branches wrap into more rows, so the whole chart stays screen-shaped
 * (a 1,000-person org laid out one row per level is a strip 40 screens wide). Up to three
 * reports with no reports of their own always share one row; up to twelve take two rows at most.
 */
function layoutBlock(card: { width: number; height: number }, kids: readonly Kid[], maxPerRow: number, o: Required<Omit<OrgChartOptions, 'collapsed'>>): Block {
  const k = kids.length
  if (k <= 1 || (k <= 3 && kids.every((kid) => kid.block.children.length === 0))) return layoutRows(card, kids, maxPerRow, o)
  let best: Block | null = null
  // Up to two rows of six read as one team: those never wrap further.
  const fewest = k <= 2 * maxPerRow ? Math.max(2, Math.ceil(k / 2)) : 2
  for (let perRow = Math.min(k, maxPerRow); perRow >= fewest; perRow--) {
    best = layoutRows(card, kids, perRow, o)
    if (best.width <= o.maxAspect * best.height) break
  }
  return best!
}

function layoutRows(card: { width: number; height: number }, kids: readonly Kid[], maxPerRow: number, o: Required<Omit<OrgChartOptions, 'collapsed'>>): Block {
  if (kids.length === 0) return { width: card.width, height: card.height, cardX: 0, children: [] }
  const rowTop0 = card.height + o.gapY
  const children: Array<{ id: string; x: number; y: number }> = []
  let minX: number
  let maxX: number
  let bottom: number
  let anchor: number
  if (kids.length <= maxPerRow) {
    // One row under the bus; the manager over the middle of their first and last report.
    let x = 0
    bottom = rowTop0
    for (const k of kids) {
      children.push({ id: k.id, x, y: rowTop0 })
      x += k.block.width + o.gapX
      bottom = Math.max(bottom, rowTop0 + k.block.height)
    }
    const first = kids[0]
    const last = kids[kids.length - 1]
    const c0 = first.block.cardX + first.card.width / 2
    const c1 = children[children.length - 1].x + last.block.cardX + last.card.width / 2
    anchor = (c0 + c1) / 2
    minX = Math.min(0, anchor - card.width / 2)
    maxX = Math.max(x - o.gapX, anchor + card.width / 2)
  } else {
    // Wrapped: each row split round a lane under the manager, down which the spine runs.
    anchor = 0
    minX = -card.width / 2
    maxX = card.width / 2
    let top = rowTop0
    for (const row of rowsOf(kids, maxPerRow)) {
      const leftCount = Math.ceil(row.length / 2)
      let x = -o.spineLane / 2
      for (let i = leftCount - 1; i >= 0; i--) {
        x -= row[i].block.width
        children.push({ id: row[i].id, x, y: top })
        minX = Math.min(minX, x)
        x -= o.gapX
      }
      x = o.spineLane / 2
      for (let i = leftCount; i < row.length; i++) {
        children.push({ id: row[i].id, x, y: top })
        x += row[i].block.width
        maxX = Math.max(maxX, x)
        x += o.gapX
      }
      const rowBottom = top + Math.max(...row.map((k) => k.block.height))
      top = rowBottom + o.gapY
    }
    bottom = top - o.gapY
    // Children were pushed left part right-to-left: restore reading order.
    const order = new Map(kids.map((k, i) => [k.id, i]))
    children.sort((a, b) => order.get(a.id)! - order.get(b.id)!)
  }
  return {
    width: maxX - minX,
    height: bottom,
    cardX: anchor - card.width / 2 - minX,
    children: children.map((c) => ({ ...c, x: c.x - minX })),
  }
}

type ShelfItem =
  | { kind: 'tree'; id: string; x: number; y: number }
  | { kind: 'loose'; cells: OrgChartMove[] }

/**
 * The top level: each department's trees, then its people with neither manager nor reports
 * (in a grid), departments left to right, packed into shelves so the chart keeps a screen's
 * shape. Every block is top-aligned in its shelf: the first shelf is the top row.
 */
function packTopLevel(
  roots: readonly Person[], blocks: ReadonlyMap<string, Block>, reportsOf: ReadonlyMap<string, string[]>,
  size: (id: string) => { width: number; height: number }, maxPerRow: number, o: Required<Omit<OrgChartOptions, 'collapsed'>>,
): ShelfItem[] {
  const ordered = orderSiblings(roots)
  const byDept = new Map<string, { trees: string[]; loose: string[] }>()
  const personOf = new Map(roots.map((r) => [r.id, r]))
  for (const id of ordered) {
    const k = departmentKey(personOf.get(id)!.department)
    let g = byDept.get(k)
    if (!g) byDept.set(k, (g = { trees: [], loose: [] }))
    if ((reportsOf.get(id)?.length ?? 0) > 0) g.trees.push(id)
    else g.loose.push(id)
  }
  type Item = { width: number; height: number; loose: boolean; place: (x: number, y: number) => ShelfItem }
  const items: Item[] = []
  for (const g of byDept.values()) {
    for (const id of g.trees) {
      const b = blocks.get(id)!
      items.push({ width: b.width, height: b.height, loose: false, place: (x, y) => ({ kind: 'tree', id, x, y }) })
    }
    if (g.loose.length) {
      const rows = rowsOf(g.loose, maxPerRow)
      const colW = Math.max(...g.loose.map((id) => size(id).width))
      const rowH = Math.max(...g.loose.map((id) => size(id).height))
      const cols = rows[0].length
      items.push({
        width: cols * colW + (cols - 1) * o.gapX,
        height: rows.length * rowH + (rows.length - 1) * o.gapX,
        loose: true,
        place: (x, y) => ({
          kind: 'loose',
          cells: rows.flatMap((row, r) => row.map((id, c) => ({ id, position: { x: Math.round(x + c * (colW + o.gapX)), y: Math.round(y + r * (rowH + o.gapX)) } }))),
        }),
      })
    }
  }
  const gap = o.gapX * 3
  const area = items.reduce((sum, it) => sum + (it.width + gap) * (it.height + gap), 0)
  // Wide enough for the widest chart with one block of loose people beside it: a big tree and
  // a few people without a manager share the top row.
  const widest = Math.max(...items.map((it) => it.width))
  const widestLoose = Math.max(0, ...items.filter((it) => it.loose).map((it) => it.width))
  const shelfWidth = Math.max(widest + (widestLoose ? gap + widestLoose : 0), Math.sqrt(area * o.aspect))
  const out: ShelfItem[] = []
  let x = 0
  let y = 0
  let shelfHeight = 0
  for (const it of items) {
    if (x > 0 && x + it.width > shelfWidth) {
      x = 0
      y += shelfHeight + o.gapY * 2
      shelfHeight = 0
    }
    out.push(it.place(x, y))
    x += it.width + gap
    shelfHeight = Math.max(shelfHeight, it.height)
  }
  return out
}

function boundsOf(boxes: readonly Box[]): Box {
  if (boxes.length === 0) return { x: 0, y: 0, width: 0, height: 0 }
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity
  for (const b of boxes) {
    x0 = Math.min(x0, b.x)
    y0 = Math.min(y0, b.y)
    x1 = Math.max(x1, b.x + b.width)
    y1 = Math.max(y1, b.y + b.height)
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }
}
