import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { isAlreadyIn } from '../../../electron/server/message-guard'
import { prng } from '../collab/random-commands'

/** isAlreadyIn reads only the update; it must answer as Yjs's snapshot test does. */
describe('isAlreadyIn (an update the server holds already is let through unchecked)', () => {
  it('answers as Y.snapshotContainsUpdate(Y.snapshot(doc), update) on random edits, deletions, re-sent and partial states', () => {
    const pick = prng(7)
    for (let round = 0; round < 40; round++) {
      const a = new Y.Doc()
      const b = new Y.Doc()
      const updates: Uint8Array[] = []
      a.on('update', (u: Uint8Array) => updates.push(u))
      for (let i = 0; i < 30; i++) {
        const map = a.getMap<unknown>('people')
        const list = a.getArray<unknown>('log')
        const k = `k${pick(8)}`
        if (pick(3) === 0) map.delete(k)
        else map.set(k, { v: pick(100) })
        if (pick(2) === 0) list.push([pick(10)])
        if (pick(4) === 0 && list.length > 0) list.delete(pick(list.length), 1)
      }
      // b holds a random part of a's updates (possibly with gaps: those wait as pending structs).
      for (const u of updates) if (pick(3) !== 0) Y.applyUpdate(b, u)
      for (const u of [...updates, Y.encodeStateAsUpdate(a), Y.encodeStateAsUpdate(b), Y.encodeStateAsUpdate(a, Y.encodeStateVector(b))]) {
        expect(isAlreadyIn(b, u)).toBe(Y.snapshotContainsUpdate(Y.snapshot(b), u))
      }
    }
  })
})
