import type { EmuRect, Placeholder, PlaceholderType, TemplateDesign, TemplateLayout } from './layouts'

/**
 * The names our slide builder gives the shapes a template takes over (docs/slides.md): the
 * slide's title, the title slide's deal name and customer, the footer and page number.
 * Our own decoration (the rule under the title, the title slide's band) gives way to the
 * template's design.
 */
const TOP_ROLES: Record<string, PlaceholderType[]> = {
  Title: ['title', 'ctrTitle'],
  'Deal name': ['ctrTitle', 'title'],
  Customer: ['subTitle'],
}
const BOTTOM_ROLES: Record<string, PlaceholderType> = { Footer: 'ftr', 'Page number': 'sldNum' }
const DROPPED = new Set(['Title rule', 'Band'])
const GAP = 91_440 // 0.1 in

export interface SlideSizes {
  /** Our deck's slide size and the template's, in EMU. */
  from: { cx: number; cy: number }
  to: { cx: number; cy: number }
}

interface Shape {
  xml: string
  name: string
  rect: EmuRect | null
}

/**
 * Our slide on one of the template's layouts: the title into the layout's title
 * placeholder (so it takes the template's position, font and colour), or where the master
 * puts titles, in the theme's heading font, when the layout has none; the footer and page
 * number into the layout's footer and slide-number placeholders; everything else scaled
 * (never up) into the room left between them, centred, text sizes and tables with it.
 */
export function slideIntoLayout(xml: string, layout: TemplateLayout, design: TemplateDesign, sizes: SlideSizes): string {
  const shapes = [...xml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)].map((m) => shapeOf(m[0]))
  const placed = new Map<string, string>()
  let srcTop = 0
  let srcBottom = sizes.from.cy
  let tgtTop = 0
  let tgtBottom = sizes.to.cy
  const used = new Set<PlaceholderType>()

  for (const shape of shapes) {
    if (DROPPED.has(shape.name)) {
      if (shape.rect) srcTop = Math.max(srcTop, shape.rect.y + shape.rect.h)
      placed.set(shape.xml, '')
      continue
    }
    const top = TOP_ROLES[shape.name]
    if (top && shape.rect) {
      const type = top.find((t) => layout.placeholders.has(t) && !used.has(t))
      if (type) {
        used.add(type)
        const ph = layout.placeholders.get(type)!
        placed.set(shape.xml, asPlaceholder(shape, type, ph))
        srcTop = Math.max(srcTop, shape.rect.y + shape.rect.h)
        if (ph.rect) tgtTop = Math.max(tgtTop, ph.rect.y + ph.rect.h + GAP)
        continue
      }
      if (top.includes('title')) {
        // No title placeholder on this layout: the title goes where the master puts titles.
        const where = design.master.get('title')?.rect ?? scaled(shape.rect, sizes)
        placed.set(shape.xml, inHeadingFont(moved(shape.xml, where)))
        srcTop = Math.max(srcTop, shape.rect.y + shape.rect.h)
        tgtTop = Math.max(tgtTop, where.y + where.h + GAP)
        continue
      }
    }
    const bottom = BOTTOM_ROLES[shape.name]
    if (bottom && shape.rect && layout.placeholders.has(bottom)) {
      const ph = layout.placeholders.get(bottom)!
      placed.set(shape.xml, asPlaceholder(shape, bottom, ph))
      srcBottom = Math.min(srcBottom, shape.rect.y)
      if (ph.rect) tgtBottom = Math.min(tgtBottom, ph.rect.y - GAP)
    }
  }

  const srcH = Math.max(1, srcBottom - srcTop)
  const scale = Math.min(1, sizes.to.cx / sizes.from.cx, Math.max(0.2, (tgtBottom - tgtTop) / srcH))
  const ox = (sizes.to.cx - sizes.from.cx * scale) / 2
  const oy = tgtTop - srcTop * scale
  const move = (content: string) => transform(content, scale, ox, oy)

  // The shape tree's own group properties (first in the tree) are left as they are.
  const treeHead = /^[\s\S]*?<\/p:grpSpPr>/.exec(xml)?.[0] ?? ''
  const rest = xml.slice(treeHead.length)
  // A group (a card with its chips) moves whole: its frame and its children together.
  const out = rest.replace(/<p:grpSp>[\s\S]*?<\/p:grpSp>|<p:sp>[\s\S]*?<\/p:sp>|<p:cxnSp>[\s\S]*?<\/p:cxnSp>|<p:pic>[\s\S]*?<\/p:pic>|<p:graphicFrame>[\s\S]*?<\/p:graphicFrame>/g, (element) =>
    placed.has(element) ? placed.get(element)! : move(element))
  return treeHead + out
}

