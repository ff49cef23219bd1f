import { memo } from 'react'
import { BaseEdge, useInternalNode, type EdgeProps } from '@xyflow/react'
import { roundedPath, routeLateral } from '@shared/edge-routing'
import { labelSizeOf, placeLineLabel } from '@shared/line-label-place'
import type { LinkEdge } from './derive-graph'
import { LineLabel } from './LineLabel'
import { editLineLabel } from './line-label-editing'
import { liveRect, routeFits } from './node-rect'

/**
 * Influences / ally / conflict: from the middle of the side of one card that faces the other
 * to the facing side of the other, along the route worked out round the other cards
 * (use-line-routes). While a card is dragged its route no longer fits, so the line runs
 * straight between the facing sides until the drop.
 */
export const RelationEdge = memo(function RelationEdge({ id, source, target, markerEnd, style, interactionWidth, data }: EdgeProps<LinkEdge>) {
  const s = useInternalNode(source)
  const t = useInternalNode(target)
  if (!s || !t) return null
  const a = liveRect(s)
  const b = liveRect(t)
  const route = data?.route
  const points = routeFits(route, a, b) ? route : routeLateral(a, b, [])
  const link = data?.link
  return (
    <g onDoubleClick={link ? () => editLineLabel(link.id) : undefined}>
      <BaseEdge id={id} path={roundedPath(points)} markerEnd={markerEnd} style={style} interactionWidth={interactionWidth ?? 16} />
      {link && <LineLabel linkId={link.id} label={link.label} at={placeLineLabel(points, labelSizeOf(link.label ?? ''), [a, b])} kind={link.kind} />}
    </g>
  )
})
