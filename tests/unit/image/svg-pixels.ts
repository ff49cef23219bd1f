import { execFileSync } from 'node:child_process'
import type { Box } from '@shared/org-chart-route'

/** An image's pixels as 8-bit RGB, decoded by ImageMagick from any file it reads (SVG, PNG). */
export interface Pixels {
  width: number
  height: number
  rgb: Buffer
}

/** Render or decode `path` with ImageMagick at the given size (its own SVG reader for an SVG). */
export function pixelsOf(path: string, width: number, height: number): Pixels {
  const rgb = execFileSync('convert', [path, '-resize', `${width}x${height}!`, '-depth', '8', 'rgb:-'], { maxBuffer: 512 * 1024 * 1024 })
  if (rgb.length !== width * height * 3) throw new Error(`${path}: expected ${width}×${height} pixels, got ${rgb.length / 3}`)
  return { width, height, rgb }
}

/** How many pixels inside the box (scaled by `scale`) differ clearly from the background colour. */
export function inkInside(pixels: Pixels, box: Box, background: [number, number, number], scale = 1): number {
  let ink = 0
  const x0 = Math.max(0, Math.floor(box.x * scale)), x1 = Math.min(pixels.width, Math.ceil((box.x + box.width) * scale))
  const y0 = Math.max(0, Math.floor(box.y * scale)), y1 = Math.min(pixels.height, Math.ceil((box.y + box.height) * scale))
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * pixels.width + x) * 3
      const d = Math.abs(pixels.rgb[i] - background[0]) + Math.abs(pixels.rgb[i + 1] - background[1]) + Math.abs(pixels.rgb[i + 2] - background[2])
      if (d > 60) ink += 1
    }
  }
  return ink
}

/** The picture's background (#F7F8FA). */
export const BACKGROUND: [number, number, number] = [0xf7, 0xf8, 0xfa]
export const WHITE: [number, number, number] = [0xff, 0xff, 0xff]
