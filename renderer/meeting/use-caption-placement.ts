import { useCallback, useEffect, useLayoutEffect, useState, type CSSProperties, type RefObject } from 'react'
import type { Link } from '@shared/model'
import { placeCaption, type ScreenRect } from './caption-placement'

/** The pan to a new spotlight lasts 400 ms (MeetingMap); place the caption once it settles. */
const PAN_MS = 450

function rectIn(stage: DOMRect, el: Element | null): ScreenRect | null {
  if (!el) return null
  const r = el.getBoundingClientRect()
  if (r.width === 0 && r.height === 0) return null
  return { x: r.left - stage.left, y: r.top - stage.top, width: r.width, height: r.height }
}

/**
 * Keeps the caption off the spotlit card and the people joined to it: measures their cards on
 * screen after each pan (and on resize) and moves the caption to the free place.
 * Returns the caption's style and a callback for the map's "view settled".
 */
export function useCaptionPlacement(
  stageRef: RefObject<HTMLElement | null>,
  captionRef: RefObject<HTMLElement | null>,
  spotlightId: string | null,
  links: readonly Link[],
): { style: CSSProperties | undefined; settle: () => void } {
  const [style, setStyle] = useState<CSSProperties>()
  const settle = useCallback(() => {
    const stageEl = stageRef.current
    const captionEl = captionRef.current
    if (!stageEl || !captionEl) return
    const stage = stageEl.getBoundingClientRect()
    const nodeOf = (id: string) => stageEl.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`)
    const spotlight = spotlightId ? rectIn(stage, nodeOf(spotlightId)) : null
    const neighbourIds = new Set<string>()
    if (spotlightId) for (const l of links) {
      if (l.from === spotlightId) neighbourIds.add(l.to)
      if (l.to === spotlightId) neighbourIds.add(l.from)
    }
    neighbourIds.delete(spotlightId ?? '')
    const neighbours = [...neighbourIds].map((id) => rectIn(stage, nodeOf(id))).filter((r): r is ScreenRect => r !== null)
    const p = placeCaption({
      stage: { width: stage.width, height: stage.height },
      caption: { width: captionEl.offsetWidth, height: captionEl.offsetHeight },
      spotlight,
      neighbours,
    })
    setStyle((old) => (old?.left === p.x && old?.top === p.y ? old : { left: p.x, top: p.y, bottom: 'auto', right: 'auto' }))
    captionEl.dataset.spot = p.spot
  }, [stageRef, captionRef, spotlightId, links])

  // First guess right away (the caption's size changed with its person), the true place once the pan ends.
  useLayoutEffect(() => settle(), [settle])
  useEffect(() => {
    const timer = setTimeout(settle, PAN_MS)
    window.addEventListener('resize', settle)
    return () => {
      clearTimeout(timer)
      window.removeEventListener('resize', settle)
    }
  }, [settle])
  return { style, settle }
}
