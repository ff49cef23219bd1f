import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { changedTargets, validateDocState } from '@shared/collab'
import { ShadowChecks } from '../../../electron/server/shadow-checks'
import { team } from '../collab/fixture'

const people = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('people')

/** An update made on a copy of `base`'s state, with the log entry an honest peer writes with it (the server refuses a change no entry names). */
function edit(base: Y.Doc, write: (doc: Y.Doc) => void): Uint8Array {
  const other = new Y.Doc()
  Y.applyUpdate(other, Y.encodeStateAsUpdate(base))
  other.transact((tr) => {
    write(other)
    other.getArray('log').push([{ id: `e${Math.random()}`, at: '2026-12-02T09:00:00.000Z', author: { name: 'Peer', email: 'peer@example.com' }, command: 'set-field', targets: [...changedTargets(tr)] }])
  })
  return Y.encodeStateAsUpdate(other, Y.encodeStateVector(base))
}

describe("the server's shadow checks (an update checked in a copy that follows the document)", () => {
  it('applies a valid update to the document, refuses a hostile one leaving the document as it was, and checks the next against the document again', () => {
    const [served] = team(1)
    const checks = new ShadowChecks()
    const ok = checks.checkAndApply(served.doc, edit(served.doc, (d) => people(d).get('sh-ceo')!.set('title', 'Chief Executive')), 'client')
    expect(ok).toEqual({ ok: true })
    expect(people(served.doc).get('sh-ceo')!.get('title')).toBe('Chief Executive')

    const before = Y.encodeStateAsUpdate(served.doc)
    const refused = checks.checkAndApply(served.doc, edit(served.doc, (d) => people(d).get('sh-cio')!.set('stance', 'hostile')), 'evil')
    expect(refused).toMatchObject({ ok: false, reason: 'invalid' })
    expect(Y.encodeStateAsUpdate(served.doc)).toEqual(before)
    // An edit whose log entry is missing is refused the same way, the document untouched.
    const unlogged = checks.checkAndApply(served.doc, Y.encodeStateAsUpdate((() => {
      const d = new Y.Doc()
      Y.applyUpdate(d, before)
      people(d).get('sh-cio')!.set('title', 'Quietly')
      return d
    })(), Y.encodeStateVector(served.doc)), 'evil')
    expect(unlogged).toMatchObject({ ok: false, reason: 'unlogged' })
    expect(Y.encodeStateAsUpdate(served.doc)).toEqual(before)

    // The shadow held the refused update; the next check must not see it.
    expect(checks.checkAndApply(served.doc, edit(served.doc, (d) => people(d).get('sh-cio')!.set('title', 'CIO')), 'client')).toEqual({ ok: true })
    expect(validateDocState(served.doc).ok).toBe(true)
  })

  it("follows the document's changes from elsewhere (another node through Redis): an update valid only without them is refused", () => {
    const [served] = team(1)
    const checks = new ShadowChecks()
    expect(checks.checkAndApply(served.doc, edit(served.doc, (d) => people(d).get('sh-ceo')!.set('title', 'x')), 'client').ok).toBe(true)
    // Made before the other node's change: it names a seller that change removes.
    const sellerOfCeo = [...(people(served.doc).get('sh-ceo')!.get('ownerIds') as Y.Map<number>).keys()][0]
    const ownedByThatSeller = edit(served.doc, (d) => (people(d).get('sh-cio')!.get('ownerIds') as Y.Map<number>).set(sellerOfCeo, 9))
    Y.applyUpdate(served.doc, edit(served.doc, (d) => {
      for (const p of people(d).values()) (p.get('ownerIds') as Y.Map<number>).delete(sellerOfCeo)
      d.getMap('sellers').delete(sellerOfCeo)
    }), '__hocuspocus__redis__origin__')
    expect(checks.checkAndApply(served.doc, ownedByThatSeller, 'client')).toMatchObject({ ok: false, reason: 'invalid' })
  })

  it('refuses bytes that are not an update, and drops a shadow with its document', () => {
    const [served] = team(1)
    const checks = new ShadowChecks()
    expect(checks.checkAndApply(served.doc, new Uint8Array([0xff, 0xff, 0xff, 0x01, 0x02]), 'evil')).toMatchObject({ ok: false, reason: 'malformed' })
    expect(checks.checkAndApply(served.doc, edit(served.doc, (d) => people(d).get('sh-ceo')!.set('title', 'y')), 'client').ok).toBe(true)
    expect(checks.size).toBe(1)
    served.doc.destroy()
    expect(checks.size).toBe(0)
  })

  it('keeps a shadow only for a document being edited: not after one update, after a second soon after, dropped when idle', async () => {
    const [served] = team(1)
    const checks = new ShadowChecks({ keepAfterMs: 60_000, idleMs: 50 })
    expect(checks.checkAndApply(served.doc, edit(served.doc, (d) => people(d).get('sh-ceo')!.set('title', '1')), 'client').ok).toBe(true)
    expect(checks.size).toBe(0)
    expect(checks.checkAndApply(served.doc, edit(served.doc, (d) => people(d).get('sh-ceo')!.set('title', '2')), 'client').ok).toBe(true)
    expect(checks.size).toBe(1)
    await new Promise((r) => setTimeout(r, 120))
    expect(checks.size).toBe(0)
    expect(checks.checkAndApply(served.doc, edit(served.doc, (d) => people(d).get('sh-cio')!.set('stance', 'hostile')), 'evil')).toMatchObject({ ok: false, reason: 'invalid' })
  })
})
