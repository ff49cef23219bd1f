import { describe, expect, it } from 'vitest'
import { connectorBetween, finishSlideXml } from '@shared/deck/connectors'
import { allIds, connectorsOf } from './deck-helpers'

const shape = (id: number, name: string) => `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${name}"/></p:nvSpPr></p:sp>`
const slide = (...shapes: string[]) =>
  `<p:sld><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/></p:nvGrpSpPr><p:grpSpPr></p:grpSpPr>${shapes.join('')}</p:spTree></p:cSld></p:sld>`

describe('finishing a slide', () => {
  it('renumbers clashing ids (a table given the id of a shape) so every id is unique', () => {
    const xml = finishSlideXml(slide(shape(2, 'Title'), shape(3, 'Table'), shape(3, 'Footer')), [])
    expect(allIds(xml)).toEqual([1, 2, 3, 4])
  })

  it('glues connectors to the renumbered ids of the named shapes, beneath them', () => {
    const a = { x: 1, y: 1, w: 1.7, h: 0.68 }
    const b = { x: 1, y: 3, w: 1.7, h: 0.68 }
    const xml = finishSlideXml(slide(shape(7, 'Title'), shape(7, 'Stakeholder 1'), shape(9, 'Stakeholder 2')), [
      connectorBetween('Stakeholder 2', b, 'Stakeholder 1', a, 'reports-to'),
    ])
    const [line] = connectorsOf(xml)
    expect([line.start, line.startIdx, line.end, line.endIdx]).toEqual([4, 0, 3, 2])
    expect(line.id).toBe(5)
    expect(xml.indexOf('<p:cxnSp>')).toBeLessThan(xml.indexOf('name="Title"'))
  })

  it('refuses a connector to a shape that is not on the slide', () => {
    const a = { x: 1, y: 1, w: 1, h: 1 }
    expect(() => finishSlideXml(slide(shape(2, 'Stakeholder 1')), [connectorBetween('Stakeholder 1', a, 'Stakeholder 9', a, 'ally')])).toThrow(/not on the slide/)
  })
})
