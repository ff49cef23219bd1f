import { memo, useCallback, useEffect, useLayoutEffect, useReducer, useRef, useState } from 'react'
import { Panel, useReactFlow, useStoreApi, type Node, type ReactFlowState } from '@xyflow/react'

/**
 * The map in miniature: every card a dot of its stance colour on one <canvas>, the visible part
 * a rectangle over it; click or drag on it to move the view there. It replaces React Flow's SVG
 * minimap, which re-rendered and repainted 1,000 shapes (and re-measured every node's bounds)
 * on every pan frame. Here the cards are drawn once per change of the cards, and the view
 * rectangle follows the view at most every FOLLOW_MS (and once more when the view settles),
 * moved with a style change, no React render.
 */
const WIDTH = 200
const HEIGHT = 150
const FOLLOW_MS = 100
const STANCE_VARS = ['champion', 'supporter', 'neutral', 'skeptic', 'opponent', 'unknown'] as const

interface Rect { x: number; y: number; width: number; height: number }
interface Frame { world: Rect; scale: number; offsetX: number; offsetY: number }

export interface CanvasMiniMapProps {
  nodes: readonly Node[]
  ariaLabel: string
  /** The user moved the view from the minimap (a user gesture, though made in code). */
  onUserMove?: () => void
  /** Labels of the button that folds the minimap away (it covers part of the map) and back. */
  toggleLabels?: { hide: string; show: string }
}

function nodesBounds(nodes: readonly Node[]): Rect | null {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity
  for (const n of nodes) {
    const w = n.width ?? n.measured?.width ?? 0
    const h = n.height ?? n.measured?.height ?? 0
    x0 = Math.min(x0, n.position.x)
    y0 = Math.min(y0, n.position.y)
    x1 = Math.max(x1, n.position.x + w)
    y1 = Math.max(y1, n.position.y + h)
  }
  return x0 === Infinity ? null : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }
}

function viewRect(s: Pick<ReactFlowState, 'transform' | 'width' | 'height'>): Rect {
  const [tx, ty, zoom] = s.transform
  return { x: -tx / zoom, y: -ty / zoom, width: s.width / zoom, height: s.height / zoom }
}

function union(a: Rect | null, b: Rect): Rect {
  if (!a) return b
  const x = Math.min(a.x, b.x)
  const y = Math.min(a.y, b.y)
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y }
}

/** Fits `world` (with a margin) into the minimap, centred. */
function frameFor(world: Rect): Frame {
  const margin = 5
  const scale = Math.min((WIDTH - 2 * margin) / Math.max(world.width, 1), (HEIGHT - 2 * margin) / Math.max(world.height, 1))
  return { world, scale, offsetX: (WIDTH - world.width * scale) / 2, offsetY: (HEIGHT - world.height * scale) / 2 }
}

const contains = (outer: Rect, inner: Rect) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height

/** Grown by a quarter on each side, so a pan past the cards redraws them once, not every update. */
const grown = (r: Rect): Rect => ({ x: r.x - r.width / 4, y: r.y - r.height / 4, width: r.width * 1.5, height: r.height * 1.5 })

