import type { LinkKind } from '../model'
import { escapeXml } from '../xml'
import type { Rect } from './map-plan'
import { EMU_PER_INCH, LINK_STYLE } from './theme'

/**
 * Glued elbow connectors. pptxgenjs only draws free-floating lines, so the map slides record
 * which named shapes each line joins, and `finishSlideXml` writes real `p:cxnSp` elements
 * (`bentConnector3`) whose `a:stCxn`/`a:endCxn` point at the shapes' ids and connection
 * sites: PowerPoint then re-routes a line and keeps it attached when the user moves a card.
 */

/** Connection sites of `rect`/`roundRect` in DrawingML's preset order. */
export const SITE = { top: 0, left: 1, bottom: 2, right: 3 } as const
export type Site = (typeof SITE)[keyof typeof SITE]

interface Point {
  x: number
  y: number
}

export interface ConnectorSpec {
  fromName: string
  toName: string
  fromSite: Site
  toSite: Site
  /** The line's start and end on the slide, inches. */
  start: Point
  end: Point
  /**
   * `h`: across, down or up, across (sites on the left and right); `v`: down or up, across,
   * down or up (sites on the top and bottom). `middle` is where the middle leg runs.
   */
  orientation: 'h' | 'v'
  middle: number
  kind: LinkKind
  /** Arrowhead at the end. */
  arrow: boolean
}

export interface SlideConnectors {
  /** 1-based, as in ppt/slides/slideN.xml. */
  slideNumber: number
  connectors: ConnectorSpec[]
  /**
   * Shape names of the cards: each card and its chips (shapes named "<card>: …" right after
   * it) become one group, so a card dragged in PowerPoint takes its stance, owners and marks along.
   */
  cards?: readonly string[]
}

export function sitePoint(rect: Rect, site: Site): Point {
  switch (site) {
    case SITE.top: return { x: rect.x + rect.w / 2, y: rect.y }
    case SITE.bottom: return { x: rect.x + rect.w / 2, y: rect.y + rect.h }
    case SITE.left: return { x: rect.x, y: rect.y + rect.h / 2 }
    default: return { x: rect.x + rect.w, y: rect.y + rect.h / 2 }
  }
}

/** The path the connector draws, as PowerPoint draws a `bentConnector3`. */
export function connectorPath(spec: Pick<ConnectorSpec, 'start' | 'end' | 'orientation' | 'middle'>): Point[] {
  const { start: s, end: e, middle: m } = spec
  return spec.orientation === 'h'
    ? [s, { x: m, y: s.y }, { x: m, y: e.y }, e]
    : [s, { x: s.x, y: m }, { x: e.x, y: m }, e]
}

/** A reports-to line: from the manager's bottom to the report's top, across on the bus. */
export function reportsToConnector(managerName: string, manager: Rect, reportName: string, report: Rect, busY: number): ConnectorSpec {
  return {
    fromName: managerName, toName: reportName, fromSite: SITE.bottom, toSite: SITE.top,
    start: sitePoint(manager, SITE.bottom), end: sitePoint(report, SITE.top),
    orientation: 'v', middle: busY, kind: 'reports-to', arrow: LINK_STYLE['reports-to'].arrow,
  }
}

/** How far a leg runs out of a card before it turns, when both ends leave on the same side. */
const STUB = 0.18

/**
 * A lateral line (influences, ally, conflict, a second manager): between the nearest side
 * sites of the two cards whose elbow path stays clear of the obstacles (every other card,
 * not the two it joins) and of the two cards' insides. Among the clear
 * candidates the shortest wins; null if none is clear (the slide then tells the line in
 * words rather than draw it behind a card).
 */
export function lateralConnector(
  fromName: string, from: Rect, toName: string, to: Rect, kind: LinkKind, obstacles: readonly Rect[],
): ConnectorSpec | null {
  const arrow = LINK_STYLE[kind].arrow
  const candidates: ConnectorSpec[] = []
  const add = (fromSite: Site, toSite: Site, orientation: 'h' | 'v', middle: number) => {
    candidates.push({ fromName, toName, fromSite, toSite, start: sitePoint(from, fromSite), end: sitePoint(to, toSite), orientation, middle, kind, arrow })
  }
  const fractions = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9, 0.05, 0.95]
  const stubs = [1, 2, 3, 4, 6]
  for (const [fs, ts] of [[SITE.right, SITE.left], [SITE.left, SITE.right], [SITE.right, SITE.right], [SITE.left, SITE.left]] as const) {
    const a = sitePoint(from, fs).x
    const b = sitePoint(to, ts).x
    if (fs !== ts) {
      // Facing sides only: the middle leg runs in the gap between the cards.
      if ((fs === SITE.right) !== (a < b)) continue
      for (const f of fractions) add(fs, ts, 'h', a + (b - a) * f)
    } else {
      for (const k of stubs) add(fs, ts, 'h', fs === SITE.right ? Math.max(a, b) + k * STUB : Math.min(a, b) - k * STUB)
    }
  }
  for (const [fs, ts] of [[SITE.bottom, SITE.top], [SITE.top, SITE.bottom], [SITE.top, SITE.top], [SITE.bottom, SITE.bottom]] as const) {
    const a = sitePoint(from, fs).y
    const b = sitePoint(to, ts).y
    if (fs !== ts) {
      if ((fs === SITE.bottom) !== (a < b)) continue
      for (const f of fractions) add(fs, ts, 'v', a + (b - a) * f)
    } else {
      for (const k of stubs) add(fs, ts, 'v', fs === SITE.bottom ? Math.max(a, b) + k * STUB : Math.min(a, b) - k * STUB)
    }
  }
  let best: ConnectorSpec | null = null
  let bestLength = Infinity
  for (const c of candidates) {
    const path = connectorPath(c)
    const length = pathLength(path)
    if (length < bestLength && pathIsClear(path, obstacles, from, to)) {
      best = c
      bestLength = length
    }
  }
  return best
}

