import { DOMImplementation, XMLSerializer } from '@xmldom/xmldom'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { xmlSafe } from '@shared/xml'
import { svgDataUrl, svgDocumentOf } from '../../../renderer/export/svg-document'
import { parseXmlStrictly } from '../deck/xml-parts'

const SVG = 'http://www.w3.org/2000/svg'
const XHTML = 'http://www.w3.org/1999/xhtml'

/**
 * The map's SVG as html-to-image makes it: a card's HTML inside a foreignObject, serialized
 * by an XMLSerializer that escapes markup but, like the browser's, lets control characters
 * through, then URI-encoded into a data URL.
 */
function mapSvgUrl(name: string, title: string): string {
  const doc = new DOMImplementation().createDocument(SVG, 'svg', null)
  const svg = doc.documentElement!
  svg.setAttribute('width', '200')
  svg.setAttribute('height', '100')
  const fo = doc.createElementNS(SVG, 'foreignObject')
  const card = doc.createElementNS(XHTML, 'div')
  card.setAttribute('title', title)
  card.setAttribute('aria-label', name)
  card.appendChild(doc.createTextNode(name))
  fo.appendChild(card)
  svg.appendChild(fo)
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(doc))}`
}

// encodeURIComponent throws on a lone surrogate, so the browser could not have made such a
// URL; the model drops them before they reach the page (cleanText and the text schemas).
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.constantFrom('&', '<', '>', '"', "'", '\u0000', '\u0007', '\u000B', '\u001F', '\uFFFE', '\uFFFF', 'AT&T', ']]>', 'x', '李'), { maxLength: 12 }).map((a) => a.join('')),
).filter((s) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s))

describe('the map SVG', () => {
  it('a card named "AT&T" with control characters is a valid SVG file, showing the name less them', () => {
    const url = mapSvgUrl('AT&T \u0007Li <Na>\u0001', 'VP\u001F "R&D"')
    expect(() => parseXmlStrictly(decodeURIComponent(url.slice(url.indexOf(',') + 1)), 'raw.svg')).toThrow(/not allowed in XML 1.0/)
    const svg = svgDocumentOf(url)
    const doc = parseXmlStrictly(svg, 'map.svg')
    expect(doc.documentElement!.textContent).toBe('AT&T Li <Na>')
    expect(doc.getElementsByTagName('div')[0].getAttribute('title')).toBe('VP "R&D"')
    // The PNG is drawn from the same cleaned document.
    expect(svgDocumentOf(svgDataUrl(svg))).toBe(svg)
  })

  it('any text makes an SVG file every XML parser reads', () => {
    fc.assert(
      fc.property(text, text, (name, title) => {
        const doc = parseXmlStrictly(svgDocumentOf(mapSvgUrl(name, title)), 'map.svg')
        expect(doc.documentElement!.textContent).toBe(xmlSafe(name).replace(/\r\n?/g, '\n'))
      }),
      { numRuns: 200 },
    )
  })
})
