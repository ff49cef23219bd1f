// The tidy layout as it was at 9af4a4d (elkjs layered, departments as compound nodes), kept
// only so the bench can report the "before" of the org-chart row against the same machine.
import ELK from 'elkjs/lib/elk.bundled.js'
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api'
import type { Deal } from '@shared/model/deal'
import type { Position } from '@shared/model/stakeholder'
import { cardSize } from '@shared/card-size'
import { departmentKey } from '@shared/departments'

/**
 * Org-chart auto-layout with elkjs: managers above their reports (reports-to lines, top to
 * bottom), each department laid out inside its own box so departments stay together.
 * Other line kinds do not move anyone: they cross the chart as they do in real orgs.
 */
export interface LayoutMove {
  id: string
  position: Position
}

const DEPT_PREFIX = 'department:'

let elk: InstanceType<typeof ELK> | null = null

/** Room between cards: between org-chart levels (for the lines) and side by side. */
const SPACING = {
  'elk.layered.spacing.nodeNodeBetweenLayers': '64',
  'elk.spacing.nodeNode': '36',
}



export function buildLayoutGraph(deal: Pick<Deal, 'stakeholders' | 'links'>): ElkNode {
  const departments = new Map<string, ElkNode>()
  const roots: ElkNode[] = []
  for (const s of deal.stakeholders) {
    const node: ElkNode = { id: s.id, ...cardSize(s.influence) }
    const key = departmentKey(s.department)
    if (!key) {
      roots.push(node)
      continue
    }
    let group = departments.get(key)
    if (!group) {
      group = {
        id: DEPT_PREFIX + key,
        children: [],
        layoutOptions: {
          'elk.padding': '[top=56,left=28,bottom=28,right=28]',
          'elk.algorithm': 'layered',
          'elk.direction': 'DOWN',
          // Spacing is per parent in elk: without these a department's layers sit 20 px apart
          // and a manager's reports-to line to their report all but vanishes.
          ...SPACING,
        },
      }
      departments.set(key, group)
      roots.push(group)
    }
    group.children!.push(node)
  }
  const ids = new Set(deal.stakeholders.map((s) => s.id))
  const edges: ElkExtendedEdge[] = deal.links
    .filter((l) => l.kind === 'reports-to' && ids.has(l.from) && ids.has(l.to))
    // The manager (to) sits above the report (from).
    .map((l) => ({ id: l.id, sources: [l.to], targets: [l.from] }))
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      ...SPACING,
      'elk.spacing.componentComponent': '72',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.aspectRatio': '1.8',
    },
    children: roots,
    edges,
  }
}

/** New positions for every stakeholder (top-left corners, flow coordinates). */
export async function layoutDeal(deal: Pick<Deal, 'stakeholders' | 'links'>): Promise<LayoutMove[]> {
  if (deal.stakeholders.length === 0) return []
  elk ??= new ELK()
  const result = await elk.layout(buildLayoutGraph(deal))
  const moves: LayoutMove[] = []
  const walk = (node: ElkNode, ox: number, oy: number): void => {
    for (const child of node.children ?? []) {
      const x = ox + (child.x ?? 0)
      const y = oy + (child.y ?? 0)
      if (child.id.startsWith(DEPT_PREFIX)) walk(child, x, y)
      else moves.push({ id: child.id, position: { x: Math.round(x), y: Math.round(y) } })
    }
  }
  walk(result, 0, 0)
  return moves
}
