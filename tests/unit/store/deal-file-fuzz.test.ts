import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DealFileSchema, parseDealFile, toDealFile, type DealFile } from '@shared/model'
import { sampleWorkspace } from '@shared/sample-deal'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createHandlers } from '../../../electron/main/handlers'
import { invokeChannel } from '../../../electron/main/ipc'
import { tempDir } from './helpers'

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000)
const { deal, roster } = sampleWorkspace('2026-03-12')
const VALID: DealFile = toDealFile(deal, roster)
const KINDS = ['too-large', 'not-json', 'not-a-deal-file', 'newer-version', 'unknown-version', 'invalid']

function expectTypedOutcome(text: string) {
  const result = parseDealFile(text)
  if (result.ok) {
    expect(DealFileSchema.safeParse(result.value).success).toBe(true)
  } else {
    expect(KINDS).toContain(result.kind)
    expect(typeof result.message).toBe('string')
    for (const issue of result.issues) expect(issue.path).toMatch(/^\$/)
  }
  return result
}

/** Set a value at a random path inside a JSON value (a mutation of a valid file). */
function mutate(value: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement
  const keys = Object.keys(value)
  if (keys.length === 0) return replacement
  const key = keys[path[0] % keys.length]
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) }
  ;(copy as Record<string, unknown>)[key] = mutate((value as Record<string, unknown>)[key], path.slice(1), replacement)
  return copy
}

describe('deal file parser under fuzzing', () => {
  let cases = 0
  it(`arbitrary JSON values (${RUNS} cases) give a typed error or a valid deal, never a throw`, () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => void (cases++, expectTypedOutcome(JSON.stringify(v)))), { numRuns: RUNS })
    fc.assert(fc.property(fc.string(), (s) => void (cases++, expectTypedOutcome(s))), { numRuns: RUNS })
  })

  it(`mutated valid files (${RUNS} cases) give a typed error or a valid deal`, () => {
    const mutation = fc.record({ path: fc.array(fc.nat(), { maxLength: 8 }), replacement: fc.jsonValue({ maxDepth: 2 }) })
    fc.assert(fc.property(mutation, ({ path, replacement }) => void (cases++, expectTypedOutcome(JSON.stringify(mutate(VALID, path, replacement))))), { numRuns: RUNS })
    const cut = fc.nat({ max: JSON.stringify(VALID).length - 1 })
    fc.assert(fc.property(cut, (n) => void (cases++, expect(expectTypedOutcome(JSON.stringify(VALID).slice(0, n)).ok).toBe(false))), { numRuns: Math.min(RUNS, 300) })
    console.log(`deal file fuzz: ${cases} cases`)
  })

  it('__proto__ and constructor keys are refused or harmless, and never pollute prototypes', () => {
    const hostile = [
      `{"__proto__":{"polluted":true},"format":"deal-war-room.deal","version":1,"deal":${JSON.stringify(VALID.deal)},"roster":${JSON.stringify(VALID.roster)}}`,
      JSON.stringify(VALID).replace('"stakeholders":[{', '"stakeholders":[{"__proto__":{"polluted":true},'),
      JSON.stringify(VALID).replace('"deal":{', '"deal":{"constructor":{"prototype":{"polluted":true}},'),
    ]
    for (const text of hostile) {
      const result = expectTypedOutcome(text)
      expect(result.ok).toBe(false)
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined()
    }
  })
})

