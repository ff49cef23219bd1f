import { useCallback, useMemo, useState } from 'react'
import { useReactFlow, type Edge, type Node } from '@xyflow/react'
import { useDealStore } from '../state/deal-store'
import { useCaptureStore } from './capture'
import { cardAt, sceneOf, type Scene } from './canvas-scene'
import type { LinkEdge } from './derive-graph'

const NO_EDGES: Edge[] = []

export interface FarCanvas<N extends Node> {
  /** What the canvas layer draws; null when the layer is off. */
  scene: Scene | null
  /** The nodes and edges React Flow gets: all of them, or far out only the live ones. */
  nodes: N[]
  edges: Edge[]
  onMouseMove: (e: React.MouseEvent) => void
  onPaneClick: (e: React.MouseEvent) => void
}

/**
 * Far out on a large map (docs/performance.md "Canvas layer") every card and line is drawn on
 * one canvas (MapCanvasLayer), and React Flow gets DOM cards only for those a user can act on
 * right now: the card under the pointer (so a press drags it, a double-click edits it, its
 * tooltip shows), the selected ones, the ones being dragged and the one being typed. No
 * edges: the canvas draws them all. A click that lands on the canvas itself (no pointer move
 * before it, as on a touch screen) selects the card drawn there.
 */
export function useFarCanvas<N extends Node>(active: boolean, nodes: N[], edges: LinkEdge[], dragging: ReadonlyMap<string, unknown>): FarCanvas<N> {
  const flow = useReactFlow()
  const [near, setNear] = useState<string | null>(null)
  const editing = useCaptureStore((s) => s.editing?.id ?? null)
  const scene = useMemo(() => (active ? sceneOf(nodes, edges) : null), [active, nodes, edges])
  const live = useMemo(() => {
    if (!active) return nodes
    return nodes.filter((n) => n.type !== 'stakeholder' || n.selected || n.id === near || n.id === editing || dragging.has(n.id))
  }, [active, nodes, near, editing, dragging])

  const hitAt = useCallback((e: React.MouseEvent) => (scene ? cardAt(scene.cards, flow.screenToFlowPosition({ x: e.clientX, y: e.clientY })) : null), [scene, flow])
  const onMouseMove = useCallback((e: React.MouseEvent) => {
    // Not while a button is held (a pan or a drag holds on to what it grabbed) or the view moves.
    if (!scene || e.buttons !== 0 || (e.currentTarget as HTMLElement).classList.contains('map-moving')) return
    const id = hitAt(e)?.id ?? null
    setNear((prev) => (prev === id ? prev : id))
  }, [scene, hitAt])
  const onPaneClick = useCallback((e: React.MouseEvent) => {
    const hit = hitAt(e)
    if (!hit) return
    const before = useDealStore.getState().selection
    const adding = e.shiftKey || e.metaKey || e.ctrlKey
    // After React Flow's own pane click, which clears the selection it knows of.
    queueMicrotask(() => useDealStore.getState().select(adding ? [...new Set([...before, hit.id])] : [hit.id]))
    setNear(hit.id)
  }, [hitAt])

  return { scene, nodes: live, edges: active ? NO_EDGES : edges, onMouseMove, onPaneClick }
}
