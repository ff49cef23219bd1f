import { describe, expect, it } from 'vitest'
import { CLIPBOARD_MARKER, cloneForPaste, parseClipboard, toClipboard } from '../../../renderer/map/clipboard'
import { aDeal, aRelationship } from '../../fixtures/builders'

describe('map clipboard', () => {
  const deal = aDeal('d')
    .withStakeholder('a', { ownerIds: ['alice', 'gone'], relationships: [aRelationship('alice'), aRelationship('gone')] })
    .withStakeholder('b')
    .withStakeholder('c')
    .withLink('b', 'a')
    .withLink('c', 'a')
    .build()

  it('round-trips cards with only the lines among them', () => {
    const text = JSON.stringify(toClipboard(deal.stakeholders.slice(0, 2), deal.links))
    const parsed = parseClipboard(text)!
    expect(parsed.stakeholders.map((s) => s.id)).toEqual(['a', 'b'])
    expect(parsed.links).toHaveLength(1)
  })

  it('ignores anything that is not ours', () => {
    expect(parseClipboard('hello')).toBeNull()
    expect(parseClipboard('{"stakeholders": []}')).toBeNull()
    expect(parseClipboard(`{"marker":"${CLIPBOARD_MARKER}","version":1,"stakeholders":[{"id":"x"}],"links":[]}`)).toBeNull()
    expect(parseClipboard(`{"marker":"${CLIPBOARD_MARKER}", broken`)).toBeNull()
    expect(parseClipboard(`{"marker":"${CLIPBOARD_MARKER}","version":1,"stakeholders":[],"links":[],"__proto__":{"x":1}}`)).toBeNull()
  })

  it('gives pasted copies fresh ids, re-points lines, and drops sellers this workspace lacks', () => {
    const payload = toClipboard(deal.stakeholders, deal.links)
    const { stakeholders, links } = cloneForPaste(payload, new Set(['alice']))
    const ids = new Set(stakeholders.map((s) => s.id))
    expect([...ids].some((id) => ['a', 'b', 'c'].includes(id))).toBe(false)
    expect(links.every((l) => ids.has(l.from) && ids.has(l.to))).toBe(true)
    expect(stakeholders[0].ownerIds).toEqual(['alice'])
    expect(stakeholders[0].relationships.map((r) => r.sellerId)).toEqual(['alice'])
  })
})
