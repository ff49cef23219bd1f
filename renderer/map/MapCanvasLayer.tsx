import { memo, useCallback, useEffect, useLayoutEffect, useReducer, useRef } from 'react'
import { useStoreApi } from '@xyflow/react'
import type { Scene } from './canvas-scene'
import { readPalette, type Palette } from './canvas-paint'
import { SceneCache } from './canvas-cache'

/**
 * The far-out map on one <canvas> under React Flow's pane (docs/performance.md "Canvas
 * layer"): every card and line of `scene`, redrawn once per frame in which the view or the
 * scene changed, from a direct store subscription (no React render during a pan or zoom);
 * a pan only moves a picture of the scene drawn once for the zoom (canvas-cache.ts).
 * React Flow keeps DOM cards only for the card under the pointer and the selection
 * (use-far-canvas.ts), drawn over their canvas twins. What was drawn is on the element
 * (`data-drawn-cards`, `-lines`, `-labels`) for tests and the benchmark.
 */
export const MapCanvasLayer = memo(function MapCanvasLayer({ scene }: { scene: Scene }) {
  const store = useStoreApi()
  const ref = useRef<HTMLCanvasElement>(null)
  const palette = useRef<Palette | null>(null)
  const cache = useRef(new SceneCache())
  const sceneRef = useRef(scene)
  const frame = useRef(0)
  // A theme switch changes the colours (CSS variables): read them again and redraw.
  const [themeVersion, bumpTheme] = useReducer((n: number) => n + 1, 0)

  const draw = useCallback(() => {
    frame.current = 0
    const canvas = ref.current
    if (!canvas) return
    const { transform, width, height } = store.getState()
    const dpr = window.devicePixelRatio || 1
    const w = Math.max(1, Math.round(width * dpr))
    const h = Math.max(1, Math.round(height * dpr))
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w
      canvas.height = h
    }
    const ctx = canvas.getContext('2d')
    if (!ctx) return
    palette.current ??= readPalette(canvas)
    const view = { x: transform[0], y: transform[1], zoom: transform[2], width, height }
    const drawn = cache.current.draw(ctx, sceneRef.current, view, palette.current, dpr)
    canvas.dataset.drawnCards = String(drawn.cards)
    canvas.dataset.drawnLines = String(drawn.lines)
    canvas.dataset.drawnLabels = String(drawn.labels)
  }, [store])
  const schedule = useCallback(() => {
    if (!frame.current) frame.current = requestAnimationFrame(draw)
  }, [draw])

  useLayoutEffect(() => {
    sceneRef.current = scene
    // The first drawing is synchronous, so the map never shows a frame without its cards.
    if (!ref.current?.dataset.drawnCards) draw()
    else schedule()
  }, [scene, draw, schedule])

  // Only a theme switch after mount: the mount's own drawing already read today's colours.
  // Run on mount too, this cleared the picture just made and painted the whole map again in
  // the next frame, on the open's critical path (docs/performance.md, "Open, part 3").
  const themeDrawn = useRef(themeVersion)
  useLayoutEffect(() => {
    if (themeDrawn.current === themeVersion) return
    themeDrawn.current = themeVersion
    palette.current = null
    cache.current.clear()
    schedule()
  }, [themeVersion, schedule])

  useEffect(() => {
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.transform !== prev.transform || s.width !== prev.width || s.height !== prev.height) schedule()
    })
    const observer = new MutationObserver(() => bumpTheme())
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] })
    return () => {
      unsubscribe()
      observer.disconnect()
      cancelAnimationFrame(frame.current)
      frame.current = 0
    }
  }, [store, schedule])

  return <canvas ref={ref} className="map-canvas-layer" data-testid="map-canvas-layer" aria-hidden="true" />
})