export const CanvasMiniMap = memo(function CanvasMiniMap({ nodes, ariaLabel, onUserMove, toggleLabels }: CanvasMiniMapProps) {
  const store = useStoreApi()
  const flow = useReactFlow()
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const viewRef = useRef<HTMLDivElement>(null)
  const frame = useRef<Frame | null>(null)
  const cardsBounds = useRef<Rect | null>(null)
  // A theme switch changes the stance colours (CSS variables): redraw.
  const [themeVersion, bumpTheme] = useReducer((n: number) => n + 1, 0)
  // Read when the cards or theme change, never while the view moves (it would force a style recalc).
  const coloursRef = useRef<Record<string, string>>({})

  const draw = useCallback((world: Rect) => {
    const canvas = canvasRef.current
    const ctx = canvas?.getContext('2d')
    frame.current = frameFor(world)
    if (!canvas || !ctx) return
    const { scale, offsetX, offsetY } = frame.current
    const dpr = window.devicePixelRatio || 1
    if (canvas.width !== WIDTH * dpr) {
      canvas.width = WIDTH * dpr
      canvas.height = HEIGHT * dpr
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
    ctx.clearRect(0, 0, WIDTH, HEIGHT)
    const colours = coloursRef.current
    for (const n of nodes) {
      if (n.type === 'department') continue
      const stance = (n.data as { stakeholder?: { stance?: string } }).stakeholder?.stance ?? 'unknown'
      ctx.fillStyle = colours[stance] ?? colours.unknown
      const w = (n.width ?? n.measured?.width ?? 0) * scale
      const h = (n.height ?? n.measured?.height ?? 0) * scale
      ctx.fillRect(offsetX + (n.position.x - world.x) * scale, offsetY + (n.position.y - world.y) * scale, Math.max(w, 1), Math.max(h, 1))
    }
  }, [nodes])

  /** Places the view rectangle; redraws the cards only when the view leaves the drawn area. */
  const follow = useCallback(() => {
    const view = viewRect(store.getState())
    const cards = cardsBounds.current
    const needed = union(cards, view)
    const world = frame.current?.world
    // Redraw when the view leaves the drawn area, or the drawn area has become far too loose.
    if (!world || !contains(world, needed) || world.width * world.height > 4 * needed.width * needed.height) {
      draw(cards && contains(cards, view) ? cards : grown(needed))
    }
    const el = viewRef.current
    const f = frame.current
    if (!el || !f) return
    el.style.transform = `translate(${f.offsetX + (view.x - f.world.x) * f.scale}px, ${f.offsetY + (view.y - f.world.y) * f.scale}px)`
    el.style.width = `${view.width * f.scale}px`
    el.style.height = `${view.height * f.scale}px`
  }, [store, draw])

  useLayoutEffect(() => {
    cardsBounds.current = nodesBounds(nodes)
    const style = canvasRef.current ? getComputedStyle(canvasRef.current) : null
    coloursRef.current = Object.fromEntries(STANCE_VARS.map((s) => [s, style?.getPropertyValue(`--stance-${s}`).trim() || '#888']))
    frame.current = null
    follow()
  }, [nodes, follow, themeVersion])

  // Follow the view, at most every FOLLOW_MS, with a trailing update so it ends where the view did.
  useEffect(() => {
    let last = 0
    let timer: ReturnType<typeof setTimeout> | null = null
    const run = () => {
      timer = null
      last = performance.now()
      follow()
    }
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.transform === prev.transform && s.width === prev.width && s.height === prev.height) return
      if (timer) return
      const wait = FOLLOW_MS - (performance.now() - last)
      if (wait <= 0) run()
      else timer = setTimeout(run, wait)
    })
    // Catch up with a size or view set between the first drawing and this subscription (a map
    // opened already fitted has no later move to report).
    follow()
    return () => {
      unsubscribe()
      if (timer) clearTimeout(timer)
    }
  }, [store, follow])

  useEffect(() => {
    const observer = new MutationObserver(() => bumpTheme())
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] })
    return () => observer.disconnect()
  }, [])

  /** Centres the view on the minimap point under the pointer. */
  const moveTo = useCallback((e: React.PointerEvent<HTMLDivElement>) => {
    const f = frame.current
    if (!f) return
    const box = e.currentTarget.getBoundingClientRect()
    const x = f.world.x + (e.clientX - box.left - f.offsetX) / f.scale
    const y = f.world.y + (e.clientY - box.top - f.offsetY) / f.scale
    void flow.setCenter(x, y, { zoom: flow.getZoom() })
    onUserMove?.()
  }, [flow, onUserMove])

  const onPointerDown = useCallback((e: React.PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return
    e.currentTarget.setPointerCapture?.(e.pointerId)
    moveTo(e)
  }, [moveTo])
  const onPointerMove = useCallback((e: React.PointerEvent<HTMLDivElement>) => {
    if (e.buttons & 1) moveTo(e)
  }, [moveTo])

  // Folded, the body stays mounted (hidden) so the drawing effects keep their canvas.
  const [open, setOpen] = useState(true)
  return (
    <Panel position="bottom-right" className={`react-flow__minimap canvas-minimap${open ? '' : ' folded'}`} data-testid="minimap" data-map-overlay="">
      {toggleLabels && (
        <button type="button" className="ghost minimap-toggle" data-testid="minimap-toggle" aria-expanded={open} title={open ? toggleLabels.hide : toggleLabels.show} onClick={() => setOpen(!open)}>
          {open ? '−' : toggleLabels.show}
        </button>
      )}
      <div className="canvas-minimap-body" style={{ width: WIDTH, height: HEIGHT }} onPointerDown={onPointerDown} onPointerMove={onPointerMove}>
        <canvas ref={canvasRef} role="img" aria-label={ariaLabel} style={{ width: WIDTH, height: HEIGHT }} />
        <div ref={viewRef} className="canvas-minimap-view" aria-hidden="true" />
      </div>
    </Panel>
  )
})
