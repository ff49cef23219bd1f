import { describe, expect, it } from 'vitest'
import { cardSize } from '@shared/card-size'
import { layoutDeal } from '@shared/layout'
import { aDeal } from '../../fixtures/builders'

type Box = { x: number; y: number; width: number; height: number }
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

describe('tidy layout (elkjs org chart)', () => {
  const deal = aDeal('d')
    .withStakeholder('ceo', { department: 'Executive', influence: 'high', position: { x: 900, y: 900 } })
    .withStakeholder('cfo', { department: 'Finance', position: { x: 0, y: 0 } })
    .withStakeholder('buyer', { department: 'Finance', position: { x: 0, y: 0 } })
    .withStakeholder('cio', { department: 'IT', position: { x: 0, y: 0 } })
    .withStakeholder('arch', { department: 'IT', influence: 'low', position: { x: 0, y: 0 } })
    .withStakeholder('dev', { department: 'IT', position: { x: 0, y: 0 } })
    .withStakeholder('adviser', { department: '', position: { x: 0, y: 0 } })
    .withLink('cfo', 'ceo')
    .withLink('buyer', 'cfo')
    .withLink('cio', 'ceo')
    .withLink('arch', 'cio')
    .withLink('dev', 'cio')
    .withLink('adviser', 'ceo', 'influences')
    .build()

  it('puts every manager above their reports, with no overlapping cards', async () => {
    const moves = await layoutDeal(deal)
    expect(moves).toHaveLength(deal.stakeholders.length)
    const at = new Map(moves.map((m) => [m.id, m.position]))
    for (const l of deal.links.filter((x) => x.kind === 'reports-to')) {
      expect(at.get(l.to)!.y, `${l.to} above ${l.from}`).toBeLessThan(at.get(l.from)!.y)
    }
    const boxes = deal.stakeholders.map((s) => ({ ...at.get(s.id)!, ...cardSize(s.influence) }))
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i], boxes[j])).toBe(false)
  })

  it('keeps each department together: no outsider inside a department bounding box', async () => {
    const moves = await layoutDeal(deal)
    const at = new Map(moves.map((m) => [m.id, m.position]))
    const box = (ids: string[]) => {
      const bs = ids.map((id) => ({ ...at.get(id)!, ...cardSize(deal.stakeholders.find((s) => s.id === id)!.influence) }))
      const x = Math.min(...bs.map((b) => b.x)), y = Math.min(...bs.map((b) => b.y))
      return { x, y, width: Math.max(...bs.map((b) => b.x + b.width)) - x, height: Math.max(...bs.map((b) => b.y + b.height)) - y }
    }
    const it = box(['cio', 'arch', 'dev'])
    for (const outsider of ['ceo', 'cfo', 'buyer', 'adviser']) {
      const s = deal.stakeholders.find((x) => x.id === outsider)!
      expect(overlap(it, { ...at.get(outsider)!, ...cardSize(s.influence) }), `${outsider} outside IT`).toBe(false)
    }
  })

  it('lays out an empty map and a map without lines', async () => {
    expect(await layoutDeal(aDeal('e').build())).toEqual([])
    const flat = aDeal('f').withStakeholder('a').withStakeholder('b').build()
    const moves = await layoutDeal(flat)
    expect(moves.map((m) => m.id).sort()).toEqual(['a', 'b'])
  })

  it('survives a reports-to cycle', async () => {
    const cyclic = aDeal('c').withStakeholder('a').withStakeholder('b').withLink('a', 'b').withLink('b', 'a').build()
    expect(await layoutDeal(cyclic)).toHaveLength(2)
  })
})
