import { memo } from 'react'
import { BaseEdge, getBezierPath, Position, useInternalNode, type EdgeProps, type InternalNode } from '@xyflow/react'
import type { LinkEdge } from './derive-graph'

/**
 * Influences / ally / conflict lines float between the nearest sides of the two cards,
 * so a line between peers does not loop round through the top and bottom handles.
 */
function centre(node: InternalNode) {
  const w = node.measured.width ?? 0
  const h = node.measured.height ?? 0
  return { x: node.internals.positionAbsolute.x + w / 2, y: node.internals.positionAbsolute.y + h / 2, w, h }
}

/** Where the segment from a's centre towards b's centre leaves a's box, and on which side. */
export function borderPoint(a: { x: number; y: number; w: number; h: number }, b: { x: number; y: number }): { x: number; y: number; side: Position } {
  const dx = b.x - a.x
  const dy = b.y - a.y
  if (dx === 0 && dy === 0) return { x: a.x, y: a.y, side: Position.Bottom }
  const sx = a.w / 2 / Math.abs(dx || 1e-9)
  const sy = a.h / 2 / Math.abs(dy || 1e-9)
  if (sx < sy) return { x: a.x + Math.sign(dx) * (a.w / 2), y: a.y + dy * sx, side: dx > 0 ? Position.Right : Position.Left }
  return { x: a.x + dx * sy, y: a.y + Math.sign(dy) * (a.h / 2), side: dy > 0 ? Position.Bottom : Position.Top }
}

export const RelationEdge = memo(function RelationEdge({ id, source, target, markerEnd, style, interactionWidth }: EdgeProps<LinkEdge>) {
  const s = useInternalNode(source)
  const t = useInternalNode(target)
  if (!s || !t) return null
  const a = centre(s)
  const b = centre(t)
  const from = borderPoint(a, b)
  const to = borderPoint(b, a)
  const [path] = getBezierPath({
    sourceX: from.x, sourceY: from.y, sourcePosition: from.side,
    targetX: to.x, targetY: to.y, targetPosition: to.side,
    curvature: 0.15,
  })
  return <BaseEdge id={id} path={path} markerEnd={markerEnd} style={style} interactionWidth={interactionWidth ?? 16} />
})
