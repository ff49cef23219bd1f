import type { LinkKind, Stance } from '@shared/model'
import { STANCES } from '@shared/model'
import type { Scene, SceneCard } from './canvas-scene'
import { readableNamePx, TOP_NAME_CAP_PX } from './use-readable-names'

/**
 * Paints the far-out map (canvas-scene.ts) on one 2D canvas, as tldraw and excalidraw draw
 * their scenes: one path per colour (all lines of a kind, all cards of a stance) instead of
 * 3,000 DOM and SVG elements the browser must style, lay out and raster on every pan frame
 * (docs/performance.md "Canvas layer"). It draws what the compact far-out card and line show
 * (map-detail.css `.map-far`): the stance colours, the line kinds' colours, no dashes or
 * arrowheads, and the top ranks' names as labels at least MIN_NAME_SCREEN_PX on screen.
 */
export interface Palette {
  stance: Record<Stance, string>
  stanceBg: Record<Stance, string>
  line: Record<LinkKind, string>
  surface: string
  text: string
  accent: string
  font: string
}

const LINE_KINDS: readonly LinkKind[] = ['reports-to', 'influences', 'ally', 'conflict']
/** Line widths in map units (map.css); never under LINE_MIN_SCREEN_PX, so every line shows. */
const LINE_WIDTH: Record<LinkKind, number> = { 'reports-to': 2, influences: 2, ally: 3, conflict: 3 }
/** The card's border by influence (card.css). */
const LINE_MIN_SCREEN_PX = 0.6
const BORDER: Record<SceneCard['influence'], number> = { high: 4, medium: 2, low: 1 }
/** The faded look of a card or line outside the filters (card.css `.dimmed`). */
const DIMMED_ALPHA = 0.22
const SELECTED_RING = 8

export function readPalette(el: Element): Palette {
  const style = getComputedStyle(el)
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback
  return {
    stance: Object.fromEntries(STANCES.map((s) => [s, v(`--stance-${s}`, '#888')])) as Record<Stance, string>,
    stanceBg: Object.fromEntries(STANCES.map((s) => [s, v(`--stance-${s}-bg`, '#eee')])) as Record<Stance, string>,
    line: Object.fromEntries(LINE_KINDS.map((k) => [k, v(`--link-${k}`, '#4a5568')])) as Record<LinkKind, string>,
    surface: v('--surface', '#fff'),
    text: v('--text', '#1a1d23'),
    accent: v('--accent', '#0b5cad'),
    font: style.fontFamily || 'sans-serif',
  }
}

export interface View { x: number; y: number; zoom: number; width: number; height: number }

export interface Painted { cards: number; lines: number; labels: number }

function visible(c: { x: number; y: number; width: number; height: number }, view: View, pad: number): boolean {
  const x = c.x * view.zoom + view.x
  const y = c.y * view.zoom + view.y
  return x + c.width * view.zoom >= -pad && y + c.height * view.zoom >= -pad && x <= view.width + pad && y <= view.height + pad
}

/** Paints the scene; returns what it drew (every card and line of the scene, on screen or not). */
export function paintScene(ctx: CanvasRenderingContext2D, scene: Scene, view: View, palette: Palette, dpr: number): Painted {
  const { zoom } = view
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
  ctx.clearRect(0, 0, view.width, view.height)
  ctx.setTransform(zoom * dpr, 0, 0, zoom * dpr, view.x * dpr, view.y * dpr)
  const px = 1 / zoom
  ctx.lineJoin = 'round'

  for (const dimmed of [true, false]) {
    ctx.globalAlpha = dimmed ? DIMMED_ALPHA : 1
    for (const kind of LINE_KINDS) {
      ctx.beginPath()
      let any = false
      for (const l of scene.lines) {
        if (l.kind !== kind || l.dimmed !== dimmed) continue
        any = true
        const [first, ...rest] = l.points
        ctx.moveTo(first.x, first.y)
        for (const p of rest) ctx.lineTo(p.x, p.y)
      }
      if (!any) continue
      ctx.strokeStyle = palette.line[kind]
      ctx.lineWidth = Math.max(LINE_MIN_SCREEN_PX * px, LINE_WIDTH[kind])
      ctx.stroke()
    }
  }
  ctx.globalAlpha = 1
  const selectedLines = scene.lines.filter((l) => l.selected)
  if (selectedLines.length) {
    ctx.beginPath()
    for (const l of selectedLines) l.points.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)))
    ctx.strokeStyle = palette.accent
    ctx.lineWidth = Math.max(3 * px, 5)
    ctx.stroke()
  }

  // Cards: one fill and one stroke per stance and border width; off-screen cards are skipped.
  const pad = 40
  const onScreen = scene.cards.filter((c) => visible(c, view, pad))
  for (const dimmed of [true, false]) {
    ctx.globalAlpha = dimmed ? DIMMED_ALPHA : 1
    for (const stance of STANCES) {
      for (const influence of ['low', 'medium', 'high'] as const) {
        ctx.beginPath()
        let any = false
        for (const c of onScreen) {
          if (c.stance !== stance || c.influence !== influence || c.dimmed !== dimmed) continue
          any = true
          ctx.rect(c.x, c.y, c.width, c.height)
        }
        if (!any) continue
        ctx.fillStyle = palette.stanceBg[stance]
        ctx.fill()
        ctx.strokeStyle = palette.stance[stance]
        // True width, as the DOM card's border: far out a hairline, or 1,000 boxes read as a grid.
        ctx.lineWidth = Math.max(0.5 * px, BORDER[influence])
        ctx.stroke()
      }
    }
  }
  ctx.globalAlpha = 1
  const selectedCards = onScreen.filter((c) => c.selected)
  if (selectedCards.length) {
    ctx.beginPath()
    for (const c of selectedCards) ctx.rect(c.x - SELECTED_RING / 2, c.y - SELECTED_RING / 2, c.width + SELECTED_RING, c.height + SELECTED_RING)
    ctx.strokeStyle = palette.accent
    ctx.lineWidth = Math.max(2 * px, SELECTED_RING)
    ctx.stroke()
  }

  const labels = paintTopLabels(ctx, onScreen, zoom, palette)
  return { cards: scene.cards.length, lines: scene.lines.length, labels }
}

/**
 * The top ranks' names, as map-detail.css draws them far out: a label wider than its card,
 * centred over it, in type that stays ≥ 12 px on screen (up to TOP_NAME_CAP_PX map units).
 */
function paintTopLabels(ctx: CanvasRenderingContext2D, cards: readonly SceneCard[], zoom: number, palette: Palette): number {
  const size = readableNamePx(zoom, TOP_NAME_CAP_PX)
  ctx.font = `700 ${size}px ${palette.font}`
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  const border = Math.max(2, 0.04 * size) // map-detail.css: max(2px, 0.04em), in map units
  let count = 0
  for (const c of cards) {
    if (!c.top || !c.name) continue
    count++
    const width = ctx.measureText(c.name).width + 0.5 * size
    const height = size * 1.16
    const cx = c.x + c.width / 2
    const cy = c.y + c.height / 2
    ctx.globalAlpha = c.dimmed ? DIMMED_ALPHA : 1
    ctx.beginPath()
    ctx.roundRect(cx - width / 2, cy - height / 2, width, height, 0.15 * size)
    ctx.fillStyle = palette.surface
    ctx.fill()
    ctx.lineWidth = border
    ctx.strokeStyle = palette.stance[c.stance]
    ctx.stroke()
    ctx.fillStyle = palette.text
    ctx.fillText(c.name, cx, cy + 0.04 * size)
  }
  ctx.globalAlpha = 1
  return count
}
