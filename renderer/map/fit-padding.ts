import type { FitViewOptions } from '@xyflow/react'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface SidePadding {
  top: number
  right: number
  bottom: number
  left: number
}

/** Clear room round the fitted chart, in screen pixels. */
export const FIT_MARGIN = 16

/**
 * What "Fit" must keep clear: the overlays drawn over the canvas (legend, zoom buttons,
 * minimap, Coverage button, warnings). Each marks itself with this attribute.
 */
export const OVERLAY_ATTRIBUTE = 'data-map-overlay'

/**
 * Padding that keeps every card clear of every overlay. Each overlay sits against an edge of
 * the canvas and can be kept clear by a band along either of the two edges nearest it (the
 * legend at bottom left: a band at the bottom or on the left). Of all those choices this takes
 * the one that lets the chart be drawn largest, so a wide chart gives up height and a tall one
 * width. `chart` is the chart's size in flow units.
 */
export function fitPadding(canvas: { width: number; height: number }, overlays: readonly Rect[], chart: { width: number; height: number }, margin = FIT_MARGIN): SidePadding {
  const visible = overlays.filter((o) => o.width > 0 && o.height > 0 && o.x < canvas.width && o.y < canvas.height && o.x + o.width > 0 && o.y + o.height > 0)
  const options = visible.map((o) => {
    const toLeft = o.x + o.width
    const toRight = canvas.width - o.x
    const toTop = o.y + o.height
    const toBottom = canvas.height - o.y
    const horizontal: [keyof SidePadding, number] = toLeft <= toRight ? ['left', toLeft] : ['right', toRight]
    const vertical: [keyof SidePadding, number] = toTop <= toBottom ? ['top', toTop] : ['bottom', toBottom]
    return [horizontal, vertical] as const
  })
  let best: SidePadding = { top: margin, right: margin, bottom: margin, left: margin }
  let bestZoom = -Infinity
  // Two choices per overlay; a handful of overlays: try every combination.
  for (let mask = 0; mask < 1 << options.length; mask++) {
    const pad: SidePadding = { top: margin, right: margin, bottom: margin, left: margin }
    options.forEach((choice, i) => {
      const [side, depth] = choice[(mask >> i) & 1]
      pad[side] = Math.max(pad[side], depth + margin)
    })
    const w = canvas.width - pad.left - pad.right
    const h = canvas.height - pad.top - pad.bottom
    const zoom = w <= 0 || h <= 0 ? 0 : Math.min(w / Math.max(1, chart.width), h / Math.max(1, chart.height))
    if (zoom > bestZoom + 1e-9) {
      bestZoom = zoom
      best = pad
    }
  }
  return best
}

/** The overlays' boxes relative to the canvas, as they are drawn now. */
export function measureOverlays(canvas: HTMLElement): Rect[] {
  const box = canvas.getBoundingClientRect()
  const area = canvas.closest('.map-area') ?? canvas
  // React Flow's zoom buttons take no attributes of ours: found by their class.
  return [...area.querySelectorAll(`[${OVERLAY_ATTRIBUTE}], .react-flow__controls`)].map((el) => {
    const r = el.getBoundingClientRect()
    return { x: r.left - box.left, y: r.top - box.top, width: r.width, height: r.height }
  })
}

/** React Flow fit options for this canvas and chart, measured now. */
export function fitOptionsFor(canvas: HTMLElement | null, chart: { width: number; height: number }, maxZoom: number): FitViewOptions & { padding: { top: `${number}px`; right: `${number}px`; bottom: `${number}px`; left: `${number}px` } } {
  const box = canvas?.getBoundingClientRect()
  const pad = box ? fitPadding(box, measureOverlays(canvas!), chart) : { top: FIT_MARGIN, right: FIT_MARGIN, bottom: FIT_MARGIN, left: FIT_MARGIN }
  return { maxZoom, padding: { top: `${pad.top}px`, right: `${pad.right}px`, bottom: `${pad.bottom}px`, left: `${pad.left}px` } }
}
