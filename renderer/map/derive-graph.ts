import { Position, type Edge, type Node, type NodeHandle } from '@xyflow/react'
import { CARD_SIZE } from '@shared/card-size'
import type { Point } from '@shared/edge-routing'
import type { Influence, Link, LinkKind, Stakeholder } from '@shared/model'
import { drawnAlike } from './map-deal'

/**
 * Turns the deal into React Flow nodes and edges *incrementally*: a node object is reused
 * while its stakeholder object (and selection/dim state) is unchanged, so memoised cards
 * skip rendering and a drag re-renders only the dragged card. For the editing map, whose cards
 * read their person from the open deal (live-person.ts), a node is reused while what it draws is
 * unchanged, and its `stakeholder` is then the one it was made with: read only what it draws.
 */
export interface StakeholderNodeData extends Record<string, unknown> {
  stakeholder: Stakeholder
  dimmed: boolean
  inCycle: boolean
}
export type StakeholderNode = Node<StakeholderNodeData, 'stakeholder'>

export interface LinkEdgeData extends Record<string, unknown> {
  link: Link
  dimmed: boolean
  /** The points the line runs through, when worked out (round other cards, or a layout's bus). */
  route?: Point[]
}
export type LinkEdge = Edge<LinkEdgeData>

/**
 * The card's connection dots (11 px, centred on each of the four sides; see card.css). The
 * top one is a target so a line drawn up from it reads the other way (connect.ts); the map
 * connects in loose mode, so any dot joins any other. The lines draw their own ends
 * (ReportsToEdge, RelationEdge) and do not depend on which dot was used.
 */
const HANDLE = 11
function handlesOf(size: { width: number; height: number }): NodeHandle[] {
  const x = size.width / 2 - HANDLE / 2
  const y = size.height / 2 - HANDLE / 2
  const h = { width: HANDLE, height: HANDLE }
  return [
    { id: 'bottom', type: 'source', position: Position.Bottom, x, y: size.height - HANDLE / 2, ...h },
    { id: 'right', type: 'source', position: Position.Right, x: size.width - HANDLE / 2, y, ...h },
    { id: 'left', type: 'source', position: Position.Left, x: -HANDLE / 2, y, ...h },
    { id: 'top', type: 'target', position: Position.Top, x, y: -HANDLE / 2, ...h },
  ]
}
/**
 * Every card's size and handles are known before it is drawn (CARD_SIZE), so React Flow can
 * fit the view, draw the lines and skip off-screen cards without first measuring 1,000 cards.
 * One object per influence keeps node identity stable.
 */
const KNOWN_SIZE = Object.fromEntries(
  (Object.keys(CARD_SIZE) as Influence[]).map((i) => [i, { measured: CARD_SIZE[i], handles: handlesOf(CARD_SIZE[i]) }]),
) as Record<Influence, { measured: { width: number; height: number }; handles: NodeHandle[] }>

interface NodeEntry {
  stakeholder: Stakeholder
  selected: boolean
  dimmed: boolean
  inCycle: boolean
  measured: { width: number; height: number }
  node: StakeholderNode
}

export class NodeCache {
  /** `liveCards`: the cards read their person from the open deal (LiveCardsContext). */
  constructor(private readonly options: { liveCards?: boolean } = {}) {}
  private entries = new Map<string, NodeEntry>()
  private measured = new Map<string, { width: number; height: number }>()
  private last: StakeholderNode[] = []

  /** Remember a size React Flow measured; returns true when it changed. */
  setMeasured(id: string, size: { width: number; height: number }): boolean {
    const old = this.measured.get(id)
    if (old && old.width === size.width && old.height === size.height) return false
    this.measured.set(id, size)
    return true
  }

