import JSZip from 'jszip'
import { analyzeDeal } from '@shared/analysis'
import { buildDeck, SLIDE_IDS, type DeckInput, type SlideId } from '@shared/deck'
import type { Deal, Language, Seller } from '@shared/model'

export const TODAY = '2026-03-12'

/** Build a deck of the deal with the real analysis, as the app and the CLI do. */
export function deckOf(deal: Deal, roster: readonly Seller[], options: { language?: Language; slides?: readonly SlideId[]; changes?: string[] } = {}): Promise<Uint8Array> {
  const input: DeckInput = {
    deal,
    roster,
    analysis: analyzeDeal({ deal, roster, openDeals: [], settings: {}, today: TODAY }),
    language: options.language ?? 'en',
    today: TODAY,
    slides: options.slides ?? SLIDE_IDS,
    ...(options.changes ? { changes: options.changes } : {}),
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
