import { afterEach, describe, expect, it } from 'vitest'
import { Lab, person, until } from './harness'

let lab: Lab
afterEach(() => lab.cleanUp())

// Found by random-sessions.property.test.ts: going offline and online again within one tick
// closed a socket that was still connecting after the provider had dropped its listeners, and
// ws's 'error' event for it was an uncaught exception (electron/collab/quiet-websocket.ts).
describe('offline/online toggled quickly', () => {
  it('disconnect and reconnect several times in one tick: no uncaught error, edits still merge', async () => {
    lab = new Lab()
    const { a, b } = await lab.pair()
    // Each pause lets the socket reach another state (closing, closed, connecting) before the next toggle.
    for (let round = 0; round < 60; round++) {
      b.disconnect()
      if (round % 3 === 0) await new Promise((r) => setImmediate(r))
      b.reconnect()
      for (let t = 0; t < round % 4; t++) await new Promise((r) => setImmediate(r))
    }
    b.apply([{ type: 'set-field', stakeholderId: 'p1', field: 'title', value: 'CIO' }])
    await until(() => b.status.kind === 'connected' && person(a, 'p1')?.title === 'CIO', 'the edit reaches the colleague')
    expect(person(b, 'p1')?.title).toBe('CIO')
  })
})