  derive(
    stakeholders: readonly Stakeholder[],
    selected: ReadonlySet<string>,
    isDimmed: (s: Stakeholder) => boolean,
    cycle: ReadonlySet<string>,
  ): StakeholderNode[] {
    const next = new Map<string, NodeEntry>()
    let changed = stakeholders.length !== this.last.length
    const nodes = stakeholders.map((s, i) => {
      const sel = selected.has(s.id)
      const dimmed = isDimmed(s)
      const inCycle = cycle.has(s.id)
      const known = KNOWN_SIZE[s.influence]
      // A size React Flow measured (if the drawn card ever differs) wins over the known one.
      const measured = this.measured.get(s.id) ?? known.measured
      const old = this.entries.get(s.id)
      let entry: NodeEntry
      const samePerson = old !== undefined && (old.stakeholder === s || (this.options.liveCards === true && drawnAlike(old.stakeholder, s)))
      if (old && samePerson && old.selected === sel && old.dimmed === dimmed && old.inCycle === inCycle && old.measured === measured) {
        entry = old
      } else {
        const sameData = old && samePerson && old.dimmed === dimmed && old.inCycle === inCycle
        const data: StakeholderNodeData = sameData ? old.node.data : { stakeholder: s, dimmed, inCycle }
        entry = {
          stakeholder: sameData ? old.stakeholder : s, selected: sel, dimmed, inCycle, measured,
          node: {
            id: s.id,
            type: 'stakeholder',
            position: s.position,
            data,
            selected: sel,
            ariaLabel: s.name,
            measured,
            width: measured.width,
            height: measured.height,
            handles: measured === known.measured ? known.handles : handlesOf(measured),
          },
        }
      }
      next.set(s.id, entry)
      if (this.last[i] !== entry.node) changed = true
      return entry.node
    })
    this.entries = next
    for (const id of this.measured.keys()) if (!next.has(id)) this.measured.delete(id)
    if (changed) this.last = nodes
    return this.last
  }
}

export const EDGE_STYLE: Record<LinkKind, { type: string; className: string; animated?: boolean }> = {
  'reports-to': { type: 'reports-to', className: 'link link-reports-to' },
  influences: { type: 'relation', className: 'link link-influences' },
  ally: { type: 'relation', className: 'link link-ally' },
  conflict: { type: 'relation', className: 'link link-conflict' },
}

interface EdgeEntry {
  link: Link
  selected: boolean
  dimmed: boolean
  route: Point[] | undefined
  edge: LinkEdge
}

const NO_ROUTES: ReadonlyMap<string, Point[]> = new Map()

export class EdgeCache {
  private entries = new Map<string, EdgeEntry>()
  private last: LinkEdge[] = []

  derive(
    links: readonly Link[],
    selected: ReadonlySet<string>,
    dimmedNode: (id: string) => boolean,
    arrowColor: (kind: LinkKind) => string,
    routes: ReadonlyMap<string, Point[]> = NO_ROUTES,
  ): LinkEdge[] {
    const next = new Map<string, EdgeEntry>()
    let changed = links.length !== this.last.length
    const edges = links.map((l, i) => {
      const sel = selected.has(l.id)
      const dimmed = dimmedNode(l.from) || dimmedNode(l.to)
      const route = routes.get(l.id)
      const old = this.entries.get(l.id)
      let entry: EdgeEntry
      if (old && old.link === l && old.selected === sel && old.dimmed === dimmed && old.route === route) entry = old
      else {
        const style = EDGE_STYLE[l.kind]
        // Reports-to is drawn top-down from the manager (to) to the report (from).
        const [source, target] = l.kind === 'reports-to' ? [l.to, l.from] : [l.from, l.to]
        entry = {
          link: l, selected: sel, dimmed, route,
          edge: {
            id: l.id,
            source,
            target,
            type: style.type,
            className: `${style.className}${dimmed ? ' dimmed' : ''}`,
            selected: sel,
            data: route ? { link: l, dimmed, route } : { link: l, dimmed },
            ariaLabel: l.kind,
            ...(l.kind === 'influences' ? { markerEnd: { type: 'arrowclosed' as const, color: arrowColor(l.kind), width: 18, height: 18 } } : {}),
          },
        }
      }
      next.set(l.id, entry)
      if (this.last[i] !== entry.edge) changed = true
      return entry.edge
    })
    this.entries = next
    if (changed) this.last = edges
    return this.last
  }
}