function pathLength(points: readonly Point[]): number {
  let total = 0
  for (let i = 1; i < points.length; i++) total += Math.abs(points[i].x - points[i - 1].x) + Math.abs(points[i].y - points[i - 1].y)
  return total
}

/** Air kept between a line and a card it passes. */
const CLEARANCE = 0.07

/** Does the path keep out of every card (its own two included: it only touches their edges)? */
export function pathIsClear(points: readonly Point[], others: readonly Rect[], from?: Rect, to?: Rect): boolean {
  for (let i = 1; i < points.length; i++) {
    const p = points[i - 1]
    const q = points[i]
    for (const r of others) if (segmentHits(p, q, r, -CLEARANCE)) return false
    for (const r of [from, to]) if (r && segmentHits(p, q, r, CLEARANCE)) return false
  }
  return true
}

/** Does an axis-parallel segment enter the rect grown by `-inset` (shrunk by a positive inset)? */
export function segmentHits(p: Point, q: Point, r: Rect, inset: number): boolean {
  const x1 = Math.min(p.x, q.x), x2 = Math.max(p.x, q.x), y1 = Math.min(p.y, q.y), y2 = Math.max(p.y, q.y)
  return x1 < r.x + r.w - inset && x2 > r.x + inset && y1 < r.y + r.h - inset && y2 > r.y + inset
}

const emu = (inches: number): number => Math.round(inches * EMU_PER_INCH)

/**
 * The least length along a connector's frame: two sites level with each other (both tops of
 * one row) leave the frame no length for `adj1` to scale, so it gets this much (0.1 mm).
 */
const MIN_FRAME = 0.004

/** Signed length, at least MIN_FRAME. */
const along = (d: number): number => (Math.abs(d) >= MIN_FRAME ? d : MIN_FRAME)

/**
 * The transform of a `bentConnector3` from start to end. Its preset path runs across, down,
 * across in its own frame; a vertical-first line is that frame turned a quarter clockwise,
 * with flips (applied before the turn) to put the start at the right corner.
 */
export function connectorTransform(spec: Pick<ConnectorSpec, 'start' | 'end' | 'orientation' | 'middle'>): { xfrm: string; adj: number } {
  const { start: s, end: e } = spec
  const cx = (s.x + e.x) / 2
  const cy = (s.y + e.y) / 2
  if (spec.orientation === 'h') {
    const dx = along(e.x - s.x)
    const w = Math.abs(dx)
    const h = Math.abs(e.y - s.y)
    const flips = (dx < 0 ? ' flipH="1"' : '') + (e.y < s.y ? ' flipV="1"' : '')
    const adj = Math.round(((spec.middle - s.x) / dx) * 100_000)
    return { xfrm: `<a:xfrm${flips}><a:off x="${emu(cx - w / 2)}" y="${emu(cy - h / 2)}"/><a:ext cx="${emu(w)}" cy="${emu(h)}"/></a:xfrm>`, adj }
  }
  // Turned a quarter: the frame's width is the line's height and the other way round.
  const dy = along(e.y - s.y)
  const w = Math.abs(dy)
  const h = Math.abs(e.x - s.x)
  const flips = (dy < 0 ? ' flipH="1"' : '') + (e.x > s.x ? ' flipV="1"' : '')
  const adj = Math.round(((spec.middle - s.y) / dy) * 100_000)
  return { xfrm: `<a:xfrm rot="5400000"${flips}><a:off x="${emu(cx - w / 2)}" y="${emu(cy - h / 2)}"/><a:ext cx="${emu(w)}" cy="${emu(h)}"/></a:xfrm>`, adj }
}

