import JSZip from 'jszip'
import { analyzeDeal } from '@shared/analysis'
import { buildDeck, SLIDE_IDS, type DeckAccount, type DeckInput, type SlideId } from '@shared/deck'
import type { Deal, Language, Seller } from '@shared/model'

export const TODAY = '2026-03-12'

/** Build a deck of the deal with the real analysis, as the app and the CLI do. */
export function deckOf(deal: Deal, roster: readonly Seller[], options: { language?: Language; slides?: readonly SlideId[]; changes?: string[]; account?: DeckAccount } = {}): Promise<Uint8Array> {
  const input: DeckInput = {
    deal,
    roster,
    analysis: analyzeDeal({ deal, roster, openDeals: [], settings: {}, today: TODAY }),
    language: options.language ?? 'en',
    today: TODAY,
    slides: options.slides ?? SLIDE_IDS,
    ...(options.changes ? { changes: options.changes } : {}),
    ...(options.account ? { account: options.account } : {}),
  }
  return buildDeck(input)
}

/** The slides' XML in order (slide1.xml, slide2.xml, …). */
export async function slideXmls(pptx: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(pptx)
  const paths = Object.keys(zip.files)
    .filter((p) => /^ppt\/slides\/slide\d+\.xml$/.test(p))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]))
  return Promise.all(paths.map((p) => zip.file(p)!.async('string')))
}

export interface ShapeInfo {
  id: number
  name: string
  text: string
}

/** Shapes (`p:sp`) of a slide with their ids, names and text. */
export function shapesOf(xml: string): ShapeInfo[] {
  return [...xml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)].map((m) => {
    const head = /<p:cNvPr id="(\d+)" name="([^"]*)"/.exec(m[1])!
    const text = [...m[1].matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join('\n')
    return { id: Number(head[1]), name: head[2], text: decodeXml(text) }
  })
}

export interface ConnectorInfo {
  id: number
  start: number
  end: number
  startIdx: number
  endIdx: number
  xml: string
}

export function connectorsOf(xml: string): ConnectorInfo[] {
  return [...xml.matchAll(/<p:cxnSp>([\s\S]*?)<\/p:cxnSp>/g)].map((m) => ({
    id: Number(/<p:cNvPr id="(\d+)"/.exec(m[1])![1]),
    start: Number(/<a:stCxn id="(\d+)"/.exec(m[1])![1]),
    end: Number(/<a:endCxn id="(\d+)"/.exec(m[1])![1]),
    startIdx: Number(/<a:stCxn id="\d+" idx="(\d+)"/.exec(m[1])![1]),
    endIdx: Number(/<a:endCxn id="\d+" idx="(\d+)"/.exec(m[1])![1]),
    xml: m[1],
  }))
}

export function allIds(xml: string): number[] {
  return [...xml.matchAll(/<p:cNvPr id="(\d+)"/g)].map((m) => Number(m[1]))
}

export function decodeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
}

export interface Box {
  x: number
  y: number
  w: number
  h: number
}

export interface ShapeGeometry extends ShapeInfo {
  box: Box
  preset: string
  /** Font sizes of the shape's runs, in points. */
  sizes: number[]
}

const EMU = 914_400

/** Every `p:sp` of a slide with its box (inches), preset and run sizes. */
export function geometryOf(xml: string): ShapeGeometry[] {
  return [...xml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)].map((m) => {
    const body = m[1]
    const head = /<p:cNvPr id="(\d+)" name="([^"]*)"/.exec(body)!
    const off = /<a:off x="(-?\d+)" y="(-?\d+)"\/>/.exec(body)
    const ext = /<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(body)
    const text = [...body.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join('\n')
    return {
      id: Number(head[1]),
      name: decodeXml(head[2]),
      text: decodeXml(text),
      box: { x: Number(off?.[1] ?? 0) / EMU, y: Number(off?.[2] ?? 0) / EMU, w: Number(ext?.[1] ?? 0) / EMU, h: Number(ext?.[2] ?? 0) / EMU },
      preset: /prst="([^"]+)"/.exec(body)?.[1] ?? '',
      sizes: [...body.matchAll(/ sz="(\d+)"/g)].map((s) => Number(s[1]) / 100),
    }
  })
}

/** The card shapes of a slide: shapes named after a person of the deal. */
export function cardShapes(xml: string, names: ReadonlySet<string>): ShapeGeometry[] {
  return geometryOf(xml).filter((s) => names.has(s.name.replace(/ \(\d+\)$/, '')))
}

export function overlaps(a: Box, b: Box, air = 0): boolean {
  return a.x < b.x + b.w - air && b.x < a.x + a.w - air && a.y < b.y + b.h - air && b.y < a.y + a.h - air
}

export function inside(inner: Box, outer: Box, slack = 0.15): boolean {
  return inner.x >= outer.x - slack && inner.y >= outer.y - slack && inner.x + inner.w <= outer.x + outer.w + slack && inner.y + inner.h <= outer.y + outer.h + slack
}

/**
 * The corners of a `bentConnector3` as drawn from its XML: the preset's path across, down,
 * across in its own frame, flipped, then turned if `rot` says so.
 */
export function connectorCorners(cxnXml: string): Array<{ x: number; y: number }> {
  const num = (re: RegExp) => Number(re.exec(cxnXml)?.[1] ?? 0)
  const x = num(/<a:off x="(-?\d+)"/) / EMU
  const y = num(/<a:off x="-?\d+" y="(-?\d+)"/) / EMU
  const w = num(/<a:ext cx="(\d+)"/) / EMU
  const h = num(/<a:ext cx="\d+" cy="(\d+)"/) / EMU
  const adj = (/name="adj1" fmla="val (-?\d+)"/.exec(cxnXml) ? num(/name="adj1" fmla="val (-?\d+)"/) : 50_000) / 100_000
  const rot = /rot="5400000"/.test(cxnXml)
  const flipH = /flipH="1"/.test(cxnXml)
  const flipV = /flipV="1"/.test(cxnXml)
  const local = [[0, 0], [adj * w, 0], [adj * w, h], [w, h]].map(([u, v]) => [flipH ? w - u : u, flipV ? h - v : v])
  const cx = x + w / 2
  const cy = y + h / 2
  return local.map(([u, v]) => (rot ? { x: cx - (v - h / 2), y: cy + (u - w / 2) } : { x: cx + (u - w / 2), y: cy + (v - h / 2) }))
}

/** Does the polyline pass through the inside of the box (shrunk by `inset`)? */
export function pathCrosses(points: ReadonlyArray<{ x: number; y: number }>, box: Box, inset = 0.03): boolean {
  for (let i = 1; i < points.length; i++) {
    const p = points[i - 1]
    const q = points[i]
    const x1 = Math.min(p.x, q.x), x2 = Math.max(p.x, q.x), y1 = Math.min(p.y, q.y), y2 = Math.max(p.y, q.y)
    if (x1 < box.x + box.w - inset && x2 > box.x + inset && y1 < box.y + box.h - inset && y2 > box.y + inset) return true
  }
  return false
}
