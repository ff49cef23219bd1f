import { describe, expect, it } from 'vitest'
import { DealFileSchema } from '@shared/model'
import { generateDeal } from '../../fixtures/generate-large-deal'

describe('generateDeal: large realistic deals for tests and benchmarks', () => {
  it('makes a valid deal file with the requested people and lines', () => {
    const file = generateDeal({ stakeholders: 1000, links: 2000, seed: 7 })
    expect(DealFileSchema.safeParse(file).success).toBe(true)
    expect(file.deal.stakeholders).toHaveLength(1000)
    expect(file.deal.links).toHaveLength(2000)
    expect(file.deal.links.filter((l) => l.kind === 'reports-to')).toHaveLength(999)
    expect(new Set(file.deal.stakeholders.map((s) => s.department)).size).toBeGreaterThan(5)
    expect(file.deal.stakeholders.some((s) => s.relationships.length > 0 && s.contacts.length > 0)).toBe(true)
  })

  it('forms one reports-to tree under the CEO', () => {
    const { deal } = generateDeal({ stakeholders: 300, links: 299, seed: 3 })
    const bossOf = new Map(deal.links.map((l) => [l.from, l.to]))
    const ceo = deal.stakeholders[0]
    expect(ceo.buyingRole).toBe('decision-maker')
    for (const s of deal.stakeholders.slice(1)) {
      let at = s.id
      for (let hops = 0; at !== ceo.id; hops++) {
        expect(hops).toBeLessThan(300)
        at = bossOf.get(at)!
      }
    }
  })

  it('is deterministic by seed and differs between seeds', () => {
    expect(generateDeal({ stakeholders: 200, seed: 42 })).toEqual(generateDeal({ stakeholders: 200, seed: 42 }))
    expect(generateDeal({ stakeholders: 200, seed: 42 })).not.toEqual(generateDeal({ stakeholders: 200, seed: 43 }))
  })

  it.each([0, 1, 2, 5])('handles a tiny deal of %i people', (n) => {
    const file = generateDeal({ stakeholders: n, links: 10, seed: 1 })
    expect(DealFileSchema.safeParse(file).success).toBe(true)
    expect(file.deal.stakeholders).toHaveLength(n)
  })

  it('never dates a contact or a "known since" after today', () => {
    const { deal } = generateDeal({ stakeholders: 500, seed: 9, today: '2024-02-29' })
    const dates = deal.stakeholders.flatMap((s) => [...s.contacts.map((c) => c.date), ...s.relationships.flatMap((r) => (r.knownSince ? [r.knownSince] : []))])
    expect(dates.length).toBeGreaterThan(100)
    expect(dates.every((d) => d <= '2024-02-29')).toBe(true)
  })
})
