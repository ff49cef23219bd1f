import type { InternalNode } from '@xyflow/react'
import type { Point, Rect } from '@shared/edge-routing'

/** A node's box on the canvas as React Flow holds it right now (mid-drag included). */
export function liveRect(node: InternalNode): Rect {
  return {
    x: node.internals.positionAbsolute.x,
    y: node.internals.positionAbsolute.y,
    width: node.measured.width ?? 0,
    height: node.measured.height ?? 0,
  }
}

/** True when the point sits on the border of the box (within half a pixel). */
export function onBorder(p: Point, r: Rect): boolean {
  const e = 0.5
  const withinX = p.x >= r.x - e && p.x <= r.x + r.width + e
  const withinY = p.y >= r.y - e && p.y <= r.y + r.height + e
  const onVertical = Math.abs(p.x - r.x) <= e || Math.abs(p.x - r.x - r.width) <= e
  const onHorizontal = Math.abs(p.y - r.y) <= e || Math.abs(p.y - r.y - r.height) <= e
  return (onVertical && withinY) || (onHorizontal && withinX)
}

/** A route still fits while its ends sit on the two cards; a card being dragged breaks it. */
export function routeFits(route: readonly Point[] | undefined, a: Rect, b: Rect): route is Point[] {
  return !!route && route.length >= 2 && onBorder(route[0], a) && onBorder(route[route.length - 1], b)
}
