import { memo } from 'react'
import { BaseEdge, useInternalNode, type EdgeProps, type InternalNode } from '@xyflow/react'
import { labelSizeOf, placeLineLabel } from '@shared/line-label-place'
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
  const from = boxOf(manager)
  const to = boxOf(report)
  const route = reportsToRoute(from, to)
  const link = data?.link
  return (
    <g onDoubleClick={link ? () => editLineLabel(link.id) : undefined}>
      <BaseEdge id={id} path={polylinePath(route)} markerEnd={markerEnd} style={style} interactionWidth={interactionWidth ?? 16} />
      {link && <LineLabel linkId={link.id} label={link.label} at={placeLineLabel(route, labelSizeOf(link.label ?? ''), [from, to])} kind={link.kind} />}
    </g>
  )
})