function shapeOf(xml: string): Shape {
  const name = /<p:cNvPr\b[^>]*\bname="([^"]*)"/.exec(xml)?.[1] ?? ''
  const off = /<a:off x="(-?\d+)" y="(-?\d+)"\s*\/>/.exec(xml)
  const ext = /<a:ext cx="(\d+)" cy="(\d+)"\s*\/>/.exec(xml)
  return { xml, name, rect: off && ext ? { x: Number(off[1]), y: Number(off[2]), w: Number(ext[1]), h: Number(ext[2]) } : null }
}

/**
 * The shape as the layout's placeholder: no position or style of its own, so the template
 * decides; only the text (and its language, and an East Asian face where one was set) stays.
 */
function asPlaceholder(shape: Shape, type: PlaceholderType, ph: Placeholder): string {
  const id = /<p:cNvPr\b[^>]*\bid="(\d+)"/.exec(shape.xml)?.[1] ?? '2'
  const idx = ph.idx !== undefined && type !== 'title' && type !== 'ctrTitle' ? ` idx="${ph.idx}"` : ''
  const paragraphs = [...shape.xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((p) => {
    const lang = /<a:rPr\b[^>]*\blang="([^"]*)"/.exec(p[1])?.[1] ?? 'en-US'
    const ea = /<a:ea typeface="([^"]*)"/.exec(p[1])?.[1]
    const text = [...p[1].matchAll(/<a:t>([\s\S]*?)<\/a:t>/g)].map((t) => t[1]).join('')
    const rPr = `<a:rPr lang="${lang}" dirty="0">${ea ? `<a:ea typeface="${ea}"/>` : ''}</a:rPr>`
    if (type === 'sldNum') return `<a:p><a:fld id="{6A3C2F0E-5B1D-4C52-9A40-1F7C3D2B8E61}" type="slidenum">${rPr}<a:t>${text}</a:t></a:fld></a:p>`
    return `<a:p><a:r>${rPr}<a:t>${text}</a:t></a:r></a:p>`
  })
  return `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${shape.name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="${type}"${idx}/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>${paragraphs.join('') || '<a:p><a:endParaRPr lang="en-US" dirty="0"/></a:p>'}</p:txBody></p:sp>`
}

function moved(xml: string, to: EmuRect): string {
  return xml
    .replace(/<a:off x="-?\d+" y="-?\d+"\s*\/>/, `<a:off x="${to.x}" y="${to.y}"/>`)
    .replace(/<a:ext cx="\d+" cy="\d+"\s*\/>/, `<a:ext cx="${to.w}" cy="${to.h}"/>`)
}

/** The theme's heading font instead of the face our builder named. */
function inHeadingFont(xml: string): string {
  return xml.replace(/<a:latin typeface="[^"]*"/g, '<a:latin typeface="+mj-lt"').replace(/<a:cs typeface="[^"]*"/g, '<a:cs typeface="+mj-cs"')
}

function scaled(rect: EmuRect, sizes: SlideSizes): EmuRect {
  const sx = sizes.to.cx / sizes.from.cx
  const sy = sizes.to.cy / sizes.from.cy
  return { x: Math.round(rect.x * sx), y: Math.round(rect.y * sy), w: Math.round(rect.w * sx), h: Math.round(rect.h * sy) }
}

/**
 * Move and scale one element: positions, sizes, table grids, text sizes and line widths. A
 * group's child frame (chOff/chExt) moves with its children, so a card grouped with its chips
 * stays one piece.
 */
function transform(xml: string, scale: number, ox: number, oy: number): string {
  const r = (n: number) => Math.round(n)
  let out = xml
    .replace(/<a:(off|chOff) x="(-?\d+)" y="(-?\d+)"(\s*)\/>/g, (_, tag, x, y, sp) => `<a:${tag} x="${r(Number(x) * scale + ox)}" y="${r(Number(y) * scale + oy)}"${sp}/>`)
  if (scale >= 0.999) return out
  out = out
    .replace(/<a:(ext|chExt) cx="(\d+)" cy="(\d+)"(\s*)\/>/g, (_, tag, cx, cy, sp) => `<a:${tag} cx="${r(Number(cx) * scale)}" cy="${r(Number(cy) * scale)}"${sp}/>`)
    .replace(/<a:gridCol w="(\d+)"/g, (_, w) => `<a:gridCol w="${r(Number(w) * scale)}"`)
    .replace(/<a:tr h="(\d+)"/g, (_, h) => `<a:tr h="${r(Number(h) * scale)}"`)
    .replace(/(<a:(?:rPr|defRPr|endParaRPr)\b[^>]*?\bsz=")(\d+)"/g, (_, head, sz) => `${head}${Math.max(100, r(Number(sz) * scale))}"`)
    .replace(/(<a:ln\b[^>]*?\bw=")(\d+)"/g, (_, head, w) => `${head}${r(Number(w) * scale)}"`)
  return out
}