function connectorXml(spec: ConnectorSpec, id: number, fromId: number, toId: number): string {
  const style = LINK_STYLE[spec.kind]
  const dash = style.dash === 'solid' ? '' : `<a:prstDash val="${style.dash}"/>`
  const arrow = spec.arrow ? '<a:tailEnd type="triangle" w="med" len="med"/>' : ''
  const { xfrm, adj } = connectorTransform(spec)
  const name = escapeXml(`${spec.kind}: ${spec.fromName} → ${spec.toName}`)
  return (
    `<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="${id}" name="${name}"/>` +
    `<p:cNvCxnSpPr><a:stCxn id="${fromId}" idx="${spec.fromSite}"/><a:endCxn id="${toId}" idx="${spec.toSite}"/></p:cNvCxnSpPr><p:nvPr/></p:nvCxnSpPr>` +
    `<p:spPr>${xfrm}<a:prstGeom prst="bentConnector3"><a:avLst><a:gd name="adj1" fmla="val ${adj}"/></a:avLst></a:prstGeom>` +
    `<a:ln w="${Math.round(style.widthPt * 12_700)}"><a:solidFill><a:srgbClr val="${style.color}"/></a:solidFill>${dash}${arrow}</a:ln>` +
    `</p:spPr></p:cxnSp>`
  )
}

const NAMED_ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** A shape name as written in the XML, back as text (pptxgenjs escapes names its own way). */
function unescapeName(name: string): string {
  return name.includes('&')
    ? name.replace(/&(amp|lt|gt|quot|apos|#(\d+)|#x([0-9a-f]+));/gi, (m, e: string, dec?: string, hex?: string) =>
        dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : NAMED_ENTITY[e.toLowerCase()] ?? m)
    : name
}

const CNVPR = /<p:cNvPr id="\d+" name="([^"]*)"/g

/**
 * Renumber every shape id on the slide 1, 2, 3… (pptxgenjs can give a table the id of a
 * shape) and add the slide's connectors beneath the shapes, in one pass over the XML each.
 * Shapes are found by name, so every card's name must be unique on its slide.
 */
export function finishSlideXml(xml: string, connectors: readonly ConnectorSpec[], cards: readonly string[] = []): string {
  let next = 0
  const idByName = new Map<string, number>()
  const renumbered = xml.replace(CNVPR, (_match, name: string) => {
    next += 1
    const plain = unescapeName(name)
    if (plain && !idByName.has(plain)) idByName.set(plain, next)
    return `<p:cNvPr id="${next}" name="${name}"`
  })
  if (connectors.length === 0 && cards.length === 0) return renumbered
  const parts: string[] = []
  for (const spec of connectors) {
    const fromId = idByName.get(spec.fromName)
    const toId = idByName.get(spec.toName)
    if (fromId === undefined || toId === undefined) throw new Error(`A connector refers to a shape that is not on the slide (${spec.fromName} → ${spec.toName})`)
    next += 1
    parts.push(connectorXml(spec, next, fromId, toId))
  }
  const grouped = cards.length ? groupCards(renumbered, new Set(cards), () => ++next) : renumbered
  // Right after the shape tree's own properties, so lines sit beneath the boxes they join.
  const anchor = grouped.indexOf('</p:grpSpPr>')
  if (anchor < 0) throw new Error('The slide has no shape tree')
  const at = anchor + '</p:grpSpPr>'.length
  return grouped.slice(0, at) + parts.join('') + grouped.slice(at)
}

const SHAPE = /<p:sp>[\s\S]*?<\/p:sp>/g
const NAME = /<p:cNvPr id="\d+" name="([^"]*)"/
const OFF = /<a:off x="(-?\d+)" y="(-?\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/>/

/** Wrap each card and the chips that follow it in one `p:grpSp` named after the card. */
function groupCards(xml: string, cards: ReadonlySet<string>, nextId: () => number): string {
  const out: string[] = []
  let last = 0
  let open: { name: string; shapes: string[] } | null = null
  const close = () => {
    if (!open) return
    out.push(groupXml(open.name, open.shapes, nextId()))
    open = null
  }
  for (const m of xml.matchAll(SHAPE)) {
    const between = xml.slice(last, m.index)
    const name = unescapeName(NAME.exec(m[0])?.[1] ?? '')
    const current = open as { name: string; shapes: string[] } | null
    if (current && between.trim() === '' && name.startsWith(`${current.name}: `)) {
      current.shapes.push(m[0])
    } else {
      close()
      out.push(between)
      if (cards.has(name)) open = { name, shapes: [m[0]] }
      else out.push(m[0])
    }
    last = m.index + m[0].length
  }
  close()
  out.push(xml.slice(last))
  return out.join('')
}

function groupXml(name: string, shapes: readonly string[], id: number): string {
  let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity
  for (const sp of shapes) {
    const m = OFF.exec(sp)
    if (!m) continue
    const [x, y, w, h] = m.slice(1).map(Number)
    x1 = Math.min(x1, x); y1 = Math.min(y1, y); x2 = Math.max(x2, x + w); y2 = Math.max(y2, y + h)
  }
  const box = `<a:off x="${x1}" y="${y1}"/><a:ext cx="${x2 - x1}" cy="${y2 - y1}"/><a:chOff x="${x1}" y="${y1}"/><a:chExt cx="${x2 - x1}" cy="${y2 - y1}"/>`
  return `<p:grpSp><p:nvGrpSpPr><p:cNvPr id="${id}" name="${escapeXml(name)}"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm>${box}</a:xfrm></p:grpSpPr>${shapes.join('')}</p:grpSp>`
}
