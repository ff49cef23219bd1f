import { renderAsync } from '@resvg/resvg-js'

/** PNGs are drawn at twice the picture's size, as the app's screen shots are… */
const WANTED_SCALE = 2
/** …but never past this many pixels (a 1,000-person map at 2× would take a gigabyte of memory). */
const MAX_PIXELS = 64_000_000

export interface MapPng {
  png: Uint8Array
  width: number
  height: number
  scale: number
}

/**
 * The map's SVG as a PNG, drawn by resvg in Node: no browser, the same picture the SVG
 * file shows, with the system's fonts (so Chinese names draw in the system's CJK face).
 * Drawn on libuv's thread pool: a big map takes seconds, and main must keep answering.
 */
export async function rasterizeSvg(svg: string, size: { width: number; height: number }): Promise<MapPng> {
  const scale = Math.min(WANTED_SCALE, Math.sqrt(MAX_PIXELS / Math.max(1, size.width * size.height)))
  const width = Math.max(1, Math.floor(size.width * scale))
  const image = await renderAsync(svg, {
    fitTo: { mode: 'width', value: width },
    font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans', sansSerifFamily: 'Noto Sans' },
    background: '#F7F8FA',
  })
  return { png: new Uint8Array(image.asPng()), width: image.width, height: image.height, scale }
}
