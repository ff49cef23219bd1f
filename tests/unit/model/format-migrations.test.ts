import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEAL_VERSION, parseDealFile } from '@shared/model'

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../../fixtures/formats', name), 'utf8')

describe('older deal files', () => {
  it('a version 1 file opens in this version, its people and lines intact, and says it was migrated', () => {
    const text = fixture('deal-v1.warroom.json')
    const raw = JSON.parse(text)
    const parsed = parseDealFile(text)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.migratedFrom).toBe(1)
    expect(parsed.value.version).toBe(DEAL_VERSION)
    expect(parsed.value.deal.stakeholders.map((s) => s.name)).toEqual(raw.deal.stakeholders.map((s: { name: string }) => s.name))
    expect(parsed.value.deal.links).toEqual(raw.deal.links)
  })

  it('a version 1 file that uses a field of version 2 is refused, not silently read', () => {
    const raw = JSON.parse(fixture('deal-v1.warroom.json'))
    raw.deal.links[0].label = 'golf partner'
    expect(parseDealFile(JSON.stringify(raw)).ok).toBe(true) // labels are read once migrated: v1 ⊂ v2
    raw.version = DEAL_VERSION + 1
    const newer = parseDealFile(JSON.stringify(raw))
    expect(newer.ok).toBe(false)
    if (!newer.ok) expect(newer.kind).toBe('newer-version')
  })

  it('a version 2 file opens in version 3 with no email or personId, and a version 3 card keeps both', () => {
    const text = fixture('deal-v2.warroom.json')
    const parsed = parseDealFile(text)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.migratedFrom).toBe(2)
    expect(parsed.value.deal.links[0]?.label).toBe('golf partner')
    expect(parsed.value.deal.stakeholders.every((s) => s.email === undefined && s.personId === undefined)).toBe(true)
    const v3 = { ...parsed.value, deal: { ...parsed.value.deal, stakeholders: parsed.value.deal.stakeholders.map((s, i) => (i === 0 ? { ...s, email: 'cfo@example.com', personId: 'p-1' } : s)) } }
    const again = parseDealFile(JSON.stringify(v3))
    expect(again.ok && again.value.deal.stakeholders[0]?.email).toBe('cfo@example.com')
    const bad = { ...v3, deal: { ...v3.deal, stakeholders: v3.deal.stakeholders.map((s, i) => (i === 0 ? { ...s, email: 'not an email' } : s)) } }
    const refused = parseDealFile(JSON.stringify(bad))
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.issues.some((i) => i.path === '$.deal.stakeholders[0].email')).toBe(true)
  })
})
