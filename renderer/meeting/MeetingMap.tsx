import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { ReactFlow, useNodesInitialized, useReactFlow, useStore, type FitViewOptions, type NodeChange, type NodeTypes } from '@xyflow/react'
import type { Deal, Stakeholder } from '@shared/model'
import { DepartmentGroup, useDepartmentNodes } from '../map'
import { EdgeCache, NodeCache } from '../map'
import { LINK_COLORS } from '../map'
import { LINK_EDGE_TYPES } from '../map'
import { useLineRoutes } from '../map'
import { StakeholderCard } from '../map'
import { useWorkspaceStore } from '../state/workspace-store'
import { coverageGraph } from './coverage-graph'
import { SellerBadge } from './SellerBadge'
import { useAreaSize } from './use-area-size'

const nodeTypes: NodeTypes = { stakeholder: StakeholderCard, department: DepartmentGroup, 'meeting-seller': SellerBadge }
const NO_SELECTION = new Set<string>()
const NO_CYCLE = new Set<string>()
const PRO_OPTIONS = { hideAttribution: true }
const FIT = { padding: 0.12, maxZoom: 1.4, duration: 400 }
/**
 * The overview's fit keeps the strip under the customer's caption (bottom left, over the map)
 * free, so no card hides behind it: the bottom padding is the caption's height and its margin.
 */
/** The caption sits this far from the stage's edges (meeting.css, `.meeting-caption`). */
const CAPTION_MARGIN = 24
function overviewFit(area: HTMLElement | null, caption: HTMLElement | null): FitViewOptions {
  // Its size, not its place: the place is set again after the fit (use-caption-placement).
  const bottom = area && caption ? caption.offsetHeight + 2 * CAPTION_MARGIN : 0
  return { ...FIT, padding: { top: '6%', left: '6%', right: '6%', bottom: bottom > 0 ? `${Math.ceil(bottom)}px` : '6%' } }
}
/** Half the caption's width in screen pixels. */
const CAPTION_ALLOWANCE = 280

interface Props {
  deal: Deal
  /** The person in the spotlight, or null for the overview. */
  spotlightId: string | null
  showCoverage: boolean
  showDepartments: boolean
  /** The view stopped moving (after the pan to a spotlight): the caption finds its place. */
  onSettled?: () => void
  /** The overview's caption, whose strip the overview keeps free (it refits when the caption's size changes). */
  overviewCaption?: HTMLElement | null
}

/** The map as a read-only presentation: no drag, connect or select; a spotlight instead. */
export function MeetingMap({ deal, spotlightId, showCoverage, showDepartments, onSettled, overviewCaption = null }: Props) {
  const flow = useReactFlow()
  const roster = useWorkspaceStore((s) => s.roster)
  const nodeCache = useRef(new NodeCache()).current
  const edgeCache = useRef(new EdgeCache()).current
  const [measureVersion, setMeasureVersion] = useState(0)
  const areaRef = useRef<HTMLDivElement>(null)
  // A new window size places the view again: the overview refits, the spotlight re-centres.
  // React Flow's own idea of its size: a fit computed before it has seen the new size would use the old one.
  const areaSize = useStore((st) => `${st.width}×${st.height}`)
  // React Flow's own first fit (on measuring the cards) knows nothing of the caption: fit again after it.
  const measured = useNodesInitialized()
  // The caption re-wraps after the window's size changed (and with the language): refit then too.
  const captionSize = useAreaSize(overviewCaption)

  // The spotlight and the people it is directly joined to stay lit, so its lines read.
  const lit = useMemo(() => {
    if (!spotlightId) return null
    const ids = new Set([spotlightId])
    for (const l of deal.links) {
      if (l.from === spotlightId) ids.add(l.to)
      if (l.to === spotlightId) ids.add(l.from)
    }
    return ids
  }, [deal.links, spotlightId])
  const isDimmed = useCallback((s: Stakeholder) => lit !== null && !lit.has(s.id), [lit])
  const cards = useMemo(
    () => nodeCache.derive(deal.stakeholders, NO_SELECTION, isDimmed, NO_CYCLE),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [deal.stakeholders, isDimmed, nodeCache, measureVersion],
  )
  const routes = useLineRoutes(deal.stakeholders, deal.links)
  const edges = useMemo(
    () => edgeCache.derive(deal.links, NO_SELECTION, (id) => lit !== null && !lit.has(id), (k) => LINK_COLORS[k], routes),
    [deal.links, lit, edgeCache, routes],
  )
  const departments = useDepartmentNodes(showDepartments ? deal.stakeholders : undefined)
  const coverage = useMemo(() => {
    if (!showCoverage) return { nodes: [], edges: [] }
    const graph = coverageGraph(deal, roster)
    // Under a spotlight only the spotlit person's owners keep their lines bright.
    const edges = lit ? graph.edges.map((e) => (e.target === spotlightId ? e : { ...e, className: `${e.className} dimmed` })) : graph.edges
    return { nodes: graph.nodes, edges }
  }, [showCoverage, deal, roster, lit, spotlightId])
  const nodes = useMemo(() => [...departments, ...coverage.nodes, ...cards], [departments, coverage.nodes, cards])
  const allEdges = useMemo(() => [...edges, ...coverage.edges], [edges, coverage.edges])

  const onNodesChange = useCallback((changes: NodeChange[]) => {
    let measured = false
    for (const c of changes) if (c.type === 'dimensions' && c.dimensions && nodeCache.setMeasured(c.id, c.dimensions)) measured = true
    if (measured) setMeasureVersion((v) => v + 1)
  }, [nodeCache])

  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      if (!spotlightId) {
        void flow.fitView(overviewFit(areaRef.current, overviewCaption))
        return
      }
      const person = deal.stakeholders.find((s) => s.id === spotlightId)
      if (!person) return
      const node = flow.getInternalNode(spotlightId)
      const w = node?.measured.width ?? 216
      const h = node?.measured.height ?? 116
      // Shift the view so the card sits right of centre, clear of the caption at the bottom left.
      const zoom = 1.25
      void flow.setCenter(person.position.x + w / 2 - CAPTION_ALLOWANCE / zoom, person.position.y + h / 2 + 60 / zoom, { zoom, duration: 400 })
    })
    return () => cancelAnimationFrame(frame)
  }, [spotlightId, flow, deal.stakeholders, areaSize, measured, captionSize, overviewCaption])

  return (
    <div ref={areaRef} className="meeting-map" data-testid="meeting-map">
      {spotlightId && (
        <style>{`.meeting-map .stakeholder-card[data-stakeholder-id="${CSS.escape(spotlightId)}"]{box-shadow:0 0 0 4px var(--spotlight,#e6a700),0 0 36px 8px var(--spotlight-glow,rgba(230,167,0,.45))}`}</style>
      )}
      <ReactFlow
        nodes={nodes}
        edges={allEdges}
        nodeTypes={nodeTypes}
        edgeTypes={LINK_EDGE_TYPES}
        onNodesChange={onNodesChange}
        onMoveEnd={onSettled}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        deleteKeyCode={null}
        selectionKeyCode={null}
        disableKeyboardA11y
        zoomOnDoubleClick={false}
        fitView
        fitViewOptions={FIT}
        minZoom={0.05}
        maxZoom={2.5}
        proOptions={PRO_OPTIONS}
      />
    </div>
  )
}
