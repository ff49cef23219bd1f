import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseCrmCsv, planCrmImport } from '@shared/import'
import { LIMITS, newDeal } from '@shared/model'
import { reportsToDepths } from '@shared/reports-to'

/** A CSV of `n` people, each reporting to the one before: the deepest org chart there is. */
const chainCsv = (n: number) => ['Full Name,Reports To', ...Array.from({ length: n }, (_, i) => `P${i},${i ? `P${i - 1}` : ''}`)].join('\n')

function rowsOf(text: string) {
  const csv = parseCrmCsv(text)
  if (!csv.ok) throw new Error(csv.message)
  return csv.rows
}

/** The depth rule as first written: walk up from each person until the top or a repeat. */
function naiveDepths(ids: readonly string[], managerOf: ReadonlyMap<string, string>): Map<string, number> {
  return new Map(ids.map((id) => {
    let depth = 0
    const seen = new Set([id])
    let current = managerOf.get(id)
    while (current !== undefined && !seen.has(current)) {
      depth++
      seen.add(current)
      current = managerOf.get(current)
    }
    return [id, depth]
  }))
}

describe('reports-to depths', () => {
  it('visit each person a bounded number of times on a 100,000-person chain', () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `p${i}`)
    const managerOf = new Map(ids.slice(1).map((id, i) => [id, ids[i]]))
    const probe = { visits: 0 }
    const depths = reportsToDepths(ids, managerOf, probe)
    expect(depths.get('p99999')).toBe(99_999)
    expect(depths.get('p0')).toBe(0)
    expect(probe.visits).toBeLessThanOrEqual(2 * ids.length)
  })

  it('give the same depths as walking up from every person, cycles included', () => {
    fc.assert(fc.property(fc.array(fc.option(fc.nat(11), { nil: undefined }), { maxLength: 12 }), (parents) => {
      const ids = parents.map((_, i) => `p${i}`)
      const managerOf = new Map<string, string>()
      parents.forEach((p, i) => { if (p !== undefined && p < ids.length && p !== i) managerOf.set(ids[i], ids[p]) })
      expect(reportsToDepths(ids, managerOf)).toEqual(naiveDepths(ids, managerOf))
    }))
  })
})

describe('planning a big CSV import', () => {
  it('a 100,000-row reports-to chain plans in well under the test timeout, the first 20,000 people taken', () => {
    const plan = planCrmImport(rowsOf(chainCsv(100_000)), { fullName: 0, reportsTo: 1 }, newDeal({ id: 'd', name: 'D' }))
    expect(plan.stakeholders).toHaveLength(LIMITS.stakeholders)
    expect(plan.links).toHaveLength(LIMITS.stakeholders - 1)
    expect(plan.badRows).toHaveLength(100_000 - LIMITS.stakeholders)
    // One org-chart level per band: the last person sits lowest.
    expect(plan.stakeholders.at(-1)!.position.y).toBeGreaterThan(plan.stakeholders[0].position.y)
  }, 10_000)

  it('20,000 people with no manager (one wide level) plan in well under the test timeout', () => {
    const text = ['Full Name', ...Array.from({ length: LIMITS.stakeholders }, (_, i) => `P${i}`)].join('\n')
    const plan = planCrmImport(rowsOf(text), { fullName: 0 }, newDeal({ id: 'd', name: 'D' }))
    expect(plan.stakeholders).toHaveLength(LIMITS.stakeholders)
  }, 10_000)
})
