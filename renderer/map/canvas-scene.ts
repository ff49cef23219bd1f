import type { Node } from '@xyflow/react'
import { routeLateral, type Point, type Rect } from '@shared/edge-routing'
import { reportsToRoute } from '@shared/org-chart-route'
import type { Influence, LinkKind, Stance } from '@shared/model'
import type { LinkEdge, StakeholderNodeData } from './derive-graph'
import { routeFits } from './node-rect'

/**
 * What the canvas layer (MapCanvasLayer, docs/performance.md "Canvas layer") draws far out:
 * every card as a box and every line as a polyline, in map units, worked out from the same
 * nodes and edges React Flow gets, by the same route functions the SVG lines use
 * (ReportsToEdge: the bus; RelationEdge: the worked-out route while it still fits the cards).
 */
export interface SceneCard extends Rect {
  id: string
  stance: Stance
  influence: Influence
  name: string
  /** A top rank (use-top-ranks.ts): its name stays drawn, as a label over the card. */
  top: boolean
  selected: boolean
  dimmed: boolean
}
export interface SceneLine {
  id: string
  kind: LinkKind
  points: Point[]
  selected: boolean
  dimmed: boolean
}
export interface Scene {
  cards: SceneCard[]
  lines: SceneLine[]
}

function isCard(n: Node): n is Node<StakeholderNodeData> {
  return n.type === 'stakeholder' && !n.hidden
}

export function sceneCards(nodes: readonly Node[]): SceneCard[] {
  const cards: SceneCard[] = []
  for (const n of nodes) {
    if (!isCard(n)) continue
    const s = n.data.stakeholder
    cards.push({
      id: n.id, x: n.position.x, y: n.position.y, width: n.width ?? n.measured?.width ?? 0, height: n.height ?? n.measured?.height ?? 0,
      stance: s.stance, influence: s.influence, name: s.name, top: (n.className ?? '').includes('rank-top'),
      selected: Boolean(n.selected), dimmed: n.data.dimmed,
    })
  }
  return cards
}

/** Every line whose two cards are on the map, routed from where the cards stand now. */
export function sceneLines(edges: readonly LinkEdge[], cards: readonly SceneCard[]): SceneLine[] {
  const byId = new Map(cards.map((c) => [c.id, c]))
  const lines: SceneLine[] = []
  for (const e of edges) {
    const link = e.data?.link
    const a = byId.get(e.source)
    const b = byId.get(e.target)
    if (!link || !a || !b) continue
    let points: Point[]
    if (link.kind === 'reports-to') points = reportsToRoute(a, b)
    else {
      const route = e.data?.route
      points = routeFits(route, a, b) ? route : routeLateral(a, b, [])
    }
    lines.push({ id: e.id, kind: link.kind, points, selected: Boolean(e.selected), dimmed: Boolean(e.data?.dimmed) })
  }
  return lines
}

export function sceneOf(nodes: readonly Node[], edges: readonly LinkEdge[]): Scene {
  const cards = sceneCards(nodes)
  return { cards, lines: sceneLines(edges, cards) }
}

/** The card drawn on top at a map point (the last drawn wins, as in the DOM), or null. */
export function cardAt(cards: readonly SceneCard[], p: Point): SceneCard | null {
  for (let i = cards.length - 1; i >= 0; i--) {
    const c = cards[i]
    if (p.x >= c.x && p.x <= c.x + c.width && p.y >= c.y && p.y <= c.y + c.height) return c
  }
  return null
}
