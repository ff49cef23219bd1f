import { memo } from 'react'
import { BaseEdge, useInternalNode, type EdgeProps, type InternalNode } from '@xyflow/react'
import { labelAnchorOf } from '@shared/edge-routing'
import { polylinePath, reportsToRoute, type Box } from '@shared/org-chart-route'
import type { LinkEdge } from './derive-graph'
import { LineLabel } from './LineLabel'
import { editLineLabel } from './line-label-editing'

function boxOf(node: InternalNode): Box {
  return { x: node.internals.positionAbsolute.x, y: node.internals.positionAbsolute.y, width: node.measured.width ?? 0, height: node.measured.height ?? 0 }
}

/**
 * A reports-to line drawn bus style from wherever the two cards stand, by the same function
 * the org chart layout (and the slide export) route it with: after "Tidy" the map's lines
 * are the chart's lines, clear of every other card. The manager is the source, the report
 * the target. A label ("dotted line", "acting") sits on the line and is edited by double-click.
 */
export const ReportsToEdge = memo(function ReportsToEdge({ id, source, target, markerEnd, style, interactionWidth, data }: EdgeProps<LinkEdge>) {
  const manager = useInternalNode(source)
  const report = useInternalNode(target)
  if (!manager || !report) return null
  const route = reportsToRoute(boxOf(manager), boxOf(report))
  const link = data?.link
  return (
    <g onDoubleClick={link ? () => editLineLabel(link.id) : undefined}>
      <BaseEdge id={id} path={polylinePath(route)} markerEnd={markerEnd} style={style} interactionWidth={interactionWidth ?? 16} />
      {link && <LineLabel linkId={link.id} label={link.label} at={labelAnchorOf(route)} kind={link.kind} />}
    </g>
  )
})
