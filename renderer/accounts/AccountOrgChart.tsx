import { useMemo } from 'react'
import { ReactFlow, type Edge, type Node } from '@xyflow/react'
import { cardSize } from '@shared/card-size'
import { layoutOrgChart } from '@shared/org-chart'
import type { AccountOverview } from '@shared/accounts'

/**
 * The whole account as one org chart: the same layout the map's Tidy uses
 * (`layoutOrgChart`, docs/layout.md), drawn read-only. Each card is a person of the account.
 */
export function AccountOrgChart({ overview, label }: { overview: AccountOverview; label: string }) {
  const { nodes, edges } = useMemo(() => {
    const layout = layoutOrgChart(overview.map)
    const at = new Map(layout.positions.map((p) => [p.id, p.position]))
    const best = new Map(overview.whoKnowsWhom.map((w) => [w.personId, w]))
    const nodes: Node[] = overview.map.stakeholders.map((s) => ({
      id: s.id,
      position: at.get(s.id) ?? { x: 0, y: 0 },
      data: { label: (
        <div className="account-card" data-key={best.get(s.id)?.key ? 'true' : undefined}>
          <strong>{s.name}</strong>
          <span>{s.title}</span>
          <span className="muted">{s.department}</span>
        </div>
      ) },
      className: 'account-node',
      // The slot the layout made for the card, so the chart reads as the map's Tidy draws it.
      style: cardSize(s.influence),
      draggable: false,
      connectable: false,
      selectable: false,
    }))
    const edges: Edge[] = overview.map.links.map((l) => ({ id: l.id, source: l.to, target: l.from, type: 'smoothstep' }))
    return { nodes, edges }
  }, [overview])
  return (
    <div className="account-org-chart" data-testid="account-org-chart" aria-label={label} role="img">
      <ReactFlow nodes={nodes} edges={edges} fitView minZoom={0.05} nodesDraggable={false} nodesConnectable={false} elementsSelectable={false} proOptions={{ hideAttribution: true }} />
    </div>
  )
}
