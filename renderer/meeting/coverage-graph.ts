import type { Edge, Node } from '@xyflow/react'
import { CARD_SIZE } from '@shared/card-size'
import type { Deal, Seller } from '@shared/model'

export interface SellerNodeData extends Record<string, unknown> {
  name: string
  owned: number
}
export type SellerNode = Node<SellerNodeData, 'meeting-seller'>

const SELLER_WIDTH = 180
const GAP = 48

/**
 * The coverage overlay: each seller who owns someone, in a row above the map, with a line
 * to every person they own. Read-only, so it is rebuilt whenever the deal changes.
 */
export function coverageGraph(deal: Deal, roster: readonly Seller[]): { nodes: SellerNode[]; edges: Edge[] } {
  const owners = new Map<string, string[]>()
  for (const s of deal.stakeholders) for (const id of s.ownerIds) owners.set(id, [...(owners.get(id) ?? []), s.id])
  if (owners.size === 0 || deal.stakeholders.length === 0) return { nodes: [], edges: [] }
  const left = Math.min(...deal.stakeholders.map((s) => s.position.x))
  const right = Math.max(...deal.stakeholders.map((s) => s.position.x + CARD_SIZE[s.influence].width))
  const top = Math.min(...deal.stakeholders.map((s) => s.position.y))
  const rowWidth = owners.size * SELLER_WIDTH + (owners.size - 1) * GAP
  const start = left + (right - left - rowWidth) / 2
  const names = new Map(roster.map((s) => [s.id, s.name]))
  const nodes: SellerNode[] = [...owners.keys()].map((id, i) => ({
    id: `seller:${id}`,
    type: 'meeting-seller',
    position: { x: start + i * (SELLER_WIDTH + GAP), y: top - 200 },
    data: { name: names.get(id) ?? id, owned: owners.get(id)!.length },
    draggable: false,
    selectable: false,
  }))
  const edges: Edge[] = [...owners.entries()].flatMap(([sellerId, people]) =>
    people.map((personId) => ({
      id: `coverage:${sellerId}:${personId}`,
      source: `seller:${sellerId}`,
      target: personId,
      className: 'link meeting-coverage-line',
      type: 'default',
    })),
  )
  return { nodes, edges }
}
