import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEAL_VERSION, parseDealFile } from '../../../shared/model'

const FIXTURES = join(__dirname, '../../fixtures/formats')
const v1 = () => JSON.parse(readFileSync(join(FIXTURES, 'deal-v1.warroom.json'), 'utf8')) as Record<string, unknown> & { deal: { stakeholders: Array<Record<string, unknown>>; links: Array<Record<string, unknown>> } }

describe('format versions from a hostile or mistaken writer', () => {
  it.each([
    ['1.5', 1.5, 'unknown-version'],
    ['"2" (a string)', '2', 'unknown-version'],
    ['-1', -1, 'unknown-version'],
    ['0', 0, 'unknown-version'],
    ['null', null, 'unknown-version'],
    ['NaN written as a string', 'NaN', 'unknown-version'],
    ['1e300', 1e300, 'newer-version'],
    [`${DEAL_VERSION + 1}`, DEAL_VERSION + 1, 'newer-version'],
  ])('version %s is refused as unknown or newer, never read as a valid deal', (_what, version, kind) => {
    const file = { ...v1(), version }
    expect(parseDealFile(JSON.stringify(file))).toMatchObject({ ok: false, kind })
  })

  it('a version 1 file that already holds version 2 fields (a placeholder seat) opens, migrated', () => {
    const file = v1()
    const [first] = file.deal.stakeholders
    file.deal.stakeholders.push({ ...first, id: 'seat-x', name: '', placeholder: true, addedOn: '2026-03-01', relationships: [], contacts: [], ownerIds: [] })
    const result = parseDealFile(JSON.stringify(file))
    expect(result).toMatchObject({ ok: true, migratedFrom: 1 })
  })

  it('a version 1 file with a placeholder flag of "yes" is refused with its JSON path, not migrated into a bad deal', () => {
    const file = v1()
    file.deal.stakeholders[0].placeholder = 'yes'
    const result = parseDealFile(JSON.stringify(file))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues.map((i) => i.path)).toContain('$.deal.stakeholders[0].placeholder')
  })
})
