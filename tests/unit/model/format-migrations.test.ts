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
    raw.version = 3
    const newer = parseDealFile(JSON.stringify(raw))
    expect(newer.ok).toBe(false)
    if (!newer.ok) expect(newer.kind).toBe('newer-version')
  })
})
