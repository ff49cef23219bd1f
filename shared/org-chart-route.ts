import type { Position } from './model/stakeholder'

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

/** How far above a report's card the bus of their row runs (half the org chart's level gap). */
export const BUS_OFFSET = 28

/**
 * A reports-to line, bus style: down from the middle of the manager's bottom edge, along the
 * bus just above the report's row, down into the middle of the report's top edge. The org
 * chart layout keeps that path clear of every other card; the map draws the same path from
 * wherever the two cards stand, so a tidied chart looks the same on the map and on a slide.
 * A report dragged above their manager gets a plain elbow between the two.
 */
export function reportsToRoute(manager: Box, report: Box, busOffset = BUS_OFFSET): Position[] {
  const mx = manager.x + manager.width / 2
  const from = manager.y + manager.height
  const rx = report.x + report.width / 2
  const to = report.y
  const bus = to - busOffset >= from ? to - busOffset : (from + to) / 2
  if (mx === rx) return [{ x: mx, y: from }, { x: rx, y: to }]
  return [{ x: mx, y: from }, { x: mx, y: bus }, { x: rx, y: bus }, { x: rx, y: to }]
}

/** An SVG path through the points (straight segments). */
export function polylinePath(points: readonly Position[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ')
}
