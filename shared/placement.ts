import type { Deal, Link } from './model/deal'
import type { Position, Stakeholder } from './model/stakeholder'
import { cardSize, CARD_SIZE } from './card-size'

/** Gap kept between a new card and its neighbours. */
export const PLACEMENT_GAP = 32

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

function boxOf(s: Pick<Stakeholder, 'position' | 'influence'>): Box {
  return { ...s.position, ...cardSize(s.influence) }
}

function overlaps(a: Box, b: Box, gap: number): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap
}

export interface PlacementHint {
  /** Put the card under this manager (a reports-to line will follow). */
  managerId?: string
  /** Otherwise next to these cards (the current selection). */
  nearIds?: readonly string[]
  /** Otherwise here (e.g. the middle of the visible canvas, or where the user double-clicked). */
  fallback: Position
  /** When true, `fallback` is exactly where the user asked: start the search there. */
  exact?: boolean
  /**
   * The part of the map the user sees (map coordinates). A card the user did not place by
   * hand goes into this box when there is room, so it never appears off screen; next to a
   * manager the family wins and the view pans instead.
   */
  view?: Box
}

type PlacementDeal = Pick<Deal, 'stakeholders'> & { links?: readonly Pick<Link, 'from' | 'to' | 'kind'>[] }

/** The first free spot for a new medium card, searched outward from the preferred anchor. */
export function placeNewCard(deal: PlacementDeal, hint: PlacementHint, size = CARD_SIZE.medium): Position {
  const besideFamily = !!hint.managerId && deal.stakeholders.some((s) => s.id === hint.managerId)
  const view = hint.exact || besideFamily ? undefined : hint.view
  return findFreeSpot(deal.stakeholders.map(boxOf), anchorFor(deal, hint, size), size, PLACEMENT_GAP, view)
}

/** Several new cards (paste, duplicate) placed one after the other without overlaps. */
export function placeNewCards(deal: Pick<Deal, 'stakeholders'>, anchors: readonly Position[], sizes: readonly { width: number; height: number }[]): Position[] {
  const boxes = deal.stakeholders.map(boxOf)
  return anchors.map((anchor, i) => {
    const spot = findFreeSpot(boxes, anchor, sizes[i])
    boxes.push({ ...spot, ...sizes[i] })
    return spot
  })
}

function anchorFor(deal: PlacementDeal, hint: PlacementHint, size: { width: number; height: number }): Position {
  if (hint.exact) return { x: hint.fallback.x - size.width / 2, y: hint.fallback.y - size.height / 2 }
  const byId = new Map(deal.stakeholders.map((s) => [s.id, s]))
  const manager = hint.managerId ? byId.get(hint.managerId) : undefined
  if (manager) {
    const m = boxOf(manager)
    // Siblings read as a row under their manager: the next one goes right of the last.
    const reports = (deal.links ?? [])
      .filter((l) => l.kind === 'reports-to' && l.to === manager.id)
      .map((l) => byId.get(l.from))
      .filter((s): s is Stakeholder => !!s)
      .map(boxOf)
      .filter((b) => b.y > m.y)
    if (reports.length > 0) {
      const row = Math.min(...reports.map((b) => b.y))
      const right = Math.max(...reports.filter((b) => b.y === row).map((b) => b.x + b.width))
      return { x: right + PLACEMENT_GAP, y: row }
    }
    return { x: m.x + (m.width - size.width) / 2, y: m.y + m.height + PLACEMENT_GAP * 2 }
  }
  const near = (hint.nearIds ?? []).map((id) => byId.get(id)).filter((s): s is Stakeholder => !!s)
  if (near.length > 0) {
    const boxes = near.map(boxOf)
    const right = Math.max(...boxes.map((b) => b.x + b.width))
    const top = Math.min(...boxes.map((b) => b.y))
    return { x: right + PLACEMENT_GAP, y: top }
  }
  return { x: hint.fallback.x - size.width / 2, y: hint.fallback.y - size.height / 2 }
}

function inside(p: Position, size: { width: number; height: number }, view: Box): boolean {
  return p.x >= view.x && p.y >= view.y && p.x + size.width <= view.x + view.width && p.y + size.height <= view.y + view.height
}

/**
 * Try the anchor, then rings of candidate spots around it (nearest first, preferring
 * right and below), returning the first that touches no card. With a `view`, the first free
 * spot inside it wins; when the view has no room, the nearest free spot outside does.
 */
export function findFreeSpot(boxes: readonly Box[], anchor: Position, size: { width: number; height: number }, gap = PLACEMENT_GAP, view?: Box): Position {
  const stepX = size.width + gap
  const stepY = size.height + gap
  const fits = (p: Position) => !boxes.some((b) => overlaps({ ...p, ...size }, b, gap - 1))
  let start = { x: Math.round(anchor.x), y: Math.round(anchor.y) }
  if (view && view.width >= size.width && view.height >= size.height && !inside(start, size, view)) {
    // Bring the anchor into the view first, so the search starts where the user looks.
    start = {
      x: Math.round(Math.min(Math.max(start.x, view.x), view.x + view.width - size.width)),
      y: Math.round(Math.min(Math.max(start.y, view.y), view.y + view.height - size.height)),
    }
  }
  const wanted = (p: Position) => fits(p) && (!view || inside(p, size, view))
  if (wanted(start)) return start
  let outside: Position | undefined = view && fits(start) ? start : undefined
  for (let ring = 1; ring <= 60; ring++) {
    // Past the view's edge in every direction and a free spot already known: stop looking.
    if (view && outside && ring * stepX > view.width && ring * stepY > view.height) return outside
    const candidates: Array<{ p: Position; d: number }> = []
    for (let dx = -ring; dx <= ring; dx++) {
      for (let dy = -ring; dy <= ring; dy++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue
        const p = { x: start.x + dx * stepX, y: start.y + dy * stepY }
        // Distance in screen terms, with a small bias to the right and downward.
        const d = Math.hypot(dx * stepX, dy * stepY) - (dx > 0 ? 1 : 0) - (dy > 0 ? 0.5 : 0)
        candidates.push({ p, d })
      }
    }
    candidates.sort((a, b) => a.d - b.d)
    const free = candidates.find((c) => wanted(c.p))
    if (free) return free.p
    outside ??= candidates.find((c) => fits(c.p))?.p
    if (!view && outside) return outside
  }
  if (outside) return outside
  // A map this crowded: go below everything.
  const bottom = Math.max(...boxes.map((b) => b.y + b.height))
  return { x: start.x, y: bottom + gap }
}
