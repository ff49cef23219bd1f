import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applyIncomingUpdate, checkIncomingUpdate, validateDocState, type RefusalReason } from '@shared/collab'
import { team } from './fixture'

/** A peer that starts from the live doc's state and then writes what it likes, bypassing the commands. */
function hostileUpdate(live: Y.Doc, write: (doc: Y.Doc) => void): Uint8Array {
  const evil = new Y.Doc()
  Y.applyUpdate(evil, Y.encodeStateAsUpdate(live))
  write(evil)
  return Y.encodeStateAsUpdate(evil, Y.encodeStateVector(live))
}
const people = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('people')

const cases: Array<[string, RefusalReason, (doc: Y.Doc) => void]> = [
  ['a person field of the wrong type', 'invalid', (d) => people(d).get('sh-ceo')!.set('innerCircle', 'yes')],
  ['an enum value the app does not know', 'invalid', (d) => people(d).get('sh-ceo')!.set('stance', 'hostile')],
  ['contacts that are not a Y.Array', 'wrong-type', (d) => people(d).get('sh-ceo')!.set('contacts', 'none')],
  ['a Y.Text where a plain value belongs', 'wrong-type', (d) => people(d).get('sh-ceo')!.set('title', new Y.Text('CEO'))],
  ['binary data as a name', 'wrong-type', (d) => people(d).get('sh-ceo')!.set('name', new Uint8Array([1, 2, 3]))],
  // `{"toString": false}` is valid JSON: a key built with String() of it threw a TypeError.
  ['a line whose kind is an object with no usable toString', 'invalid', (d) => d.getMap('links').set('odd', { id: 'odd', from: 'sh-ceo', to: 'sh-cio', kind: { toString: false }, $o: 98 })],
  ['a line whose ends are objects with no usable toString', 'invalid', (d) => d.getMap('links').set('odd2', { id: 'odd2', from: { toString: false }, to: { valueOf: false, toString: false }, kind: 'ally', $o: 97 })],
  ['a line to a person who never existed', 'invalid', (d) => d.getMap('links').set('bad', { id: 'bad', from: 'sh-ceo', to: 'ghost', kind: 'ally', $o: 99 })],
  ['a line whose key is not its id', 'wrong-type', (d) => d.getMap('links').set('x', { id: 'y', from: 'sh-ceo', to: 'sh-cio', kind: 'ally', $o: 99 })],
  ['a 10 MB string', 'invalid', (d) => people(d).get('sh-ceo')!.set('notes', 'x'.repeat(10 * 1024 * 1024))],
  ['an unknown root', 'unknown-root', (d) => d.getMap('evil').set('a', 1)],
  ['a list where the people map belongs', 'wrong-type', (d) => d.getArray('people').insert(0, [1])],
  ['a seller reference the doc cannot resolve', 'invalid', (d) => people(d).get('sh-ceo')!.get('ownerIds') instanceof Y.Map && (people(d).get('sh-ceo')!.get('ownerIds') as Y.Map<number>).set('seller-nobody', 9)],
  ['a log entry that is not a change entry', 'invalid', (d) => d.getArray('log').push([{ id: 'x', at: 'now', author: { name: 'x'.repeat(5000), email: '' }, command: 'set-field', targets: [] }])],
  ['a newer format version', 'newer-version', (d) => d.getMap('meta').set('$version', 99)],
  ['a person removed from under its id (id mismatch)', 'wrong-type', (d) => people(d).get('sh-ceo')!.set('id', 'sh-other')],
  ['a deal with no name', 'invalid', (d) => d.getMap('meta').set('name', '')],
]

describe('a remote update is checked in a scratch copy before it reaches the doc', () => {
  it.each(cases)('%s is refused with a reason, the live doc untouched', (_name, reason, write) => {
    const [live] = team(1)
    const before = Y.encodeStateAsUpdate(live.doc)
    const file = live.projection.file()
    const update = hostileUpdate(live.doc, write)
    const check = applyIncomingUpdate(live.doc, update, 'remote')
    expect(check.ok).toBe(false)
    if (check.ok) return
    expect(check.reason).toBe(reason)
    expect(check.message).not.toBe('')
    expect(Y.encodeStateAsUpdate(live.doc)).toEqual(before)
    expect(live.projection.file()).toBe(file)
  })

  it('a valid colleague update passes and applies', () => {
    const [live, colleague] = team(2)
    colleague.apply({ type: 'set-field', stakeholderId: 'sh-ceo', field: 'stance', value: 'supporter' })
    const update = Y.encodeStateAsUpdate(colleague.doc, Y.encodeStateVector(live.doc))
    expect(checkIncomingUpdate(live.doc, update).ok).toBe(true)
    applyIncomingUpdate(live.doc, update, 'remote')
    expect(live.projection.file().deal.stakeholders[0].stance).toBe('supporter')
  })

  it('bytes that are not an update are refused as malformed', () => {
    const [live] = team(1)
    const check = checkIncomingUpdate(live.doc, new Uint8Array([0xff, 0xff, 0xff, 0x01, 0x02]))
    expect(check).toMatchObject({ ok: false, reason: 'malformed' })
  })

  it('an update that depends on one not yet received is refused until the gap is filled', () => {
    const [live, colleague] = team(2)
    const updates: Uint8Array[] = []
    colleague.doc.on('update', (u: Uint8Array) => updates.push(u))
    colleague.apply({ type: 'set-field', stakeholderId: 'sh-ceo', field: 'title', value: 'one' })
    colleague.apply({ type: 'set-field', stakeholderId: 'sh-ceo', field: 'title', value: 'two' })
    expect(checkIncomingUpdate(live.doc, updates[1])).toMatchObject({ ok: false, reason: 'missing-dependencies' })
    expect(applyIncomingUpdate(live.doc, updates[0], 'remote').ok).toBe(true)
    expect(applyIncomingUpdate(live.doc, updates[1], 'remote').ok).toBe(true)
    expect(live.projection.file().deal.stakeholders[0].title).toBe('two')
  })

  it('an empty doc is a valid state (nothing shared yet); data without a format version is not', () => {
    expect(validateDocState(new Y.Doc())).toEqual({ ok: true, file: null })
    const doc = new Y.Doc()
    doc.getMap('people').set('x', new Y.Map())
    expect(validateDocState(doc)).toMatchObject({ ok: false, reason: 'not-seeded' })
  })

  it('the check names the field at fault', () => {
    const [live] = team(1)
    const check = checkIncomingUpdate(live.doc, hostileUpdate(live.doc, (d) => people(d).get('sh-ceo')!.set('innerCircle', 'yes')))
    expect(check.ok).toBe(false)
    if (!check.ok) expect(check.issues.map((i) => i.path)).toContain('$.deal.stakeholders[0].innerCircle')
  })
})
