import { describe, expect, it } from 'vitest'
import { parseDealFile, toDealFile } from '@shared/model'
import { sampleWorkspace } from '@shared/sample-deal'

function sampleFile() {
  const { deal, roster } = sampleWorkspace('2026-03-12')
  return JSON.parse(JSON.stringify(toDealFile(deal, roster)))
}

describe('a deal file with several kinds of problem', () => {
  it('reports field errors and dangling references together, each with its JSON path', () => {
    const file = sampleFile()
    file.deal.stakeholders[0].name = ''
    file.deal.links[0].to = 'nobody'
    file.deal.team[0].sellerId = 'ghost'
    const result = parseDealFile(JSON.stringify(file))
    expect(result.ok).toBe(false)
    if (result.ok) return
    const paths = result.issues.map((i) => i.path)
    expect(paths).toContain('$.deal.stakeholders[0].name')
    expect(paths).toContain('$.deal.links[0].to')
    expect(paths).toContain('$.deal.team[0].sellerId')
  })

  // Found by the deal-file fuzz in CI (seed -1768815255): `String()` of an object whose
  // `toString` is not a function threw a TypeError in the tolerant reference checks.
  it.each([
    ['a seat', (f: ReturnType<typeof sampleFile>) => void (f.deal.team[0].seat = { toString: false })],
    ['a seller id of a seat', (f: ReturnType<typeof sampleFile>) => void (f.deal.team[0].sellerId = { toString: false, valueOf: false })],
    ['a line kind', (f: ReturnType<typeof sampleFile>) => void (f.deal.links[0].kind = { toString: false })],
  ])('%s that is an object with no usable toString is a typed problem, never a TypeError', (_what, mutate) => {
    const file = sampleFile()
    mutate(file)
    file.deal.team.push({ ...file.deal.team[0] })
    const result = parseDealFile(JSON.stringify(file))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.kind).toBe('invalid')
  })

  it('reports each reference problem once when the fields are fine', () => {
    const file = sampleFile()
    file.deal.links[1].from = 'nobody'
    const result = parseDealFile(JSON.stringify(file))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues.filter((i) => i.path === '$.deal.links[1].from')).toHaveLength(1)
  })
})
