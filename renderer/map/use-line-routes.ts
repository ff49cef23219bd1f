import { useEffect, useMemo, useRef, useState } from 'react'
import type { Point } from '@shared/edge-routing'
import { LineRouteCache } from '@shared/line-routes'
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
    cache.current ??= new LineRouteCache()
    return cache.current.update(stakeholders, links)
    // pass: one more round for the lines still waiting.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stakeholders, links, pass])
  useEffect(() => {
    if (!cache.current?.pending) return
    const timer = setTimeout(() => setPass((p) => p + 1), 16)
    return () => clearTimeout(timer)
  }, [routes, pass])
  return routes
}
