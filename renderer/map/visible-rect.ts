import type { ReactFlowInstance } from '@xyflow/react'

/**
 * Screen pixels kept free at each edge of the canvas: the legend, the minimap and the zoom
 * buttons sit there, and a new card hidden under them is as lost as one off screen.
 */
const EDGE_PX = { left: 64, right: 64, top: 24, bottom: 140 }

/** The map-coordinate box a user actually sees on the canvas. */
export function visibleFlowRect(flow: Pick<ReactFlowInstance, 'screenToFlowPosition'>): { x: number; y: number; width: number; height: number } | undefined {
  const pane = document.querySelector('.map-canvas')?.getBoundingClientRect()
  if (!pane || pane.width <= 0 || pane.height <= 0) return undefined
  const left = pane.width > EDGE_PX.left + EDGE_PX.right + 100 ? EDGE_PX.left : 0
  const right = left ? EDGE_PX.right : 0
  const top = pane.height > EDGE_PX.top + EDGE_PX.bottom + 100 ? EDGE_PX.top : 0
  const bottom = top ? EDGE_PX.bottom : 0
  const a = flow.screenToFlowPosition({ x: pane.left + left, y: pane.top + top }, { snapToGrid: false })
  const b = flow.screenToFlowPosition({ x: pane.right - right, y: pane.bottom - bottom }, { snapToGrid: false })
  return { x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y }
}
