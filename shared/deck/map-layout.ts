import type { Stakeholder } from '../model'
import { MARGIN, SLIDE } from './theme'

/** Geometry of the map slides, in inches. Pure: no pptxgenjs here. */
export interface Rect {
  x: number
  y: number
  w: number
  h: number
}

/** A stakeholder card holds three lines of 9 pt text. */
export const CARD = { w: 1.7, h: 0.68 } as const
const GRID_GAP = { x: 0.28, y: 0.34 } as const
/** Cards placed from the app's positions must keep at least this much air between them. */
const MIN_AIR = 0.06
/** At most 1 inch per 100 app pixels, so a small map is not blown up across the slide. */
const MAX_SCALE = 0.01

export const MAP_AREA: Rect = { x: MARGIN - 0.1, y: 0.95, w: SLIDE.w - 2 * (MARGIN - 0.1), h: 5.35 }

export interface PlacedCard {
  stakeholder: Stakeholder
  rect: Rect
}

export interface MapPage {
  /** Undefined on a whole-map page. */
  department?: string
  page: number
  pages: number
  cards: PlacedCard[]
}

export interface DepartmentSummary {
  department: string
  people: Stakeholder[]
}

export type MapPlan =
  | { kind: 'empty' }
  | { kind: 'single'; page: MapPage }
  | { kind: 'paged'; overview: DepartmentSummary[][]; pages: MapPage[] }

/**
 * Place cards where the user put them on the canvas, scaled; null if any two would touch.
 * Width and height scale separately: an org chart is wide and shallow, a slide is not.
 */
export function fitByPosition(people: readonly Stakeholder[], area: Rect): PlacedCard[] | null {
  if (people.length === 0) return []
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity
  for (const p of people) {
    minX = Math.min(minX, p.position.x); maxX = Math.max(maxX, p.position.x)
    minY = Math.min(minY, p.position.y); maxY = Math.max(maxY, p.position.y)
  }
  const spanX = maxX - minX
  const spanY = maxY - minY
  const scaleX = spanX > 0 ? Math.min((area.w - CARD.w) / spanX, MAX_SCALE) : 0
  const scaleY = spanY > 0 ? Math.min((area.h - CARD.h) / spanY, MAX_SCALE) : 0
  const offsetX = area.x + (area.w - (spanX * scaleX + CARD.w)) / 2
  const offsetY = area.y + (area.h - (spanY * scaleY + CARD.h)) / 2
  const cards = people.map((stakeholder) => ({
    stakeholder,
    rect: { x: offsetX + (stakeholder.position.x - minX) * scaleX, y: offsetY + (stakeholder.position.y - minY) * scaleY, w: CARD.w, h: CARD.h },
  }))
  return anyTooClose(cards) ? null : cards
}

/** Spatial hash of cell = card + air: two cards can only touch if in neighbouring cells. O(n). */
function anyTooClose(cards: readonly PlacedCard[]): boolean {
  const cellW = CARD.w + MIN_AIR
  const cellH = CARD.h + MIN_AIR
  const cells = new Map<string, Rect[]>()
  for (const { rect } of cards) {
    const cx = Math.floor(rect.x / cellW)
    const cy = Math.floor(rect.y / cellH)
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const other of cells.get(`${cx + dx},${cy + dy}`) ?? []) {
          if (Math.abs(other.x - rect.x) < cellW && Math.abs(other.y - rect.y) < cellH) return true
        }
      }
    }
    const key = `${cx},${cy}`
    const bucket = cells.get(key)
    if (bucket) bucket.push(rect)
    else cells.set(key, [rect])
  }
  return false
}

export function gridCapacity(area: Rect, box: { w: number; h: number }, gap: { x: number; y: number }): { cols: number; rows: number } {
  return {
    cols: Math.max(1, Math.floor((area.w + gap.x) / (box.w + gap.x))),
    rows: Math.max(1, Math.floor((area.h + gap.y) / (box.h + gap.y))),
  }
}

/** Cells of a grid of `count` boxes, centred in the area, filled row by row. */
export function gridCells(count: number, area: Rect, box: { w: number; h: number }, gap: { x: number; y: number }): Rect[] {
  const { cols } = gridCapacity(area, box, gap)
  const usedCols = Math.min(cols, count)
  const usedRows = Math.ceil(count / cols)
  const left = area.x + (area.w - (usedCols * box.w + (usedCols - 1) * gap.x)) / 2
  const top = area.y + Math.max(0, (area.h - (usedRows * box.h + (usedRows - 1) * gap.y)) / 2)
  return Array.from({ length: count }, (_, i) => ({
    x: left + (i % cols) * (box.w + gap.x),
    y: top + Math.floor(i / cols) * (box.h + gap.y),
    w: box.w,
    h: box.h,
  }))
}

/** Reading order of the canvas (top to bottom, then left to right) keeps managers above. */
function byCanvasOrder(a: Stakeholder, b: Stakeholder): number {
  return a.position.y - b.position.y || a.position.x - b.position.x
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/** Pages showing these people: as placed if that fits, else a grid over as many pages as needed. */
function pagesFor(people: readonly Stakeholder[], department: string | undefined): MapPage[] {
  const placed = fitByPosition(people, MAP_AREA)
  if (placed) return [{ department, page: 1, pages: 1, cards: placed }]
  const { cols, rows } = gridCapacity(MAP_AREA, CARD, GRID_GAP)
  const groups = chunk([...people].sort(byCanvasOrder), cols * rows)
  return groups.map((group, i) => {
    const cells = gridCells(group.length, MAP_AREA, CARD, GRID_GAP)
    return { department, page: i + 1, pages: groups.length, cards: group.map((stakeholder, j) => ({ stakeholder, rect: cells[j] })) }
  })
}

export const OVERVIEW_BOX = { w: 2.85, h: 1.05 } as const
export const OVERVIEW_GAP = { x: 0.3, y: 0.22 } as const

/**
 * One slide if the whole map fits at a readable size; otherwise an overview of the
 * departments and then each department on its own slide(s).
 */
export function planMap(stakeholders: readonly Stakeholder[]): MapPlan {
  if (stakeholders.length === 0) return { kind: 'empty' }
  const whole = pagesFor(stakeholders, undefined)
  if (whole.length === 1) return { kind: 'single', page: whole[0] }

  const byDepartment = new Map<string, Stakeholder[]>()
  for (const s of stakeholders) {
    const key = s.department.trim()
    const list = byDepartment.get(key)
    if (list) list.push(s)
    else byDepartment.set(key, [s])
  }
  // Named departments alphabetically; people without a department last.
  const departments = [...byDepartment.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
  const summaries = departments.map((department) => ({ department, people: byDepartment.get(department)! }))
  const { cols, rows } = gridCapacity(MAP_AREA, OVERVIEW_BOX, OVERVIEW_GAP)
  return {
    kind: 'paged',
    overview: chunk(summaries, cols * rows),
    pages: summaries.flatMap((d) => pagesFor(d.people, d.department)),
  }
}
