import { xmlSafe } from '@shared/xml'

/**
 * The SVG document inside html-to-image's `data:image/svg+xml` URL, fit to save. The
 * browser's XMLSerializer escapes `&<>"` but passes control characters through, and one
 * such character makes the whole file unreadable to every SVG viewer (and the PNG, drawn
 * from the same SVG, fails to load); they are dropped here, whatever reached the page.
 */
export function svgDocumentOf(dataUrl: string): string {
  const comma = dataUrl.indexOf(',')
  if (!dataUrl.startsWith('data:image/svg+xml') || comma < 0) throw new Error('The map image is not an SVG document.')
  const body = dataUrl.slice(comma + 1)
  return xmlSafe(dataUrl.slice(0, comma).endsWith(';base64') ? new TextDecoder().decode(Uint8Array.from(atob(body), (c) => c.charCodeAt(0))) : decodeURIComponent(body))
}

/** The SVG as a URL an `<img>` can load, to draw the PNG from the same cleaned document. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}
