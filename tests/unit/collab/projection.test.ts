import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { AlreadySeededError, changeLog, DealProjection, isSeeded, seedDoc } from '@shared/collab'
import { applyCommand, type DealCommand } from '@shared/commands'
import { DealFileSchema } from '@shared/model'
import { client, sampleFile, team } from './fixture'

describe('seeding and the projection', () => {
  it('a seeded doc gives back the deal file it was seeded from', () => {
    const file = sampleFile()
    const doc = new Y.Doc()
    expect(isSeeded(doc)).toBe(false)
    seedDoc(doc, file)
    expect(isSeeded(doc)).toBe(true)
    const projected = new DealProjection(doc).file()
    expect(projected).toEqual(file)
    // Every client writes the same JSON: a person's fields come out in the schema's order.
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    expect(JSON.stringify(new DealProjection(other).file())).toBe(JSON.stringify(projected))
    expect(Object.keys(projected.deal.stakeholders[0])).toEqual(Object.keys(DealFileSchema.parse(file).deal.stakeholders[0]))
    expect(DealFileSchema.safeParse(projected).success).toBe(true)
  })

  it('a doc is seeded exactly once', () => {
    const doc = new Y.Doc()
    seedDoc(doc, sampleFile())
    expect(() => seedDoc(doc, sampleFile())).toThrow(AlreadySeededError)
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    expect(() => seedDoc(other, sampleFile())).toThrow(AlreadySeededError)
  })

  it('an edit to one person gives a new deal in which every other person is the same object', () => {
    const [a] = team(1)
    const before = a.projection.file()
    const target = before.deal.stakeholders[2]
    const after = a.apply({ type: 'set-field', stakeholderId: target.id, field: 'title', value: 'Chief Risk Officer' })
    expect(after).not.toBe(before)
    after.deal.stakeholders.forEach((s, i) => {
      if (s.id === target.id) expect(s.title).toBe('Chief Risk Officer')
      else expect(s).toBe(before.deal.stakeholders[i])
    })
    expect(after.deal.links).toBe(before.deal.links)
    expect(after.deal.team).toBe(before.deal.team)
  })

  it("a field edit keeps the person's unchanged lists as they were; a list edit reads that list again; both read as a fresh projection", () => {
    const [a, b] = team(2)
    const person = a.projection.file().deal.stakeholders[0]
    const edited = a.apply({ type: 'set-field', stakeholderId: person.id, field: 'title', value: 'Group CFO' }).deal.stakeholders[0]
    expect(edited.title).toBe('Group CFO')
    expect(edited.contacts).toBe(person.contacts)
    expect(edited.relationships).toBe(person.relationships)
    // A colleague's contact arrives: only the contacts are read again.
    b.apply({ type: 'log-contact', stakeholderId: person.id, contact: { date: '2026-12-01', channel: 'call', sellerId: 'seller-anna', note: 'Agreed the pilot' } })
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc)), 'remote')
    const merged = a.projection.file().deal.stakeholders[0]
    expect(merged.contacts.map((c) => c.note)).toContain('Agreed the pilot')
    expect(merged.relationships).toBe(person.relationships)
    expect(JSON.stringify(a.projection.file())).toBe(JSON.stringify(new DealProjection(a.doc).file()))
  })

  it('the projection after a command equals what applyCommand makes of the same deal', () => {
    const [a] = team(1)
    const before = a.projection.file()
    const person = before.deal.stakeholders[0]
    const commands: DealCommand[] = [
      { type: 'set-field', stakeholderId: person.id, field: 'stance', value: 'supporter' },
      { type: 'log-contact', stakeholderId: person.id, contact: { date: '2026-12-01', channel: 'call', sellerId: 'seller-anna', note: 'Agreed the pilot' } },
      { type: 'add-owner', stakeholderId: person.id, sellerId: 'seller-ben' },
      { type: 'move-stakeholders', moves: [{ id: person.id, position: { x: 5, y: 7 } }] },
      { type: 'seat-seller', sellerId: 'seller-dana', seat: 'project' },
      { type: 'set-deal-facts', patch: { name: 'Core banking, phase 2' } },
    ]
    let expected = before.deal
    for (const c of commands) expected = applyCommand(expected, c)
    const after = a.apply(...commands)
    expect(after.deal).toEqual(expected)
    expect(DealFileSchema.safeParse(after).success).toBe(true)
  })

  it('one command is one transaction with the local origin and one log entry naming its author', () => {
    const [a] = team(1)
    const origins: unknown[] = []
    a.doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin))
    const id = a.projection.file().deal.stakeholders[1].id
    a.apply({ type: 'set-field', stakeholderId: id, field: 'notes', value: 'Prefers email' }, { type: 'set-field', stakeholderId: id, field: 'innerCircle', value: false })
    expect(origins).toEqual([a.origin])
    const log = changeLog(a.doc)
    expect(log.map((e) => [e.command, e.author.name, e.targets])).toEqual([['set-field', 'A', [id, `field:${id}:notes`]], ['set-field', 'A', [id, `field:${id}:innerCircle`]]])
  })

  it('a refused command writes nothing of its batch', () => {
    const [a] = team(1)
    const state = Y.encodeStateAsUpdate(a.doc)
    const id = a.projection.file().deal.stakeholders[0].id
    expect(() => a.apply({ type: 'set-field', stakeholderId: id, field: 'title', value: 'x' }, { type: 'remove-owner', stakeholderId: 'nobody', sellerId: 'seller-anna' }, { type: 'unseat-seller', sellerId: 'seller-anna', seat: 'attack' as never })).toThrow()
    expect(Y.encodeStateAsUpdate(a.doc)).toEqual(state)
  })

  it('a move writes the position once, as one value', () => {
    const [a] = team(1)
    const id = a.projection.file().deal.stakeholders[0].id
    let updates = 0
    a.doc.on('update', () => updates++)
    a.apply({ type: 'move-stakeholders', moves: [{ id, position: { x: 100, y: 200 } }] })
    expect(updates).toBe(1)
    const person = a.doc.getMap<Y.Map<unknown>>('people').get(id)!
    expect(person.get('position')).toEqual({ x: 100, y: 200 })
  })

  it('onChange reports each change with its origin', () => {
    const [a, b] = team(2)
    const seen: unknown[] = []
    b.projection.onChange((file, origin) => seen.push([origin, file.deal.name]))
    a.apply({ type: 'set-deal-facts', patch: { name: 'Renamed' } })
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc), 'remote')
    expect(seen).toEqual([['remote', 'Renamed']])
  })

  it('a client that joins later derives the same deal', () => {
    const [a] = team(1)
    a.apply({ type: 'set-field', stakeholderId: a.projection.file().deal.stakeholders[0].id, field: 'title', value: 'COO' })
    const late = client('Late')
    Y.applyUpdate(late.doc, Y.encodeStateAsUpdate(a.doc))
    expect(late.projection.file()).toEqual(a.projection.file())
  })
})
