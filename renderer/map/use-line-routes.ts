import { useEffect, useMemo, useRef, useState } from 'react'
import type { Point } from '@shared/edge-routing'
import { LineRouteCache, ROUTE_BUDGET } from '@shared/line-routes'
import type { Link, Stakeholder } from '@shared/model'

const NONE: ReadonlyMap<string, Point[]> = new Map()

/**
 * Routes for the sideways lines (influences, ally, conflict): facing sides, round every other
 * card. Only the lines a moved card touches or stands near are routed again; on a big map the
 * lines a first pass could not afford are drawn straight and routed over the next frames.
 */
export function useLineRoutes(stakeholders: readonly Stakeholder[] | undefined, links: readonly Link[] | undefined): ReadonlyMap<string, Point[]> {
  const cache = useRef<LineRouteCache | null>(null)
  const [pass, setPass] = useState(0)
  const routes = useMemo(() => {
    if (!stakeholders || !links) return NONE
    // A map being opened draws its first frame with straight sideways lines and routes them
    // over the next frames: routing on the first render held the 1,000-person map's first
    // paint by ~25% of the open (docs/performance.md, "Open").
    const opening = cache.current === null
    cache.current ??= new LineRouteCache()
    return cache.current.update(stakeholders, links, opening ? 0 : ROUTE_BUDGET)
    // pass: one more round for the lines still waiting.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stakeholders, links, pass])
  useEffect(() => {
    if (!cache.current?.pending) return
    return whenIdle(() => setPass((p) => p + 1))
  }, [routes, pass])
  return routes
}

/**
 * Run `next` when the page is idle: the lines still waiting are routed after the map has been
 * measured, fitted and painted, not in between (on a timer, each pass held up React Flow's
 * first frames of a big map; docs/performance.md, "Open"). A timer where there is no
 * requestIdleCallback (jsdom).
 */
function whenIdle(next: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(next)
    return () => cancelIdleCallback(id)
  }
  const timer = setTimeout(next, 16)
  return () => clearTimeout(timer)
}
