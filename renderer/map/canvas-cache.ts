import type { Scene } from './canvas-scene'
import { paintScene, type Painted, type Palette, type View } from './canvas-paint'
import { readableNamePx, TOP_NAME_CAP_PX } from './use-readable-names'

/** Larger pictures cost more memory than a frame of painting saves (4096² × 4 bytes = 64 MB). */
const MAX_SIDE_PX = 4096

interface Bounds { x: number; y: number; width: number; height: number }

function sceneBounds(scene: Scene, zoom: number): Bounds | null {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity
  for (const c of scene.cards) {
    x0 = Math.min(x0, c.x); y0 = Math.min(y0, c.y)
    x1 = Math.max(x1, c.x + c.width); y1 = Math.max(y1, c.y + c.height)
  }
  for (const l of scene.lines) for (const p of l.points) {
    x0 = Math.min(x0, p.x); y0 = Math.min(y0, p.y)
    x1 = Math.max(x1, p.x); y1 = Math.max(y1, p.y)
  }
  if (x0 === Infinity) return null
  // Room for the top ranks' labels, wider than their cards, and the selection ring.
  const label = readableNamePx(zoom, TOP_NAME_CAP_PX)
  const padX = label * 12
  const padY = label + 16
  return { x: x0 - padX, y: y0 - padY, width: x1 - x0 + 2 * padX, height: y1 - y0 + 2 * padY }
}

/**
 * A pan moves the view, not the scene: the scene is painted once per zoom (and per change of
 * the scene or colours) into a picture, and each pan frame copies that picture into place
 * (docs/performance.md "Canvas layer"). A picture that would be too large (zoomed in towards
 * the edge of the far-out range on a big map) is not made: the scene is painted each frame.
 */
export class SceneCache {
  private picture: HTMLCanvasElement | null = null
  private key: { scene: Scene; zoom: number; palette: Palette; dpr: number } | null = null
  private bounds: Bounds | null = null
  private painted: Painted = { cards: 0, lines: 0, labels: 0 }
  private lastScene: Scene | null = null

  clear(): void {
    this.key = null
  }

  draw(ctx: CanvasRenderingContext2D, scene: Scene, view: View, palette: Palette, dpr: number): Painted {
    const k = this.key
    // A scene that changed since the last frame is still changing (a drag, lines being routed):
    // painting it straight costs less than a picture made for one frame. Once it holds still
    // for a frame it gets its picture.
    const settling = scene !== this.lastScene
    this.lastScene = scene
    if (settling && k && k.scene !== scene) return paintScene(ctx, scene, view, palette, dpr)
    if (!k || k.scene !== scene || k.zoom !== view.zoom || k.palette !== palette || k.dpr !== dpr) this.repaint(scene, view.zoom, palette, dpr)
    const bounds = this.bounds
    const picture = this.picture
    if (!bounds || !picture || !this.key) return paintScene(ctx, scene, view, palette, dpr)
    ctx.setTransform(1, 0, 0, 1, 0, 0)
    ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height)
    ctx.drawImage(picture, Math.round((view.x + bounds.x * view.zoom) * dpr), Math.round((view.y + bounds.y * view.zoom) * dpr))
    return this.painted
  }

  private repaint(scene: Scene, zoom: number, palette: Palette, dpr: number): void {
    this.key = null
    const bounds = sceneBounds(scene, zoom)
    const w = bounds ? Math.ceil(bounds.width * zoom * dpr) : 0
    const h = bounds ? Math.ceil(bounds.height * zoom * dpr) : 0
    if (!bounds || w <= 0 || h <= 0 || w > MAX_SIDE_PX || h > MAX_SIDE_PX || typeof document === 'undefined') return
    this.picture ??= document.createElement('canvas')
    this.picture.width = w
    this.picture.height = h
    const ctx = this.picture.getContext('2d')
    if (!ctx) return
    const view: View = { x: -bounds.x * zoom, y: -bounds.y * zoom, zoom, width: w / dpr, height: h / dpr }
    this.painted = paintScene(ctx, scene, view, palette, dpr)
    this.bounds = bounds
    this.key = { scene, zoom, palette, dpr }
  }
}
