import type { Link, Stakeholder } from '../model'
import { cardSize } from '../card-size'
import type { OrgChartOptions } from '../org-chart'
import { reportsToRoute, type Box } from '../org-chart-route'
import { MARGIN, SLIDE } from './theme'

/**
 * The map slides' measures (docs/slides.md): the slide's map area, the scales at which a card
 * reads, the chart's spacing on a slide, and whether the positions a map stores make a clean
 * chart the deck can keep.
 */
type Person = Stakeholder

export interface Rect {
  x: number
  y: number
  w: number
  h: number
}

/** Inches per app pixel at which a card's name is 12 pt and its other lines 10 pt. */
export const MIN_SCALE = 0.0074
/** A small map is not blown up across the slide: cards and text grow at most this much. */
export const MAX_SCALE = MIN_SCALE * 1.4

export const MAP_AREA: Rect = { x: MARGIN - 0.1, y: 0.98, w: SLIDE.w - 2 * (MARGIN - 0.1), h: 5.5 }

/** A slide is wider than a screen: the chart is packed to its shape, a little tighter. */
export const SLIDE_CHART: OrgChartOptions = { aspect: MAP_AREA.w / MAP_AREA.h, gapX: 16, gapY: 40, maxPerRow: 7, maxAspect: 4 }
const BUS_OFFSET_PX = (SLIDE_CHART.gapY ?? 40) / 2
/** Cards placed by hand must keep this many pixels between them. */
const MIN_AIR_PX = 8

/** A card's size in app pixels, as the map draws it. */
export function size(p: Person): { width: number; height: number } {
  return cardSize(p.influence)
}

/** Inches per app pixel at which these boxes fill `area` (at most MAX_SCALE). */
export function scaleFor(boxes: ReadonlyMap<string, Box>, area: Rect): number {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity
  for (const b of boxes.values()) {
    minX = Math.min(minX, b.x); minY = Math.min(minY, b.y)
    maxX = Math.max(maxX, b.x + b.width); maxY = Math.max(maxY, b.y + b.height)
  }
  return Math.min(area.w / (maxX - minX), area.h / (maxY - minY), MAX_SCALE)
}

/**
 * The stored positions, if they make a clean chart: no two cards closer than a few pixels
 * and every reports-to line (drawn bus style, as the map draws it) clear of other cards.
 */
export function boxesAsStored(people: readonly Person[], links: readonly Link[]): Map<string, Box> | null {
  const boxes = new Map(people.map((p) => [p.id, { ...p.position, ...size(p) }]))
  const list = [...boxes.entries()]
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      if (boxesTouch(list[i][1], list[j][1], MIN_AIR_PX)) return null
    }
  }
  for (const l of links) {
    if (l.kind !== 'reports-to') continue
    const route = reportsToRoute(boxes.get(l.to)!, boxes.get(l.from)!, BUS_OFFSET_PX)
    for (const [id, b] of list) {
      if (id === l.from || id === l.to) continue
      for (let k = 1; k < route.length; k++) {
        if (segmentHitsBox(route[k - 1], route[k], b)) return null
      }
    }
    // A report drawn above their manager makes no org chart.
    if (route[route.length - 1].y < route[0].y) return null
  }
  return boxes
}

function boxesTouch(a: Box, b: Box, air: number): boolean {
  return a.x < b.x + b.width + air && b.x < a.x + a.width + air && a.y < b.y + b.height + air && b.y < a.y + a.height + air
}

/** Does an axis-parallel segment pass through the box's inside? */
function segmentHitsBox(p: { x: number; y: number }, q: { x: number; y: number }, b: Box): boolean {
  const x1 = Math.min(p.x, q.x), x2 = Math.max(p.x, q.x), y1 = Math.min(p.y, q.y), y2 = Math.max(p.y, q.y)
  return x1 < b.x + b.width && x2 > b.x && y1 < b.y + b.height && y2 > b.y
}

/** The bus of a reports-to line between two cards on a slide: half the level gap above the report. */
export function busYBetween(manager: Rect, report: Rect, scale: number): number {
  const route = reportsToRoute(
    { x: manager.x, y: manager.y, width: manager.w, height: manager.h },
    { x: report.x, y: report.y, width: report.w, height: report.h },
    BUS_OFFSET_PX * scale,
  )
  return route.length === 4 ? route[1].y : (route[0].y + route[route.length - 1].y) / 2
}
