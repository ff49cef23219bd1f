import { useEffect, type RefObject } from 'react'
import { useStoreApi } from '@xyflow/react'

/** The smallest a name may be drawn on screen and still be read in a meeting. */
export const MIN_NAME_SCREEN_PX = 12
/** The smallest full card's name (1.3em of a low-influence card's 12.5 px), in map units. */
export const FULL_NAME_PX = 16
/**
 * The largest name a card can hold (two lines of a full card's body), and a top-rank name,
 * which zoomed far out is a label wider than its card, over it, as a chart's headings are.
 */
export const NAME_CAP_PX = 30
export const TOP_NAME_CAP_PX = 130

/** The name size, in map units, that draws at MIN_NAME_SCREEN_PX at this zoom (never above `cap`). */
export function readableNamePx(zoom: number, cap: number): number {
  return Math.min(cap, Math.ceil(MIN_NAME_SCREEN_PX / Math.max(zoom, 1e-3)))
}

/**
 * Level of detail for names. Zoomed out, a card's name grows (and its title and department,
 * unreadable by then, give it their room) so it stays ≥ 12 px on screen as long as the card can
 * hold it; on a large map, where cards are drawn light, only the top ranks (the CEO and their
 * reports) keep a large name, so the chart's shape reads at a glance. Written to the canvas
 * as CSS variables from React Flow's store, with no React render, and only when a size
 * changes by a pixel.
 */
export function useReadableNames(canvas: RefObject<HTMLElement | null>, largeMap: boolean, ready: boolean): void {
  const store = useStoreApi()
  useEffect(() => {
    const el = canvas.current
    if (!el || !ready) return
    let last = ''
    const apply = (zoom: number) => {
      const name = readableNamePx(zoom, NAME_CAP_PX)
      const top = readableNamePx(zoom, TOP_NAME_CAP_PX)
      const readable = !largeMap && name > FULL_NAME_PX
      const key = `${name}/${top}/${readable}`
      if (key === last) return
      last = key
      el.style.setProperty('--name-px', `${name}px`)
      el.style.setProperty('--top-name-px', `${top}px`)
      if (readable) el.dataset.readableNames = ''
      else delete el.dataset.readableNames
    }
    apply(store.getState().transform[2])
    return store.subscribe((s) => apply(s.transform[2]))
  }, [canvas, store, largeMap, ready])
}
