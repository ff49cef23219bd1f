import type { LinkKind } from '../model'
import type { Rect } from './map-layout'
import { EMU_PER_INCH, LINK_STYLE } from './theme'

/**
 * Glued connectors. pptxgenjs only draws free-floating lines, so the map slides record
 * which named shapes each line joins, and `glueConnectors` writes real `p:cxnSp`
 * elements whose `a:stCxn`/`a:endCxn` point at the shapes' ids: PowerPoint then keeps a
 * line attached when the user moves a box.
 */

/** Connection sites of `rect`/`roundRect` in DrawingML's preset order. */
const SITE = { top: 0, left: 1, bottom: 2, right: 3 } as const
type Site = (typeof SITE)[keyof typeof SITE]

export interface ConnectorSpec {
  fromName: string
  toName: string
  fromSite: Site
  toSite: Site
  /** The line's start and end points on the slide, inches. */
  x1: number
  y1: number
  x2: number
  y2: number
  kind: LinkKind
}

export interface SlideConnectors {
  /** 1-based, as in ppt/slides/slideN.xml. */
  slideNumber: number
  connectors: ConnectorSpec[]
}

function sitePoint(rect: Rect, site: Site): { x: number; y: number } {
  switch (site) {
    case SITE.top: return { x: rect.x + rect.w / 2, y: rect.y }
    case SITE.bottom: return { x: rect.x + rect.w / 2, y: rect.y + rect.h }
    case SITE.left: return { x: rect.x, y: rect.y + rect.h / 2 }
    default: return { x: rect.x + rect.w, y: rect.y + rect.h / 2 }
  }
}

/** Join the facing sides of two boxes: top/bottom when they are more above each other than beside. */
export function connectorBetween(fromName: string, from: Rect, toName: string, to: Rect, kind: LinkKind): ConnectorSpec {
  const dx = (to.x + to.w / 2) - (from.x + from.w / 2)
  const dy = (to.y + to.h / 2) - (from.y + from.h / 2)
  const vertical = Math.abs(dy) / from.h >= Math.abs(dx) / from.w
  const fromSite: Site = vertical ? (dy >= 0 ? SITE.bottom : SITE.top) : dx >= 0 ? SITE.right : SITE.left
  const toSite: Site = vertical ? (dy >= 0 ? SITE.top : SITE.bottom) : dx >= 0 ? SITE.left : SITE.right
  const a = sitePoint(from, fromSite)
  const b = sitePoint(to, toSite)
  return { fromName, toName, fromSite, toSite, x1: a.x, y1: a.y, x2: b.x, y2: b.y, kind }
}

const emu = (inches: number): number => Math.round(inches * EMU_PER_INCH)

function connectorXml(spec: ConnectorSpec, id: number, fromId: number, toId: number): string {
  const style = LINK_STYLE[spec.kind]
  const flipH = spec.x2 < spec.x1 ? ' flipH="1"' : ''
  const flipV = spec.y2 < spec.y1 ? ' flipV="1"' : ''
  const dash = style.dash === 'solid' ? '' : `<a:prstDash val="${style.dash}"/>`
  const arrow = style.arrow ? '<a:tailEnd type="triangle" w="med" len="med"/>' : ''
  return (
    `<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="${id}" name="Connector ${id} ${spec.kind}"/>` +
    `<p:cNvCxnSpPr><a:stCxn id="${fromId}" idx="${spec.fromSite}"/><a:endCxn id="${toId}" idx="${spec.toSite}"/></p:cNvCxnSpPr><p:nvPr/></p:nvCxnSpPr>` +
    `<p:spPr><a:xfrm${flipH}${flipV}><a:off x="${emu(Math.min(spec.x1, spec.x2))}" y="${emu(Math.min(spec.y1, spec.y2))}"/>` +
    `<a:ext cx="${emu(Math.abs(spec.x2 - spec.x1))}" cy="${emu(Math.abs(spec.y2 - spec.y1))}"/></a:xfrm>` +
    `<a:prstGeom prst="straightConnector1"><a:avLst/></a:prstGeom>` +
    `<a:ln w="${Math.round(style.widthPt * 12_700)}"><a:solidFill><a:srgbClr val="${style.color}"/></a:solidFill>${dash}${arrow}</a:ln>` +
    `</p:spPr></p:cxnSp>`
  )
}

const CNVPR = /<p:cNvPr id="\d+" name="([^"]*)"/g

/**
 * Renumber every shape id on the slide 1, 2, 3… (pptxgenjs can give a table the id of a
 * shape) and add the slide's connectors beneath the shapes, in one pass over the XML each.
 */
export function finishSlideXml(xml: string, connectors: readonly ConnectorSpec[]): string {
  let next = 0
  const idByName = new Map<string, number>()
  const renumbered = xml.replace(CNVPR, (_match, name: string) => {
    next += 1
    if (name) idByName.set(name, next)
    return `<p:cNvPr id="${next}" name="${name}"`
  })
  if (connectors.length === 0) return renumbered
  const parts: string[] = []
  for (const spec of connectors) {
    const fromId = idByName.get(spec.fromName)
    const toId = idByName.get(spec.toName)
    if (fromId === undefined || toId === undefined) throw new Error(`A connector refers to a shape that is not on the slide (${spec.fromName} → ${spec.toName})`)
    next += 1
    parts.push(connectorXml(spec, next, fromId, toId))
  }
  // Right after the group's own properties, so lines sit beneath the boxes they join.
  const anchor = renumbered.indexOf('</p:grpSpPr>')
  if (anchor < 0) throw new Error('The slide has no shape tree')
  const at = anchor + '</p:grpSpPr>'.length
  return renumbered.slice(0, at) + parts.join('') + renumbered.slice(at)
}
