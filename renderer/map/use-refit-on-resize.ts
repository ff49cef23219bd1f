import { useCallback, useEffect, useMemo, useRef, type RefObject } from 'react'
import type { Viewport } from '@xyflow/react'

/**
 * Keeps the map fitted while its area changes size (a wider side panel, a resized window), so
 * no card ends up off-screen, unless the user has zoomed or panned since the last fit: then
 * their view is theirs. React Flow reports a move with the input event when the user made it
 * and with none when code did (a fit, a centre on a card), so `onMoveEnd` tells them apart;
 * moves made in code for the user (zoom buttons, the minimap, centring on a card) call
 * `userMoved`, and a fit asked for calls `fitted`.
 */
/** `fit` fits the map (the map's own fit: every card, clear of the overlays). */
export function useRefitOnResize(area: RefObject<HTMLElement | null>, fit: () => void, enabled: boolean) {
  const moved = useRef(false)
  const userMoved = useCallback(() => { moved.current = true }, [])
  const fitted = useCallback(() => { moved.current = false }, [])
  const onMoveEnd = useCallback((event: MouseEvent | TouchEvent | null, _viewport: Viewport) => {
    if (event) moved.current = true
  }, [])

  useEffect(() => {
    const el = area.current
    if (!enabled || !el || typeof ResizeObserver === 'undefined') return
    let last: { width: number; height: number } | null = null
    let frame = 0
    const observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1].contentRect
      const changed = last !== null && (Math.round(box.width) !== Math.round(last.width) || Math.round(box.height) !== Math.round(last.height))
      last = { width: box.width, height: box.height }
      if (!changed || moved.current || box.width <= 0 || box.height <= 0) return
      cancelAnimationFrame(frame)
      // After React Flow has seen the new size (its own observer), or it fits the old one.
      // Options measured then: the overlays may have moved with the size.
      frame = requestAnimationFrame(() => fit())
    })
    observer.observe(el)
    return () => {
      observer.disconnect()
      cancelAnimationFrame(frame)
    }
  }, [area, fit, enabled])

  return useMemo(() => ({ onMoveEnd, userMoved, fitted }), [onMoveEnd, userMoved, fitted])
}
