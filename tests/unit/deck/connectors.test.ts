import { describe, expect, it } from 'vitest'
import { connectorPath, connectorTransform, finishSlideXml, lateralConnector, pathIsClear, reportsToConnector } from '@shared/deck/connectors'
import { allIds, connectorsOf } from './deck-helpers'

const shape = (id: number, name: string) => `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${name}"/></p:nvSpPr></p:sp>`
const slide = (...shapes: string[]) =>
  `<p:sld><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/></p:nvGrpSpPr><p:grpSpPr></p:grpSpPr>${shapes.join('')}</p:spTree></p:cSld></p:sld>`

describe('finishing a slide', () => {
  it('renumbers clashing ids (a table given the id of a shape) so every id is unique', () => {
    const xml = finishSlideXml(slide(shape(2, 'Title'), shape(3, 'Table'), shape(3, 'Footer')), [])
    expect(allIds(xml)).toEqual([1, 2, 3, 4])
  })

  it('glues an elbow from the manager\'s bottom site to the report\'s top site, beneath the cards', () => {
    const manager = { x: 1, y: 1, w: 1.7, h: 0.9 }
    const report = { x: 3, y: 3, w: 1.7, h: 0.9 }
    const xml = finishSlideXml(slide(shape(7, 'Title'), shape(7, 'Ann &amp; Bo'), shape(9, 'Cy')), [
      reportsToConnector('Ann & Bo', manager, 'Cy', report, 2.6),
    ])
    const [line] = connectorsOf(xml)
    expect([line.start, line.startIdx, line.end, line.endIdx]).toEqual([3, 2, 4, 0])
    expect(line.xml).toContain('prst="bentConnector3"')
    expect(line.id).toBe(5)
    expect(xml.indexOf('<p:cxnSp>')).toBeLessThan(xml.indexOf('name="Title"'))
  })

  it('refuses a connector to a shape that is not on the slide', () => {
    const a = { x: 1, y: 1, w: 1, h: 1 }
    expect(() => finishSlideXml(slide(shape(2, 'A')), [reportsToConnector('A', a, 'Nobody', a, 2)])).toThrow(/not on the slide/)
  })
})

describe('elbow geometry', () => {
  /** The corners of the preset path in slide inches, worked out from the transform the XML carries. */
  function drawn(xfrm: string, adj: number): Array<{ x: number; y: number }> {
    const num = (name: string) => Number(new RegExp(`${name}="(-?\\d+)"`).exec(xfrm)?.[1] ?? 0) / 914_400
    const [x, y, w, h] = [num('x'), num('y'), num('cx'), num('cy')]
    const rot = /rot="5400000"/.test(xfrm)
    const flipH = /flipH="1"/.test(xfrm)
    const flipV = /flipV="1"/.test(xfrm)
    const a = adj / 100_000
    const local = [[0, 0], [a * w, 0], [a * w, h], [w, h]].map(([u, v]) => [flipH ? w - u : u, flipV ? h - v : v])
    const cx = x + w / 2
    const cy = y + h / 2
    return local.map(([u, v]) => {
      const du = u - w / 2
      const dv = v - h / 2
      return rot ? { x: cx - dv, y: cy + du } : { x: cx + du, y: cy + dv }
    })
  }

  const close = (p: { x: number; y: number }, q: { x: number; y: number }) => Math.abs(p.x - q.x) < 1e-5 && Math.abs(p.y - q.y) < 1e-5

  it('draws down, across and down for a report to the left or right of the manager', () => {
    for (const reportX of [0.2, 4]) {
      const spec = reportsToConnector('M', { x: 2, y: 1, w: 1.6, h: 0.9 }, 'R', { x: reportX, y: 3, w: 1.6, h: 0.9 }, 2.5)
      const { xfrm, adj } = connectorTransform(spec)
      const want = connectorPath(spec)
      drawn(xfrm, adj).forEach((p, i) => expect(close(p, want[i]), `corner ${i} of a report at x=${reportX}`).toBe(true))
    }
  })

  it('draws across, up or down, across for a lateral line', () => {
    const from = { x: 1, y: 1, w: 1.6, h: 0.9 }
    const to = { x: 5, y: 2.5, w: 1.6, h: 0.9 }
    for (const [a, b] of [[from, to], [to, from]]) {
      const spec = lateralConnector('A', a, 'B', b, 'ally', [])!
      const { xfrm, adj } = connectorTransform(spec)
      drawn(xfrm, adj).forEach((p, i) => expect(close(p, connectorPath(spec)[i])).toBe(true))
    }
  })

  it('goes round a card standing between the two it joins', () => {
    const left = { x: 1, y: 2, w: 1.6, h: 0.9 }
    const middle = { x: 3.2, y: 2, w: 1.6, h: 0.9 }
    const right = { x: 5.4, y: 2, w: 1.6, h: 0.9 }
    const spec = lateralConnector('L', left, 'R', right, 'conflict', [middle])!
    expect(pathIsClear(connectorPath(spec), [middle], left, right)).toBe(true)
    // Both ends on the tops: the line runs above the row.
    expect([spec.fromSite, spec.toSite]).toEqual([0, 0])
  })
})
