import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { changeLog } from '@shared/collab'
import { EDITORS, Lab, teamDeal, until } from './harness'
import { hasRedis, redisProcess } from './processes'
import { clientIdOf, entry, rawClient, updateAs } from './raw-client'

// The author check across nodes (docs/collaboration.md, "Authors are checked"): a client id
// bound on one node, an entry sent through the other.

let lab: Lab
const stops: Array<() => unknown> = []
afterEach(async () => {
  await lab.cleanUp()
  for (const stop of stops.splice(0).reverse()) await stop()
})

async function twoNodes() {
  lab = new Lab()
  const r = await redisProcess()
  stops.push(() => r.stop())
  const dataDir = await lab.dir('server-')
  const tokensFile = await lab.tokensFile()
  const n1 = await lab.server({ dataDir, tokensFile, redisUrl: r.url, nodeId: 'n1' })
  const n2 = await lab.server({ dataDir, tokensFile, redisUrl: r.url, nodeId: 'n2' })
  return { n1, n2 }
}

describe.skipIf(!hasRedis())('authors across two nodes behind one Redis', () => {
  it("Anna's client id, bound through node 1, cannot be borrowed through node 2 to write in her name", async () => {
    const { n1, n2 } = await twoNodes()
    const anna = await lab.client({ dataDir: await lab.dataFolder(teamDeal()), serverUrl: n1.url })
    await anna.whenInSync()
    const bruno = rawClient(n2.url, EDITORS[1].token)
    await until(() => bruno.synced && changeLog(bruno.doc).some((e) => e.author.name === EDITORS[0].name), "Bruno, on node 2, has Anna's entry")
    bruno.send(updateAs(bruno.doc, clientIdOf(bruno.doc, EDITORS[0].name), (d) => {
      ;(d.getMap('people').get('p1') as Y.Map<unknown>).set('title', 'Forged')
      d.getArray('log').push([entry(EDITORS[0].name, EDITORS[0].email, 'borrowed')])
    }))
    await until(() => bruno.closedWith === 'invalid-update', 'node 2 refuses the borrowed client id')
    anna.apply([{ type: 'set-field', stakeholderId: 'p2', field: 'title', value: 'after' }])
    await anna.whenInSync()
    expect(changeLog(anna.doc).some((e) => e.id === 'borrowed')).toBe(false)
    bruno.close()
  })

  // This failed about one run in four under load until a node waited for the other nodes' state
  // before serving a deal (peer-catch-up.ts): node 2 had handed Anna an empty document, and her
  // first entry was refused as an edit of a deal never seeded.
  it('an entry that cannot be placed, sent to node 1 under a colleague-to-be client id, does not keep her out through node 2', async () => {
    const { n1, n2 } = await twoNodes()
    const anna = await lab.client({ dataDir: await lab.dataFolder(teamDeal()), serverUrl: n1.url })
    await anna.whenInSync()
    const victim = 0x3456789
    const bruno = rawClient(n1.url, EDITORS[1].token)
    await until(() => bruno.synced, 'Bruno has the deal')
    bruno.send(pendingEntry(bruno.doc, victim))
    await new Promise((r) => setTimeout(r, 300))
    expect(bruno.closedWith).toBeNull()
    const annaRaw = rawClient(n2.url, EDITORS[0].token, victim)
    await until(() => annaRaw.synced, 'Anna (raw) has the deal through node 2')
    annaRaw.doc.getArray('log').push([entry(EDITORS[0].name, EDITORS[0].email, 'honest')])
    await until(() => changeLog(anna.doc).some((e) => e.id === 'honest'), "Anna's honest entry crosses to node 1")
    expect(annaRaw.closedWith).toBeNull()
    bruno.close()
    annaRaw.close()
  })
})

/** An entry in Bruno's own name under `client` at clock 500, whose clocks 0..499 never come. */
function pendingEntry(doc: Y.Doc, client: number): Uint8Array {
  const scratch = new Y.Doc()
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc))
  scratch.clientID = client
  scratch.getText('never-sent').insert(0, 'x'.repeat(500))
  const before = Y.encodeStateVector(scratch)
  scratch.getArray('log').push([entry(EDITORS[1].name, EDITORS[1].email, 'squat')])
  return Y.encodeStateAsUpdate(scratch, before)
}
