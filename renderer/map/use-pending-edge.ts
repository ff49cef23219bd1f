import { useMemo } from 'react'
import type { Edge } from '@xyflow/react'
import { useConnectionPopover } from './connect'

/**
 * While the kind of a just-drawn line is being chosen, a grey dashed preview joins the two
 * cards. It is not in the deal (nothing is until the choice), so it never warns or saves.
 */
export function useEdgesWithPending<E extends Edge>(edges: E[]): Edge[] {
  const pending = useConnectionPopover((s) => s.pending)
  return useMemo(() => {
    if (!pending) return edges
    const preview: Edge = {
      id: 'pending-connection', source: pending.source, target: pending.target,
      type: 'relation', className: 'link link-pending', selectable: false, focusable: false,
    }
    return [...edges, preview]
  }, [edges, pending])
}
