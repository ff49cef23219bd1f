import { toSvg } from 'html-to-image'
import { mapController } from '../map'
import { useExportStore } from './export-store'
import { imageScale } from './image-size'
import { svgDataUrl, svgDocumentOf } from './svg-document'

/** Space around the outermost cards, in map pixels. */
const MARGIN = 40
/** How long to wait for the off-screen cards and lines to render before drawing anyway. */
const RENDER_WAIT_MS = 8000

export class MapImageError extends Error {
  constructor(readonly code: 'no-map' | 'empty-map') {
    super(code === 'no-map' ? 'The map is not open.' : 'The map is empty.')
  }
}

export interface MapImage {
  data: Uint8Array<ArrayBuffer>
  width: number
  height: number
  pixelRatio: number
  /** The map was too large for 2× and was drawn smaller. */
  reduced: boolean
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))

/**
 * Draw the WHOLE map (every card and line, not just what is in view) at zoom 1: the map
 * renders all cards for the moment, and the copy html-to-image draws gets a transform that
 * puts the cards' bounds at the image's origin; the user's own view does not move. Only the
 * flow's viewport layer is drawn, so controls, minimap and panels never appear.
 */
export async function drawMap(format: 'png' | 'svg', wantedRatio = 2): Promise<MapImage> {
  const controller = mapController()
  const viewport = document.querySelector<HTMLElement>('.map-canvas .react-flow__viewport')
  if (!controller?.imageFrame || !viewport) throw new MapImageError('no-map')
  const store = useExportStore.getState()
  store.setRenderAllCards(true)
  try {
    await allRendered(() => controller.imageFrame!())
    const { bounds, nodes } = controller.imageFrame()
    if (nodes === 0) throw new MapImageError('empty-map')
    const width = Math.ceil(bounds.width + 2 * MARGIN)
    const height = Math.ceil(bounds.height + 2 * MARGIN)
    const scale = imageScale(width, height, format === 'png' ? wantedRatio : 1)
    const options = {
      width,
      height,
      pixelRatio: scale.pixelRatio,
      backgroundColor: backgroundOf(viewport),
      skipFonts: true, // system fonts only; embedding would fetch every stylesheet's fonts
      filter: keepInImage,
      style: {
        width: `${width}px`,
        height: `${height}px`,
        transform: `translate(${MARGIN - bounds.x}px, ${MARGIN - bounds.y}px) scale(1)`,
      },
    }
    // Both formats come from one cleaned SVG document: html-to-image's own PNG path would
    // draw its SVG uncleaned, and a stray control character makes that image fail to load.
    const svg = svgDocumentOf(await toSvg(viewport, options))
    if (format === 'svg') return { data: new TextEncoder().encode(svg), width, height, pixelRatio: 1, reduced: false }
    const blob = await pngOf(svg, scale.width, scale.height, options.backgroundColor)
    return { data: new Uint8Array(await blob.arrayBuffer()), width: scale.width, height: scale.height, pixelRatio: scale.pixelRatio, reduced: scale.reduced }
  } finally {
    store.setRenderAllCards(false)
  }
}

/** Draw the SVG on a canvas of the image's pixel size, as html-to-image's toBlob does. */
async function pngOf(svg: string, pixelWidth: number, pixelHeight: number, background: string): Promise<Blob> {
  const img = new Image()
  img.decoding = 'async'
  img.src = svgDataUrl(svg)
  await img.decode()
  const canvas = document.createElement('canvas')
  canvas.width = pixelWidth
  canvas.height = pixelHeight
  const context = canvas.getContext('2d')
  if (!context) throw new Error('The browser could not draw the map image.')
  context.fillStyle = background
  context.fillRect(0, 0, canvas.width, canvas.height)
  context.drawImage(img, 0, 0, canvas.width, canvas.height)
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
  if (!blob) throw new Error('The browser could not draw the map image.')
  return blob
}

/** Wait until every card is in the page and measured and every line is drawn. */
async function allRendered(frameOf: () => { nodes: number; edges: number }): Promise<void> {
  const started = performance.now()
  let stableFrames = 0
  while (performance.now() - started < RENDER_WAIT_MS) {
    await frame()
    const { nodes, edges } = frameOf()
    const shown = document.querySelectorAll('.map-canvas .react-flow__node:not([style*="visibility: hidden"])').length
    const lines = document.querySelectorAll('.map-canvas .react-flow__edge').length
    stableFrames = shown >= nodes && lines >= edges ? stableFrames + 1 : 0
    if (stableFrames >= 2) return
  }
  console.warn('Map image: drawing before every card was rendered')
}

/** Leave out selection boxes and connection handles: they are editing aids, not the map. */
function keepInImage(node: HTMLElement): boolean {
  const classes = node.classList
  if (!classes) return true
  return !classes.contains('react-flow__handle') && !classes.contains('react-flow__nodesselection') && !classes.contains('react-flow__selection')
}

function backgroundOf(viewport: HTMLElement): string {
  for (let el: HTMLElement | null = viewport; el; el = el.parentElement) {
    const color = getComputedStyle(el).backgroundColor
    if (color && color !== 'transparent' && color !== 'rgba(0, 0, 0, 0)') return color
  }
  return '#ffffff'
}
