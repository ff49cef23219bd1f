import { afterEach, describe, expect, it } from 'vitest'
import { EDITORS, Lab, teamDeal, until } from './harness'
import { hasRedis, redisProcess } from './processes'
import { awarenessEntries, rawClient } from './raw-client'

// Presence across nodes (docs/collaboration.md, "Awareness (presence)"): the node a client is
// connected to rewrites its state; the other node knows whose a client id is from that state.

let lab: Lab
const stops: Array<() => unknown> = []
afterEach(async () => {
  await lab.cleanUp()
  for (const stop of stops.splice(0).reverse()) await stop()
})

describe.skipIf(!hasRedis())('presence through Redis', () => {
  async function twoNodes() {
    lab = new Lab()
    const r = await redisProcess()
    stops.push(() => r.stop())
    const dataDir = await lab.dir('server-')
    const tokensFile = await lab.tokensFile()
    const n1 = await lab.server({ dataDir, tokensFile, redisUrl: r.url, nodeId: 'n1' })
    const n2 = await lab.server({ dataDir, tokensFile, redisUrl: r.url, nodeId: 'n2' })
    const anna = await lab.client({ dataDir: await lab.dataFolder(teamDeal()), serverUrl: n1.url })
    await anna.whenInSync()
    const bruno = await lab.client({ dataDir: await lab.dataFolder(), serverUrl: n2.url }, EDITORS[1])
    await bruno.whenInSync()
    await until(() => bruno.presence().length === 1 && anna.presence().length === 1, 'each sees the other across the nodes')
    return { n1, n2, anna, bruno }
  }

  it("a spoofed name sent to one node shows the token's name on the other", async () => {
    const { n2, anna } = await twoNodes()
    const raw = rawClient(n2.url, EDITORS[1].token)
    await until(() => raw.synced, 'the raw client has the deal')
    raw.announce({ user: { name: 'Chief Executive', email: 'ceo@example.com', color: '#112233' }, selection: [] })
    await until(() => anna.presence().length === 2, 'Anna sees the second session')
    expect(anna.presence().map((p) => p.user.name)).toEqual(['Bruno Keller', 'Bruno Keller'])
    raw.close()
  })

  it("a state for a client id introduced on the other node is refused, and the owner's presence stays", async () => {
    const { n2, bruno } = await twoNodes()
    const annaId = bruno.presence()[0].clientId
    const raw = rawClient(n2.url, EDITORS[1].token)
    await until(() => raw.synced, 'the raw client has the deal')
    raw.sendAwareness(awarenessEntries([{ clientId: annaId, clock: 1_000, state: { user: { name: 'Bruno Keller', email: 'bruno@example.com', color: '#112233' }, selection: [] } }]))
    await until(() => raw.closedWith !== null, 'the raw client is refused')
    expect(raw.closedWith).toBe('invalid-presence')
    expect(bruno.presence()).toMatchObject([{ clientId: annaId, user: { name: 'Anna Kowalski' } }])
    raw.close()
  })
})
