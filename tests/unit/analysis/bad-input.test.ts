import { describe, expect, it } from 'vitest'
import { parseDealFile } from '@shared/model'
import { validateAgainstToday } from '@shared/analysis'
import { aDeal, aSeller } from '../../fixtures/builders'

const TODAY = '2026-03-12'
const alice = aSeller('alice')

describe('bad input that needs today\'s date (validateAgainstToday)', () => {
  const file = () => aDeal()
    .withStakeholder('li', { name: 'Li Wei' })
    .withContact('li', alice, '2026-03-01')
    .withContact('li', alice, '2026-03-13')
    .withStakeholder('wu')
    .withRelationship('wu', alice, {}, { knownSince: '2027-01-01' })
    .withRelationship('wu', 'bob', {}, { knownSince: TODAY })
    .toFile([alice, aSeller('bob')])

  it('refuses a contact dated after today and a "known since" after today, at the field', () => {
    expect(validateAgainstToday(file(), TODAY)).toEqual([
      { path: '$.deal.stakeholders[0].contacts[1].date', message: expect.stringContaining('2026-03-13, after today (2026-03-12)') },
      { path: '$.deal.stakeholders[1].relationships[0].knownSince', message: expect.stringContaining('2027-01-01, after today') },
    ])
  })

  it('accepts dates on today itself, and everything once today has caught up', () => {
    expect(validateAgainstToday(file(), '2027-01-01')).toEqual([])
  })

  it('rejects a malformed today', () => {
    expect(() => validateAgainstToday(file(), '12/03/2026')).toThrow(RangeError)
  })
})

describe('bad input the file schema already refuses (shared/model)', () => {
  const text = (mutate: (raw: ReturnType<typeof fileWithRelationship>) => void) => {
    const raw = fileWithRelationship()
    mutate(raw)
    return JSON.stringify(raw)
  }
  function fileWithRelationship() {
    return structuredClone(aDeal().withStakeholder('li').withRelationship('li', alice, { value: 3 }).toFile([alice]))
  }

  it.each([
    { label: 'a score above 5', mutate: (f: ReturnType<typeof fileWithRelationship>) => { f.deal.stakeholders[0].relationships[0].elements.value = 6 }, path: '$.deal.stakeholders[0].relationships[0].elements.value' },
    { label: 'a score below 0', mutate: (f: ReturnType<typeof fileWithRelationship>) => { f.deal.stakeholders[0].relationships[0].elements.depth = -1 }, path: '$.deal.stakeholders[0].relationships[0].elements.depth' },
    { label: 'a fractional score', mutate: (f: ReturnType<typeof fileWithRelationship>) => { f.deal.stakeholders[0].relationships[0].elements.frequency = 2.5 }, path: '$.deal.stakeholders[0].relationships[0].elements.frequency' },
    { label: 'a relationship naming a seller not in the roster', mutate: (f: ReturnType<typeof fileWithRelationship>) => { f.deal.stakeholders[0].relationships[0].sellerId = 'ghost' }, path: '$.deal.stakeholders[0].relationships[0].sellerId' },
  ])('refuses $label at the field', ({ mutate, path }) => {
    const parsed = parseDealFile(text(mutate))
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.issues.map((i) => i.path)).toContain(path)
  })
})
