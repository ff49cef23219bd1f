import type JSZip from 'jszip'
import { readRels, readText, REL_TYPE, resolveTarget } from './package-parts'
import { TemplateError } from './template-error'

/** A rectangle in EMU. */
export interface EmuRect {
  x: number
  y: number
  w: number
  h: number
}

export type PlaceholderType = 'title' | 'ctrTitle' | 'subTitle' | 'body' | 'ftr' | 'sldNum' | 'dt' | 'other'

export interface Placeholder {
  rect: EmuRect | null
  /** The `idx` a slide's placeholder must repeat to inherit from this one (all but titles have one). */
  idx?: string
}

export interface TemplateLayout {
  path: string
  name: string
  /** The layout's `type` (title, titleOnly, obj, blank, …); '' when the layout has none. */
  type: string
  /** Placeholder positions, the layout's own or inherited from the master. */
  placeholders: Map<PlaceholderType, Placeholder>
}

export interface TemplateDesign {
  masterPath: string
  layouts: TemplateLayout[]
  /** The master's placeholders: where a slide without them on its layout puts its title. */
  master: Map<PlaceholderType, Placeholder>
  slideSize: { cx: number; cy: number }
}

const PH_TYPES: readonly PlaceholderType[] = ['title', 'ctrTitle', 'subTitle', 'body', 'ftr', 'sldNum', 'dt']

/** The placeholders in a master's or layout's shape tree, with their positions where given. */
export function placeholdersOf(xml: string): Map<PlaceholderType, Placeholder> {
  const out = new Map<PlaceholderType, Placeholder>()
  for (const m of xml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)) {
    const ph = /<p:ph\b([^>]*?)\/?>/.exec(m[1])
    if (!ph) continue
    // A placeholder with no type is a body (content) placeholder.
    const given = /\btype="([^"]*)"/.exec(ph[1])?.[1] ?? 'body'
    const type = (PH_TYPES as readonly string[]).includes(given) ? (given as PlaceholderType) : given === 'obj' ? 'body' : 'other'
    if (out.has(type)) continue
    const idx = /\bidx="([^"]*)"/.exec(ph[1])?.[1]
    out.set(type, { rect: rectOf(m[1]), ...(idx !== undefined ? { idx } : {}) })
  }
  return out
}

function rectOf(shapeXml: string): EmuRect | null {
  const off = /<a:off x="(-?\d+)" y="(-?\d+)"\s*\/>/.exec(shapeXml)
  const ext = /<a:ext cx="(\d+)" cy="(\d+)"\s*\/>/.exec(shapeXml)
  return off && ext ? { x: Number(off[1]), y: Number(off[2]), w: Number(ext[1]), h: Number(ext[2]) } : null
}

/** The first slide master of the presentation, its layouts in the master's order, and the slide size. */
export async function readDesign(zip: JSZip, presentationPath: string): Promise<TemplateDesign> {
  const presentation = (await readText(zip, presentationPath))!
  const rels = await readRels(zip, presentationPath)
  const firstMasterRid = /<p:sldMasterId\b[^>]*\br:id="([^"]*)"/.exec(presentation)?.[1]
  const masterRel = rels.find((r) => r.id === firstMasterRid) ?? rels.find((r) => r.type === REL_TYPE.slideMaster)
  const masterPath = masterRel && resolveTarget(presentationPath, masterRel.target)
  const masterXml = masterPath ? await readText(zip, masterPath) : null
  if (!masterPath || masterXml === null) throw new TemplateError('no-layouts', 'The template has no slide master')
  const master = placeholdersOf(masterXml)

  const masterRels = await readRels(zip, masterPath)
  const layoutOrder = [...masterXml.matchAll(/<p:sldLayoutId\b[^>]*\br:id="([^"]*)"/g)].map((m) => m[1])
  const layouts: TemplateLayout[] = []
  for (const rid of layoutOrder) {
    const rel = masterRels.find((r) => r.id === rid && r.type === REL_TYPE.slideLayout)
    if (!rel) continue
    const path = resolveTarget(masterPath, rel.target)
    const xml = await readText(zip, path)
    if (xml === null) continue
    const own = placeholdersOf(xml)
    // A layout's placeholder without a position sits where the master's of that kind does.
    const placeholders = new Map<PlaceholderType, Placeholder>()
    for (const [type, ph] of own) placeholders.set(type, { ...ph, rect: ph.rect ?? master.get(inheritsFrom(type))?.rect ?? null })
    layouts.push({
      path,
      name: /<p:cSld\b[^>]*\bname="([^"]*)"/.exec(xml)?.[1] ?? '',
      type: /<p:sldLayout\b[^>]*\btype="([^"]*)"/.exec(xml)?.[1] ?? '',
      placeholders,
    })
  }
  if (layouts.length === 0) throw new TemplateError('no-layouts', 'The template\'s slide master has no layouts')
  const size = /<p:sldSz\b[^>]*\bcx="(\d+)"[^>]*\bcy="(\d+)"/.exec(presentation)
  return { masterPath, layouts, master, slideSize: size ? { cx: Number(size[1]), cy: Number(size[2]) } : { cx: 12_192_000, cy: 6_858_000 } }
}

function inheritsFrom(type: PlaceholderType): PlaceholderType {
  if (type === 'ctrTitle') return 'title'
  if (type === 'subTitle') return 'body'
  return type
}

/**
 * The layout a slide of ours goes on. The title slide: the template's title layout. Every
 * other slide draws its own content, so a layout with a title and nothing else to fill
 * ("Title Only") is best, then one with a title and a content area, then any with a title,
 * then a blank one (the title then goes where the master puts titles).
 */
export function chooseLayout(design: TemplateDesign, kind: 'title' | 'content'): TemplateLayout {
  const { layouts } = design
  const has = (l: TemplateLayout, t: PlaceholderType) => l.placeholders.has(t)
  if (kind === 'title') {
    const title = layouts.find((l) => l.type === 'title') ?? layouts.find((l) => has(l, 'ctrTitle'))
    if (title) return title
  }
  return (
    layouts.find((l) => l.type === 'titleOnly')
    ?? layouts.find((l) => has(l, 'title') && !has(l, 'body') && !has(l, 'other'))
    ?? layouts.find((l) => has(l, 'title') && has(l, 'body'))
    ?? layouts.find((l) => has(l, 'title'))
    ?? layouts.find((l) => l.type === 'blank')
    ?? layouts[0]
  )
}
