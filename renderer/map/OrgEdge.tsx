import { memo } from 'react'
import { BaseEdge, getSmoothStepPath, Position, useInternalNode, type EdgeProps } from '@xyflow/react'
import { labelAnchorOf, roundedPath } from '@shared/edge-routing'
import type { LinkEdge } from './derive-graph'
import { LineLabel, type LabelAnchor } from './LineLabel'
import { editLineLabel } from './line-label-editing'
import { liveRect, routeFits } from './node-rect'

/**
 * Reports-to, drawn from the manager (source) down to the report (target) in orthogonal
 * steps: along `data.route` when the layout gave one (a bus shared by siblings) and it still
 * fits the two cards, else a smooth step from the bottom middle of the manager to the top
 * middle of the report.
 */
export const OrgEdge = memo(function OrgEdge({ id, source, target, style, interactionWidth, data }: EdgeProps<LinkEdge>) {
  const s = useInternalNode(source)
  const t = useInternalNode(target)
  if (!s || !t) return null
  const a = liveRect(s)
  const b = liveRect(t)
  const route = data?.route
  let path: string
  let at: LabelAnchor
  if (routeFits(route, a, b)) {
    path = roundedPath(route, 8)
    at = labelAnchorOf(route)
  } else {
    const [d, labelX, labelY] = getSmoothStepPath({
      sourceX: a.x + a.width / 2, sourceY: a.y + a.height, sourcePosition: Position.Bottom,
      targetX: b.x + b.width / 2, targetY: b.y, targetPosition: Position.Top,
      borderRadius: 8,
    })
    path = d
    at = { x: labelX, y: labelY, along: 'slanted' }
  }
  const link = data?.link
  return (
    <g onDoubleClick={link ? () => editLineLabel(link.id) : undefined}>
      <BaseEdge id={id} path={path} style={style} interactionWidth={interactionWidth ?? 16} />
      {link && <LineLabel linkId={link.id} label={link.label} at={at} kind={link.kind} />}
    </g>
  )
})
