import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import {
  Background, ConnectionMode, Controls, ReactFlow, SelectionMode, getNodesBounds, getViewportForBounds, useReactFlow, useStore, useStoreApi,
  type Connection, type EdgeChange, type Viewport, type NodeChange, type NodeTypes,
} from '@xyflow/react'
import { useTranslation } from 'react-i18next'
import { reportsToCycleMembers } from '@shared/reports-to'
import type { Stakeholder } from '@shared/model'
import { useDealStore } from '../state/deal-store'
import { hasFilters, useUiStore } from '../state/ui-store'
import { NodeCache, EdgeCache, type StakeholderNode } from './derive-graph'
import { matchesFilters } from './filters'
import { StakeholderCard } from './StakeholderCard'
import { DepartmentGroup, useDepartmentNodes, type DepartmentNode } from './DepartmentGroups'
import { mapController, registerMapController } from './map-controller'
import { addStakeholder } from './map-operations'
import { visibleFlowRect } from './visible-rect'
import { connectOnDrop, connectStakeholders } from './connect'
import { LINK_COLORS } from './link-colors'
import { LINK_EDGE_TYPES } from './edge-types'
import { useLineRoutes } from './use-line-routes'
import { useEdgesWithPending } from './use-pending-edge'
import { useMapKeys } from './use-map-keys'
import { cardLabels, CardLabelsContext, CompactContext, detailZoomFor, FAR_ZOOM, LARGE_MAP_CARDS } from './map-detail'
import { CanvasMiniMap } from './CanvasMiniMap'
import { useRefitOnResize } from './use-refit-on-resize'
import { fitOptionsFor } from './fit-padding'
import { useReadableNames } from './use-readable-names'
import { useTopRanks } from './use-top-ranks'
import { useBranchView, withoutHiddenEnds } from './use-branch-view'
import { FitViewButton } from './FitViewButton'
import { StrengthStoreProvider } from './strength-store'
import { MapCanvasLayer } from './MapCanvasLayer'
import { useFarCanvas } from './use-far-canvas'
import { RemoteSelections } from '../collab'
import { LiveCardsContext, useMapDeal } from './map-deal'
import { useSameSet } from '../ui/use-same-set'
import './map-detail.css'

const nodeTypes: NodeTypes = { stakeholder: StakeholderCard, department: DepartmentGroup }

const PRO_OPTIONS = { hideAttribution: true }
const NO_DRAG: ReadonlyMap<string, { x: number; y: number }> = new Map()
// A thin margin round the chart and round the overlays (fit-padding.ts): every point of zoom is
// text size on a projector. No minimum zoom here, as the whole map must stay in view.
const FIT_MAX_ZOOM = 1.2
// Before the overlays are measured (a map opened empty): the thin margin alone.
const PLAIN_FIT = { maxZoom: FIT_MAX_ZOOM, padding: 0.05 }
const MIN_ZOOM = 0.05
const MAX_ZOOM = 2.5
const UNFITTED: Viewport = { x: 0, y: 0, zoom: 1 }

