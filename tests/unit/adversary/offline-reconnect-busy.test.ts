import { afterEach, describe, expect, it } from 'vitest'
import { EDITORS, Lab, person, teamDeal, until } from '../collab-server/harness'

let lab: Lab
afterEach(() => lab.cleanUp())

/**
 * A laptop coming back with edits made offline while a colleague edits without pause: the
 * held edits go after the handshake (electron/collab/edits-after-handshake.ts), the colleague's
 * arrive meanwhile, and the server must refuse nothing (docs/collaboration.md, "Authors are checked").
 */
describe('reconnecting while a colleague edits without pause', () => {
  it('the offline edits and every colleague edit reach both laptops; nobody is refused', async () => {
    lab = new Lab()
    const server = await lab.server()
    const a = await lab.client({ dataDir: await lab.dataFolder(teamDeal()), serverUrl: server.url })
    await a.whenInSync()
    const b = await lab.client({ dataDir: await lab.dataFolder(), serverUrl: server.url }, EDITORS[1])
    await b.whenInSync()
    for (let round = 0; round < 3; round++) {
      a.disconnect()
      await until(() => a.status.kind === 'offline', 'A offline')
      for (let i = 0; i < 5; i++) a.apply([{ type: 'set-field', stakeholderId: 'p1', field: 'notes', value: `A offline ${round}.${i}` }])
      let n = 0
      const busy = setInterval(() => b.apply([{ type: 'set-field', stakeholderId: 'p2', field: 'notes', value: `B ${round}.${n++}` }]), 3)
      a.reconnect()
      await until(() => a.status.kind === 'connected' || a.status.kind === 'refused', 'A back', 15_000)
      await new Promise((r) => setTimeout(r, 60))
      clearInterval(busy)
      expect(a.status.kind).toBe('connected')
      await a.whenInSync()
      await b.whenInSync()
      await until(() => person(b, 'p1')?.notes === `A offline ${round}.4` && person(a, 'p2')?.notes === `B ${round}.${n - 1}`, 'both have everything', 10_000)
      expect(b.status.kind).toBe('connected')
    }
  })
})
