import { connect } from 'node:net'
import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { EDITORS, Lab, teamDeal, until } from './harness'
import { hasRedis, redisProcess } from './processes'
import { entry, rawClient } from './raw-client'

// A node that loads a deal another node holds in memory, not yet stored, serves it only once it
// has caught up from that node through Redis (docs/collaboration.md, "Several nodes").

let lab: Lab
const stops: Array<() => unknown> = []
afterEach(async () => {
  await lab.cleanUp()
  for (const stop of stops.splice(0).reverse()) await stop()
})

describe.skipIf(!hasRedis())('a deal opened on a second node while the first holds it unsaved', () => {
  it('shows the whole deal and who is in it to a colleague connecting there, and keeps the edit she makes at once', async () => {
    lab = new Lab()
    const r = await redisProcess()
    stops.push(() => r.stop())
    const dataDir = await lab.dir('server-')
    const tokensFile = await lab.tokensFile()
    // Node 1 stores late (its debounce), so the deal is in its memory only when node 2 loads it.
    const n1 = await lab.server({ dataDir, tokensFile, redisUrl: r.url, nodeId: 'n1', storeDebounceMs: 60_000 })
    const n2 = await lab.server({ dataDir, tokensFile, redisUrl: r.url, nodeId: 'n2' })
    const anna = await lab.client({ dataDir: await lab.dataFolder(teamDeal()), serverUrl: n1.url })
    await anna.whenInSync()

    const bruno = rawClient(n2.url, EDITORS[1].token)
    await until(() => bruno.synced, 'Bruno is in sync through node 2')
    // What node 2 gave him when it said "synced": the deal, not an empty document.
    expect((bruno.doc.getMap('people') as Y.Map<unknown>).size).toBe(3)
    bruno.doc.transact(() => {
      ;(bruno.doc.getMap('people').get('p1') as Y.Map<unknown>).set('title', 'Set through node 2')
      bruno.doc.getArray('log').push([entry(EDITORS[1].name, EDITORS[1].email, 'through-node-2')])
    })
    await until(() => anna.file().deal.stakeholders.find((s) => s.id === 'p1')?.title === 'Set through node 2', "Bruno's edit reaches Anna on node 1")
    expect(bruno.closedWith).toBeNull()
    // And who is in the deal: Anna's presence, well before the 15 s awareness refresh would bring it.
    await until(() => [...(bruno.provider.awareness?.getStates().values() ?? [])].some((s) => (s as { user?: { name?: string } }).user?.name === EDITORS[0].name), "Bruno sees Anna's presence", 5_000)
    bruno.close()
  })

  it('is served anyway, with what the disk has, when another node holds it open but never answers', async () => {
    lab = new Lab()
    const r = await redisProcess()
    stops.push(() => r.stop())
    // A "node" that subscribed to the deal's channel and hung: Redis counts it, it never answers.
    const { port } = new URL(r.url)
    const hung = connect(Number(port), '127.0.0.1')
    stops.push(() => hung.destroy())
    await new Promise<void>((resolve) => hung.once('data', () => resolve()).write('SUBSCRIBE hocuspocus:deal/deal-shared-1\r\n'))
    const lines: string[] = []
    const dataDir = await lab.dir('server-')
    const n1 = await lab.server({ dataDir, redisUrl: r.url, nodeId: 'n1', log: (l) => lines.push(l) })
    const anna = await lab.client({ dataDir: await lab.dataFolder(teamDeal()), serverUrl: n1.url })
    await anna.whenInSync()
    expect(anna.file().deal.stakeholders).toHaveLength(3)
    expect(lines.some((l) => l.includes('0 of 1 other nodes answered'))).toBe(true)
  })
})