/** The interactive canvas: cards, lines, selection, drag, connect. */
export function StakeholderMap() {
  const { t } = useTranslation('map')
  const { t: tr } = useTranslation('relationships')
  const labels = useMemo(() => cardLabels(t, tr), [t, tr])
  const minimapLabels = useMemo(() => ({ hide: t('minimapHide'), show: t('minimapShow') }), [t])
  const ariaLabels = useMemo(() => ({ 'node.a11yDescription.default': t('a11y.nodeHelp') }), [t])
  // A new deal only when a field the map reads changed; the cards read the rest (map-deal.ts).
  const deal = useMapDeal()
  const selection = useDealStore((s) => s.selection)
  const linkSelection = useDealStore((s) => s.linkSelection)
  const focusRequest = useDealStore((s) => s.focusRequest)
  const filters = useUiStore((s) => s.filters)
  const showDepartments = useUiStore((s) => s.showDepartments)
  // One subscription for the whole map: it changes only when the zoom crosses the threshold.
  const detailZoom = detailZoomFor(deal?.stakeholders.length ?? 0)
  const zoomedOut = useStore((s) => s.transform[2] < detailZoom)
  const compact = zoomedOut
  const farOut = useStore((s) => s.transform[2] < FAR_ZOOM)
  // Far out on a large map, cards and lines are drawn on one canvas (use-far-canvas.ts).
  const canvasLayer = farOut && (deal?.stakeholders.length ?? 0) > LARGE_MAP_CARDS
  const canvasClass = compact ? (farOut ? 'map-canvas map-compact map-far' : 'map-canvas map-compact') : 'map-canvas'
  const flow = useReactFlow()
  const flowStore = useStoreApi()
  const nodeCache = useRef(new NodeCache({ liveCards: true })).current
  const edgeCache = useRef(new EdgeCache()).current
  const dragSeq = useRef(0)
  const dragging = useRef(false)
  const nudgeSeq = useRef(0)

  const stakeholders = deal?.stakeholders
  const links = deal?.links
  const cycle = useMemo(() => reportsToCycleMembers(links ?? []), [links])
  const selectedSet = useMemo(() => new Set(selection), [selection])
  const linkSet = useMemo(() => new Set(linkSelection), [linkSelection])
  const filtering = hasFilters(filters)
  const isDimmed = useCallback((s: Stakeholder) => filtering && !matchesFilters(s, filters), [filtering, filters])

  // A measured size changes the node objects; this counter makes the memo notice.
  const [measureVersion, setMeasureVersion] = useState(0)
  const cardNodes = useMemo(
    () => nodeCache.derive(stakeholders ?? [], selectedSet, isDimmed, cycle),
    // measureVersion: the cache holds new measured sizes to put on the nodes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [stakeholders, selectedSet, isDimmed, cycle, nodeCache, measureVersion],
  )
  const { nodes: rankedNodes, hidden: hiddenIds } = useBranchView(deal, useTopRanks(cardNodes, stakeholders, links))
  const dimmedIds = useSameSet(useMemo(() => new Set((stakeholders ?? []).filter(isDimmed).map((s) => s.id)), [stakeholders, isDimmed]))
  const routes = useLineRoutes(stakeholders, links)
  const linkEdges = useMemo(
    () => withoutHiddenEnds(edgeCache.derive(links ?? [], linkSet, (id) => dimmedIds.has(id), (kind) => LINK_COLORS[kind], routes), hiddenIds),
    [links, linkSet, dimmedIds, edgeCache, routes, hiddenIds],
  )
  const edges = useEdgesWithPending(linkEdges)
  const departmentNodes = useDepartmentNodes(showDepartments ? stakeholders : undefined)
  // While a drag is in flight the moving cards' positions live here, not in the deal: the rest
  // of the app (panels, analysis, saving) sees one change when the card is dropped.
  const [dragPositions, setDragPositions] = useState<ReadonlyMap<string, { x: number; y: number }>>(NO_DRAG)
  const draggedNodes = useMemo(
    () => (dragPositions.size === 0 ? rankedNodes : rankedNodes.map((n) => (dragPositions.has(n.id) ? { ...n, position: dragPositions.get(n.id)! } : n))),
    [rankedNodes, dragPositions],
  )
  const nodes = useMemo(() => (departmentNodes.length ? [...departmentNodes, ...draggedNodes] : draggedNodes), [departmentNodes, draggedNodes])
  const shownNodes = useMemo(() => (hiddenIds.size === 0 ? nodes : nodes.filter((n) => !n.hidden)), [nodes, hiddenIds])
  const far = useFarCanvas(canvasLayer, nodes, linkEdges, dragPositions)
  // Every card, drawn in the DOM or not: what a fit or a centring works from.
  const allNodes = useRef(shownNodes)
  allNodes.current = shownNodes

  // The map opens already fitted: every card's size is known, so the fitted view is worked out
  // before React Flow mounts, and the first frame is the fitted, zoomed-out map (not a frame of
  // full cards at zoom 1 that the fit then replaces). The view goes into React Flow's store
  // too, not only `defaultViewport` (which React Flow applies in an effect after its first
  // render): so the render that mounts React Flow is already far out, and a large map's first
  // frame is the canvas layer, with no 1,000 DOM cards mounted and then dropped
  // (docs/performance.md, "Open, part 2").
  const canvasRef = useRef<HTMLDivElement>(null)
  const [initialViewport, setInitialViewport] = useState<Viewport | null>(null)
  // Fit keeps the cards clear of the overlays, measured at the moment of each fit.
  // Worked out from every card, not React Flow's nodes, which far out are only the live ones.
  const fitAll = useCallback((duration?: number) => {
    const box = canvasRef.current?.getBoundingClientRect()
    if (!box || box.width <= 0 || box.height <= 0 || allNodes.current.length === 0) return
    const bounds = getNodesBounds(allNodes.current)
    const options = fitOptionsFor(canvasRef.current, bounds, FIT_MAX_ZOOM)
    void flow.setViewport(getViewportForBounds(bounds, box.width, box.height, MIN_ZOOM, FIT_MAX_ZOOM, options.padding), { duration })
  }, [flow])
  const [initialFit, setInitialFit] = useState<ReturnType<typeof fitOptionsFor> | null>(null)
  const refit = useRefitOnResize(canvasRef, fitAll, initialViewport !== null)
  useReadableNames(canvasRef, (stakeholders?.length ?? 0) > LARGE_MAP_CARDS, initialViewport !== null)
  const haveDeal = deal !== null
  useLayoutEffect(() => {
    if (initialViewport || !haveDeal) return
    const box = canvasRef.current?.getBoundingClientRect()
    if (!box || box.width <= 0 || box.height <= 0 || nodes.length === 0) return setInitialViewport(UNFITTED)
    const bounds = getNodesBounds(nodes)
    const options = fitOptionsFor(canvasRef.current, bounds, FIT_MAX_ZOOM)
    const fitted = getViewportForBounds(bounds, box.width, box.height, MIN_ZOOM, FIT_MAX_ZOOM, options.padding)
    flowStore.setState({ transform: [fitted.x, fitted.y, fitted.zoom], width: box.width, height: box.height })
    setInitialFit(options)
    setInitialViewport(fitted)
  }, [initialViewport, haveDeal, nodes, flowStore])

  const onNodesChange = useCallback((changes: NodeChange<StakeholderNode | DepartmentNode>[]) => {
    const store = useDealStore.getState()
    const moves: Array<{ id: string; position: { x: number; y: number } }> = []
    const inFlight: Array<{ id: string; position: { x: number; y: number } }> = []
    let selectionChanged = false
    const nextSelection = new Set(store.selection)
    let measured = false
    for (const c of changes) {
      if (c.type === 'position' && c.position && !c.id.startsWith('department:')) {
        // A drag in progress stays local; the drop (dragging false) and keyboard nudges are edits.
        if (c.dragging) inFlight.push({ id: c.id, position: c.position })
        else moves.push({ id: c.id, position: c.position })
      }
      else if (c.type === 'select' && !c.id.startsWith('department:')) {
        selectionChanged = true
        if (c.selected) nextSelection.add(c.id)
        else nextSelection.delete(c.id)
      } else if (c.type === 'dimensions' && c.dimensions) {
        if (nodeCache.setMeasured(c.id, c.dimensions)) measured = true
      }
    }
    if (inFlight.length) {
      setDragPositions((prev) => {
        const next = new Map(prev)
        for (const m of inFlight) next.set(m.id, m.position)
        return next
      })
    }
    // One drag is one undo step; so is a burst of arrow-key nudges (until something else happens).
    if (moves.length) {
      const mergeKey = dragging.current ? `drag-${dragSeq.current}` : `nudge-${nudgeSeq.current}`
      store.dispatch({ type: 'move-stakeholders', moves }, { capture: 'merge', mergeKey })
      setDragPositions((prev) => (prev.size === 0 ? prev : NO_DRAG))
    }
    if (selectionChanged) store.select([...nextSelection])
    // React Flow needs `measured` on controlled nodes: re-derive with the new sizes.
    if (measured) setMeasureVersion((v) => v + 1)
  }, [nodeCache])

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    const store = useDealStore.getState()
    const next = new Set(store.linkSelection)
    let changed = false
    for (const c of changes) {
      if (c.type === 'select') {
        changed = true
        if (c.selected) next.add(c.id)
        else next.delete(c.id)
      }
    }
    if (changed) store.selectLinks([...next])
  }, [])

  const onNodeDragStart = useCallback(() => {
    dragSeq.current++
    dragging.current = true
  }, [])
  const onNodeDragStop = useCallback((_e: unknown, _node: unknown, dropped: Array<{ id: string; position: { x: number; y: number } }>) => {
    // Commit where the cards were dropped (in case no final position change arrived).
    const moves = dropped.filter((n) => !n.id.startsWith('department:')).map((n) => ({ id: n.id, position: n.position }))
    if (moves.length) useDealStore.getState().dispatch({ type: 'move-stakeholders', moves }, { capture: 'merge', mergeKey: `drag-${dragSeq.current}` })
    setDragPositions(NO_DRAG)
    dragging.current = false
    nudgeSeq.current++
    useDealStore.getState().sealHistory()
  }, [])
  const onKeyDown = useMapKeys(nudgeSeq)
  // While the view moves, the cards and lines are one composited layer the compositor slides
  // (no re-raster of 1,000 cards per frame); after, a normal layer again, drawn sharp at the new zoom.
  // A class on the wrapper, not state: no React render at either end.
  const onMoveStart = useCallback(() => canvasRef.current?.classList.add('map-moving'), [])
  const onMoveEnd = useCallback((event: MouseEvent | TouchEvent | null, viewport: Viewport) => {
    canvasRef.current?.classList.remove('map-moving')
    refit.onMoveEnd(event, viewport)
  }, [refit])
  const onConnect = useCallback((c: Connection) => connectStakeholders(c.source, c.target), [])
  const onPaneDoubleClick = useCallback(
    (e: React.MouseEvent) => {
      const target = e.target as HTMLElement
      if (!target.classList.contains('react-flow__pane')) return
      addStakeholder(flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }))
    },
    [flow],
  )

  useEffect(() => {
    registerMapController({
      fitView: () => {
        refit.fitted()
        fitAll(300)
      },
      viewportCenter: () => {
        const pane = document.querySelector('.map-canvas')?.getBoundingClientRect()
        if (!pane) return { x: 0, y: 0 }
        return flow.screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 })
      },
      visibleRect: () => visibleFlowRect(flow),
      panTo: (point) => {
        refit.userMoved()
        void flow.setCenter(point.x, point.y, { zoom: flow.getZoom(), duration: 200 })
      },
      centerOn: (id) => {
        // Far out the card may be drawn only on the canvas layer: its node is in allNodes.
        const node = allNodes.current.find((n) => n.id === id)
        if (!node) return
        refit.userMoved()
        const w = node.width ?? node.measured?.width ?? 200
        const h = node.height ?? node.measured?.height ?? 100
        void flow.setCenter(node.position.x + w / 2, node.position.y + h / 2, { zoom: Math.max(flow.getZoom(), 0.9), duration: 300 })
      },
    })
    return () => registerMapController(null)
  }, [flow, refit, fitAll])

  useEffect(() => {
    if (!focusRequest) return
    const id = focusRequest.id
    // Let the selection render first so the card is measured.
    const frame = requestAnimationFrame(() => {
      mapController()?.centerOn(id)
      const el = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)
      el?.focus({ preventScroll: true })
    })
    return () => cancelAnimationFrame(frame)
  }, [focusRequest, flow])

  if (!deal) return null
  return (
    <div ref={canvasRef} className={canvasClass} data-testid="stakeholder-map" onDoubleClick={onPaneDoubleClick} onKeyDown={onKeyDown} onMouseMove={far.onMouseMove}>
      {initialViewport && far.scene && <MapCanvasLayer scene={far.scene} />}
      {initialViewport && <CardLabelsContext.Provider value={labels}>
        <StrengthStoreProvider>
        <CompactContext.Provider value={compact}>
        <LiveCardsContext.Provider value={true}>
          <ReactFlow
            nodes={far.nodes}
            edges={far.edges === linkEdges ? edges : far.edges}
            nodeTypes={nodeTypes}
            edgeTypes={LINK_EDGE_TYPES}
            connectionMode={ConnectionMode.Loose}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onNodeDragStart={onNodeDragStart}
            onNodeDragStop={onNodeDragStop}
            onConnect={onConnect}
            onConnectEnd={connectOnDrop}
            onMoveStart={onMoveStart}
            onMoveEnd={onMoveEnd}
            onPaneClick={far.onPaneClick}
            deleteKeyCode={null}
            selectionKeyCode="Shift"
            multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
            selectionMode={SelectionMode.Partial}
            zoomOnDoubleClick={false}
            onlyRenderVisibleElements
            fitView={initialViewport === UNFITTED}
            fitViewOptions={initialFit ?? PLAIN_FIT}
            defaultViewport={initialViewport}
            minZoom={MIN_ZOOM}
            maxZoom={MAX_ZOOM}
            proOptions={PRO_OPTIONS}
            ariaLabelConfig={ariaLabels}
          >
            {/* Zoomed out the dots are a dense grey wash that a pan repaints in full every frame. */}
            {!compact && <Background gap={24} />}
            <CanvasMiniMap nodes={shownNodes} ariaLabel={t('minimap')} toggleLabels={minimapLabels} onUserMove={refit.userMoved} />
            <Controls showInteractive={false} showFitView={false} aria-label={t('zoomControls')} onZoomIn={refit.userMoved} onZoomOut={refit.userMoved}>
              <FitViewButton label={t('actions.fitView')} />
            </Controls>
            <RemoteSelections />
          </ReactFlow>
        </LiveCardsContext.Provider>
        </CompactContext.Provider>
        </StrengthStoreProvider>
      </CardLabelsContext.Provider>}
    </div>
  )
}
