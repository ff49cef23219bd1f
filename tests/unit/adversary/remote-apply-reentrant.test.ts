import { afterEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { rootsOf } from '@shared/collab/schema'
import type { DealSync } from '../../../electron/collab/deal-sync'
import { Lab, person, until } from '../collab-server/harness'

let lab: Lab
afterEach(() => lab.cleanUp())

/**
 * deal-sync.ts takes the live doc's 'update' listener (the one that forwards our edits to the
 * wire doc and counts them as waiting) off while a colleague's checked update is applied.
 * Yjs runs a transaction started by an observer of that update (a plug-in's reaction, an undo
 * from a handler) inside the same Y.applyUpdate call, after the colleague's: an edit of ours
 * made then must still reach the colleague, and undo must still never undo the colleague.
 */
describe("an edit of ours made while a colleague's change is being applied", () => {
  async function pair() {
    lab = new Lab()
    const { a, b } = await lab.pair()
    return { a, b }
  }

  /** Run `react` once, from an observer of B's people, when A's title for p1 arrives. */
  function whenP1Becomes(b: DealSync, title: string, react: () => void): void {
    const people = rootsOf(b.doc).people
    let done = false
    const observer = (_events: unknown, tr: Y.Transaction) => {
      if (done || tr.origin === b.origin || (people.get('p1') as Y.Map<unknown> | undefined)?.get('title') !== title) return
      done = true
      people.unobserveDeep(observer)
      react()
    }
    people.observeDeep(observer)
  }

  it('reaches the colleague when made from an observer of their change', async () => {
    const { a, b } = await pair()
    whenP1Becomes(b, 'CIO', () => b.apply([{ type: 'set-field', stakeholderId: 'p2', field: 'title', value: 'Reacted' }]))
    a.apply([{ type: 'set-field', stakeholderId: 'p1', field: 'title', value: 'CIO' }])
    await until(() => person(b, 'p2')?.title === 'Reacted', "B's reaction on B")
    await until(() => person(a, 'p2')?.title === 'Reacted', "B's reaction reaches A", 5_000)
    expect(person(a, 'p1')?.title).toBe('CIO')
  })

  it('an undo made from an observer reaches the colleague and leaves their change', async () => {
    const { a, b } = await pair()
    b.apply([{ type: 'set-field', stakeholderId: 'p3', field: 'title', value: 'Mistake' }])
    await until(() => person(a, 'p3')?.title === 'Mistake', "B's edit on A")
    whenP1Becomes(b, 'CIO', () => void b.undo())
    a.apply([{ type: 'set-field', stakeholderId: 'p1', field: 'title', value: 'CIO' }])
    await until(() => person(b, 'p3')?.title === 'Title 3', "B's undo on B")
    await until(() => person(a, 'p3')?.title === 'Title 3', "B's undo reaches A", 5_000)
    expect(person(a, 'p1')?.title).toBe('CIO')
    expect(person(b, 'p1')?.title).toBe('CIO')
  })

  it('counts as waiting when B goes offline before the server has it', async () => {
    const { a, b } = await pair()
    const statuses: string[] = []
    whenP1Becomes(b, 'CIO', () => {
      b.apply([{ type: 'set-field', stakeholderId: 'p2', field: 'title', value: 'Reacted' }])
      // Offline at once: the reaction is waiting.
      b.disconnect()
    })
    a.apply([{ type: 'set-field', stakeholderId: 'p1', field: 'title', value: 'CIO' }])
    await until(() => b.status.kind === 'offline', 'B offline')
    statuses.push(JSON.stringify(b.status))
    expect(b.status).toEqual({ kind: 'offline', pending: 1 })
    b.reconnect()
    await b.whenInSync()
    await until(() => person(a, 'p2')?.title === 'Reacted', "B's waiting reaction reaches A after the reconnect", 5_000)
  })
})
