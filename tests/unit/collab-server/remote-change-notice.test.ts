import { afterEach, describe, expect, it } from 'vitest'
import type { DealFile } from '@shared/model'
import { EDITORS, Lab, person, teamDeal, until } from './harness'

let lab: Lab
afterEach(() => lab.cleanUp())

/**
 * What B's page is told (DealSync `onRemoteChange`, which main turns into a push): once per
 * colleague's change that reached the live doc, with the new deal, and never for the echo of
 * B's own edit or a state B has already. deal-sync.ts decides "changed anything" itself while
 * the live doc's 'update' listener is off for a remote apply (docs/performance.md, "Initial
 * sync"); a wrong decision either hides a colleague's edit or redraws B's page for nothing.
 */
describe("a colleague's change is told to the page once", () => {
  it('tells B of each of A\'s edits, not of its own echoed back, and the initial sync once', async () => {
    lab = new Lab()
    const server = await lab.server()
    const a = await lab.client({ dataDir: await lab.dataFolder(teamDeal()), serverUrl: server.url })
    await a.whenInSync()
    const told: DealFile[] = []
    const b = await lab.client({ dataDir: await lab.dataFolder(), serverUrl: server.url, onRemoteChange: (file) => told.push(file) }, EDITORS[1])
    await b.whenInSync()
    // The initial sync brought the whole deal: one notice, with every person.
    expect(told).toHaveLength(1)
    expect(told[0].deal.stakeholders.map((s) => s.id)).toEqual(['p1', 'p2', 'p3'])

    a.apply([{ type: 'set-field', stakeholderId: 'p1', field: 'title', value: 'CIO' }])
    await until(() => person(b, 'p1')?.title === 'CIO', "A's edit on B")
    expect(told).toHaveLength(2)
    expect(told[1].deal.stakeholders.find((s) => s.id === 'p1')?.title).toBe('CIO')

    b.apply([{ type: 'set-field', stakeholderId: 'p2', field: 'title', value: 'CFO' }])
    await until(() => person(a, 'p2')?.title === 'CFO', "B's edit on A")
    await b.whenInSync()
    // Back from offline with nothing new: the server's state is B's own (and its deletes) again.
    b.disconnect()
    await until(() => b.status.kind === 'offline', 'B offline')
    b.reconnect()
    await b.whenInSync()
    // A colleague's next edit arrives after any echo of B's own would have.
    a.apply([{ type: 'set-field', stakeholderId: 'p3', field: 'title', value: 'COO' }])
    await until(() => person(b, 'p3')?.title === 'COO', "A's second edit on B")
    expect(told.map((f) => f.deal.stakeholders.map((s) => s.title ?? ''))).toEqual([
      ['Title 1', 'Title 2', 'Title 3'],
      ['CIO', 'Title 2', 'Title 3'],
      ['CIO', 'CFO', 'COO'],
    ])
  })
})
