import { memo } from 'react'
import { BaseEdge, useInternalNode, type EdgeProps, type InternalNode } from '@xyflow/react'
import { polylinePath, reportsToRoute, type Box } from '@shared/org-chart-route'
import type { LinkEdge } from './derive-graph'

function boxOf(node: InternalNode): Box {
  return { x: node.internals.positionAbsolute.x, y: node.internals.positionAbsolute.y, width: node.measured.width ?? 0, height: node.measured.height ?? 0 }
}

/**
 * A reports-to line drawn bus style from wherever the two cards stand, by the same function
 * the org chart layout (and the slide export) route it with: after "Tidy" the map's lines
 * are the chart's lines, clear of every other card.
 */
export const ReportsToEdge = memo(function ReportsToEdge({ id, source, target, markerEnd, style, interactionWidth }: EdgeProps<LinkEdge>) {
  const manager = useInternalNode(source)
  const report = useInternalNode(target)
  if (!manager || !report) return null
  const path = polylinePath(reportsToRoute(boxOf(manager), boxOf(report)))
  return <BaseEdge id={id} path={path} markerEnd={markerEnd} style={style} interactionWidth={interactionWidth ?? 12} />
})