describe('import and export', () => {
  const dialogsTo = (dir: string, importPath?: string) => ({ saveFile: async (name: string) => join(dir, name), openFile: async () => importPath ?? null })

  it('export → import into another workspace gives back the same deal, sellers matched by email', async () => {
    const a = await tempDir()
    const ha = createHandlers({ dataDir: a, dialogs: dialogsTo(a) })
    const [summary] = (await ha['workspace:load']()).deals
    const { path } = await ha['deal:export-file'](summary.id)
    const text = await readFile(path, 'utf8')
    expect(path).toMatch(/Core banking modernization\.warroom\.json$/)

    const b = await tempDir()
    const hb = createHandlers({ dataDir: b, dialogs: dialogsTo(b, path) })
    await hb['workspace:load']() // b has the same sample deal and roster
    const picked = await hb['file:pick-text']('json')
    expect(picked.text).toBe(text)
    const preview = await hb['deal:import-preview'](text)
    expect(preview.exists).toBe(true)
    expect(preview.sellers.map((s) => s.match)).toEqual(['email', 'email', 'email', 'email'])
    const imported = await hb['deal:import'](text, { asCopy: false })
    const original = (await ha['deal:open'](summary.id)).deal
    const { updatedAt: _x, ...importedRest } = imported
    const { updatedAt: _y, ...originalRest } = original
    expect(importedRest).toEqual(originalRest)
  })

  it('import as a copy gets a new deal id; unknown sellers join the roster, name matches are reused', async () => {
    const dir = await tempDir()
    const h = createHandlers({ dataDir: dir, dialogs: dialogsTo(dir) })
    await h['workspace:load']()
    const file = structuredClone(VALID)
    // Same person as the roster's Anna (matched by name, different id); Ben unknown here (new, id taken).
    file.roster = file.roster.map((s) => (s.id === 'seller-anna' ? { ...s, id: 'anna-elsewhere', email: undefined } : s.id === 'seller-ben' ? { ...s, name: 'Bo Chen', email: 'bo@example.org' } : s))
    const rename = (id: string) => (id === 'seller-anna' ? 'anna-elsewhere' : id)
    file.deal.team = file.deal.team.map((t) => ({ ...t, sellerId: rename(t.sellerId) }))
    file.deal.stakeholders = file.deal.stakeholders.map((s) => ({
      ...s,
      ownerIds: s.ownerIds.map(rename),
      relationships: s.relationships.map((r) => ({ ...r, sellerId: rename(r.sellerId) })),
      contacts: s.contacts.map((c) => ({ ...c, sellerId: rename(c.sellerId) })),
      actions: s.actions?.map((a) => ({ ...a, ownerId: a.ownerId && rename(a.ownerId) })),
    }))
    const text = JSON.stringify(file)
    const preview = await h['deal:import-preview'](text)
    expect(preview.sellers.find((s) => s.id === 'anna-elsewhere')).toMatchObject({ match: 'name', rosterId: 'seller-anna' })
    expect(preview.sellers.find((s) => s.name === 'Bo Chen')).toMatchObject({ match: 'new' })

    const copy = await h['deal:import'](text, { asCopy: true })
    expect(copy.id).not.toBe(VALID.deal.id)
    expect(copy.name).toBe(`${VALID.deal.name} (copy)`) // tells the two apart in the deals list
    const view = await h['workspace:load']()
    expect(view.deals).toHaveLength(2)
    const bo = view.roster.find((s) => s.name === 'Bo Chen')!
    expect(bo.id).not.toBe('seller-ben') // the id was taken by the roster's Ben
    expect(copy.team.find((t) => t.seat === 'account')?.sellerId).toBe('seller-anna')
    expect(copy.stakeholders.find((s) => s.id === 'sh-arch')?.relationships[0].sellerId).toBe(bo.id)
  })

  it('an invalid file is refused with its JSON paths and nothing is imported', async () => {
    const dir = await tempDir()
    const h = createHandlers({ dataDir: dir, dialogs: dialogsTo(dir) })
    await h['workspace:load']()
    const broken = structuredClone(VALID)
    broken.deal.links[3].to = 'x'
    const result = await invokeChannel(h, 'deal:import', [JSON.stringify(broken), { asCopy: true }])
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-file', issues: [{ path: '$.deal.links[3].to', message: 'Line points at unknown stakeholder "x"' }] } })
    expect((await h['workspace:load']()).deals).toHaveLength(1)
  })
})
