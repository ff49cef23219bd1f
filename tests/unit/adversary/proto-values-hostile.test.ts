import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { IncrementalValidator, validateDocState } from '@shared/collab'
import { team } from '../collab/fixture'

/**
 * A colleague's raw update may carry a plain value whose object has a `__proto__` key. Yjs's
 * decoder (lib0 `readAny`) assigns keys one by one, so on every receiver that key becomes the
 * object's prototype: `position.x` is then inherited, the schema reads it and passes, yet the
 * JSON projection written to disk has no `x` and the deal file no longer loads. The state check
 * must refuse such a value (read.ts), on the whole check and the incremental one alike.
 */

const person = (d: Y.Doc, id: string) => d.getMap('people').get(id) as Y.Map<unknown>
const withProto = (json: string): unknown => JSON.parse(json)

const cases: Array<[string, (d: Y.Doc) => void]> = [
  ["a person's position", (d) => person(d, 'sh-cfo').set('position', withProto('{"__proto__":{"x":5},"y":1}'))],
  ["the deal's amount", (d) => d.getMap('meta').set('amount', withProto('{"__proto__":{"value":5},"currency":"USD"}'))],
  ['a contact', (d) => (person(d, 'sh-cfo').get('contacts') as Y.Array<unknown>).insert(0, [withProto('{"__proto__":{"note":"x"},"date":"2026-11-01","channel":"call","sellerId":"seller-anna"}')])],
  ["a relationship's scores", (d) => (person(d, 'sh-cfo').get('relationships') as Y.Map<unknown>).set('seller-anna', withProto('{"sellerId":"seller-anna","$o":1,"elements":{"__proto__":{"value":1},"goodwill":1,"dignity":3,"presence":2,"depth":1}}'))],
]

describe('a plain value with a "__proto__" key from a colleague', () => {
  it.each(cases)('%s is refused by the state check, whole and incremental', (_name, write) => {
    const [sender] = team(1)
    const receiver = new Y.Doc()
    Y.applyUpdate(receiver, Y.encodeStateAsUpdate(sender.doc))
    const validator = new IncrementalValidator(receiver)
    expect(validator.check().ok).toBe(true)
    const before = Y.encodeStateVector(sender.doc)
    sender.doc.transact(() => write(sender.doc))
    // Through the wire, as a receiver decodes it.
    Y.applyUpdate(receiver, Y.encodeStateAsUpdate(sender.doc, before))
    expect(validateDocState(receiver).ok).toBe(false)
    expect(validator.check().ok).toBe(false)
  })
})
