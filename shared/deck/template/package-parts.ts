import type JSZip from 'jszip'

/** Helpers over an OPC package (a .pptx/.potx zip): its parts, relationships and content types. */

export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
export const REL_TYPE = {
  slide: `${REL_NS}/slide`,
  slideLayout: `${REL_NS}/slideLayout`,
  slideMaster: `${REL_NS}/slideMaster`,
  notesSlide: `${REL_NS}/notesSlide`,
  notesMaster: `${REL_NS}/notesMaster`,
  theme: `${REL_NS}/theme`,
} as const

export const PRESENTATION_TYPES = {
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
  potx: 'application/vnd.openxmlformats-officedocument.presentationml.template.main+xml',
  /** A slide show (.ppsx) is a presentation too. */
  ppsx: 'application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml',
} as const

export interface Relationship {
  id: string
  type: string
  /** As written (relative to the part's folder), unless external. */
  target: string
  external: boolean
}

export function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf('/')
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`
}

/** A relationship's target as a path in the package ("../slideLayouts/x.xml" from ppt/slides → ppt/slideLayouts/x.xml). */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1)
  const parts = fromPart.split('/').slice(0, -1)
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop()
    else if (piece !== '.' && piece !== '') parts.push(piece)
  }
  return parts.join('/')
}

/** The target of `toPart` written relative to the folder of `fromPart`. */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split('/').slice(0, -1)
  const to = toPart.split('/')
  let common = 0
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common += 1
  return [...Array(from.length - common).fill('..'), ...to.slice(common)].join('/')
}

export function parseRels(xml: string): Relationship[] {
  return [...xml.matchAll(/<Relationship\b([^>]*?)\/?>/g)].map((m) => {
    const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(m[1])?.[1] ?? ''
    return { id: attr('Id'), type: attr('Type'), target: attr('Target'), external: attr('TargetMode') === 'External' }
  })
}

export function writeRels(rels: readonly Relationship[]): string {
  const items = rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"${r.external ? ' TargetMode="External"' : ''}/>`)
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`
}

export async function readText(zip: JSZip, path: string): Promise<string | null> {
  const file = zip.file(path)
  return file ? file.async('string') : null
}

export async function readRels(zip: JSZip, partPath: string): Promise<Relationship[]> {
  const xml = await readText(zip, relsPathOf(partPath))
  return xml ? parseRels(xml) : []
}

/** `[Content_Types].xml`: defaults by extension and overrides by part name. */
export class ContentTypes {
  readonly defaults = new Map<string, string>()
  readonly overrides = new Map<string, string>()

  constructor(xml: string) {
    for (const m of xml.matchAll(/<Default\b[^>]*?Extension="([^"]*)"[^>]*?ContentType="([^"]*)"/g)) this.defaults.set(m[1].toLowerCase(), m[2])
    for (const m of xml.matchAll(/<Override\b[^>]*?PartName="([^"]*)"[^>]*?ContentType="([^"]*)"/g)) this.overrides.set(m[1], m[2])
  }

  typeOf(path: string): string | undefined {
    return this.overrides.get(`/${path}`) ?? this.defaults.get(path.slice(path.lastIndexOf('.') + 1).toLowerCase())
  }

  set(path: string, type: string): void {
    const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase()
    if (this.defaults.get(ext) === type) return
    if (ext !== 'xml' && ext !== 'rels' && !this.defaults.has(ext)) this.defaults.set(ext, type)
    else this.overrides.set(`/${path}`, type)
  }

  remove(path: string): void {
    this.overrides.delete(`/${path}`)
  }

  toXml(): string {
    const defaults = [...this.defaults].map(([ext, type]) => `<Default Extension="${ext}" ContentType="${type}"/>`)
    const overrides = [...this.overrides].map(([name, type]) => `<Override PartName="${name}" ContentType="${type}"/>`)
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${defaults.join('')}${overrides.join('')}</Types>`
  }
}

/** A name in `folder` like `stem` + n + ext that no part of the package has yet. */
export function freePartName(zip: JSZip, folder: string, stem: string, ext: string, start = 1): string {
  for (let n = start; ; n++) {
    const path = `${folder}/${stem}${n}${ext}`
    if (!zip.file(path)) return path
  }
}
