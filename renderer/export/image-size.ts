/**
 * Browsers refuse canvases beyond about 16,384 px a side (and far less area on some GPUs), and
 * a 2× image of a 1,000-person map would need gigabytes. Keep the wanted 2× where it fits;
 * otherwise the largest ratio that does, and say so.
 */
export const MAX_IMAGE_SIDE = 16_000
export const MAX_IMAGE_PIXELS = 64_000_000

export interface ImageScale {
  /** Device pixels per CSS pixel of the map at zoom 1. */
  pixelRatio: number
  /** True when the wanted ratio did not fit. */
  reduced: boolean
  /** The image's size in pixels. */
  width: number
  height: number
}

export function imageScale(cssWidth: number, cssHeight: number, wanted = 2): ImageScale {
  const w = Math.max(1, cssWidth)
  const h = Math.max(1, cssHeight)
  const fit = Math.min(MAX_IMAGE_SIDE / w, MAX_IMAGE_SIDE / h, Math.sqrt(MAX_IMAGE_PIXELS / (w * h)))
  // Round down to 2 decimals so the rounded pixel size never crosses the limit.
  const pixelRatio = fit >= wanted ? wanted : Math.floor(fit * 100) / 100
  return { pixelRatio, reduced: pixelRatio < wanted, width: Math.ceil(w * pixelRatio), height: Math.ceil(h * pixelRatio) }
}
