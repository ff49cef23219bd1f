import { DOMParser } from '@xmldom/xmldom'
import JSZip from 'jszip'

/**
 * A strict XML 1.0 reader for tests. xmldom checks well-formedness (a bare `&`, a stray `<`)
 * but not the Char production, so every character, and every `&#n;` reference, is also
 * checked against what XML 1.0 allows: the rules PowerPoint's and LibreOffice's parsers apply.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CHAR_NOT_ALLOWED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

function allowedCodePoint(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff)
}

export function parseXmlStrictly(xml: string, where: string): Document {
  const bad = CHAR_NOT_ALLOWED.exec(xml)
  if (bad) throw new Error(`${where}: character U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML 1.0 (at ${bad.index}: ${JSON.stringify(xml.slice(Math.max(0, bad.index - 40), bad.index + 10))})`)
  for (const ref of xml.matchAll(/&#(x[0-9a-fA-F]+|[0-9]+);/g)) {
    const cp = ref[1][0] === 'x' ? parseInt(ref[1].slice(1), 16) : Number(ref[1])
    if (!allowedCodePoint(cp)) throw new Error(`${where}: reference ${ref[0]} names a character XML 1.0 does not allow`)
  }
  const parser = new DOMParser({
    // Errors and fatal errors only: xmldom warns about U+FFFD, a legal character.
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`${where}: ${level}: ${message}`)
    },
  })
  return parser.parseFromString(xml, where.endsWith('.svg') ? 'image/svg+xml' : 'application/xml') as unknown as Document
}

export interface XmlPart {
  path: string
  xml: string
}

/** Every XML part of a zip package (.xml and .rels), as text. */
export async function xmlPartsOf(pptx: Uint8Array): Promise<XmlPart[]> {
  const zip = await JSZip.loadAsync(pptx)
  const paths = Object.keys(zip.files).filter((p) => /\.(xml|rels)$/.test(p)).sort()
  return Promise.all(paths.map(async (path) => ({ path, xml: await zip.file(path)!.async('string') })))
}

/** Parse every XML part; the parts that fail, with why. */
export async function brokenXmlParts(pptx: Uint8Array): Promise<string[]> {
  const broken: string[] = []
  for (const { path, xml } of await xmlPartsOf(pptx)) {
    try {
      parseXmlStrictly(xml, path)
    } catch (e) {
      broken.push((e as Error).message)
    }
  }
  return broken
}

/** The text of the first element with this tag name in the part, decoded by the parser. */
export function textOfTag(xml: string, where: string, tag: string): string | undefined {
  const el = parseXmlStrictly(xml, where).getElementsByTagName(tag)[0]
  return el?.textContent ?? undefined
}
