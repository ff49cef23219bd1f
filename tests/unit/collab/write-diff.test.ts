import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  changeLog, checkIncomingUpdate, documentName, MAX_UPDATE_BYTES, ORDER_KEY, ROOT, SEED_ORIGIN, seedDoc, VERSION_KEY, writeDealDiff,
  type ApplyOptions, type ChangeEntry, type LocalOrigin, type StateCheck, type WriteOptions,
} from '@shared/collab'
import { AT, sampleFile, sync, team, workspaceSellers } from './fixture'

describe('the document layout', () => {
  it('names the doc deal/<id>, versions it in meta and orders entries with $o', () => {
    expect(documentName('abc')).toBe('deal/abc')
    const doc = new Y.Doc()
    const origins: unknown[] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin))
    seedDoc(doc, sampleFile())
    expect(origins.filter((o) => o !== null)).toEqual([SEED_ORIGIN])
    expect(doc.getMap(ROOT.meta).get(VERSION_KEY)).toBe(3)
    const people = doc.getMap<Y.Map<unknown>>(ROOT.people)
    expect([...people.values()].map((m) => m.get(ORDER_KEY)).sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: people.size }, (_, i) => i + 1))
  })

  it('refuses an update over the size cap before reading it', () => {
    const [a] = team(1)
    const check: StateCheck = checkIncomingUpdate(a.doc, new Uint8Array(MAX_UPDATE_BYTES + 1))
    expect(check).toMatchObject({ ok: false, reason: 'too-large' })
  })
})

describe('writeDealDiff: a whole new version of the deal written as field-level edits (import --replace)', () => {
  it("changes only what changed, so a colleague's concurrent edit to another field survives", () => {
    const [a, b] = team(2)
    const origin: LocalOrigin = a.origin
    const options: WriteOptions = { origin, author: a.author, at: AT, command: 'import' }
    // The nightly CRM import: a new title for the CFO, everything else as it was.
    const before = a.projection.file()
    const imported = structuredClone(before)
    imported.deal.stakeholders.find((s) => s.id === 'sh-cfo')!.title = 'Group CFO'
    b.apply({ type: 'set-field', stakeholderId: 'sh-cfo', field: 'stance', value: 'supporter' })
    const targets = writeDealDiff(a.doc, before, imported, options)
    expect(targets).toEqual(['sh-cfo', 'field:sh-cfo:title'])
    sync(a, b)
    const cfo = a.projection.file().deal.stakeholders.find((s) => s.id === 'sh-cfo')!
    expect(cfo.title).toBe('Group CFO')
    expect(cfo.stance).toBe('supporter')
    const log: ChangeEntry[] = changeLog(a.doc)
    expect(log.map((e) => [e.author.name, e.command])).toEqual(expect.arrayContaining([['A', 'import'], ['B', 'set-field']]))
  })

  it('writes and logs nothing when nothing changed', () => {
    const [a] = team(1)
    const state = Y.encodeStateAsUpdate(a.doc)
    const file = a.projection.file()
    expect(writeDealDiff(a.doc, file, structuredClone(file), { origin: a.origin, author: a.author, at: AT, command: 'import' })).toEqual([])
    expect(Y.encodeStateAsUpdate(a.doc)).toEqual(state)
  })

  it('a new person, a removed line and a new seat arrive as those edits only', () => {
    const [a] = team(1)
    const before = a.projection.file()
    const after = structuredClone(before)
    after.deal.links = after.deal.links.filter((l) => l.id !== 'link-16')
    after.deal.stakeholders.push({ ...structuredClone(before.deal.stakeholders[0]), id: 'sh-new', name: 'New Person' })
    after.deal.team.push({ sellerId: 'seller-anna', seat: 'project', lead: false })
    const options: ApplyOptions = { origin: a.origin, author: a.author, sellers: workspaceSellers(), at: AT }
    const targets = writeDealDiff(a.doc, before, after, { ...options, command: 'import' })
    expect(targets.sort()).toEqual(['link:link-16', 'seat:seller-anna:project', 'sh-new'])
    expect(a.projection.file().deal).toEqual(after.deal)
  })
})
