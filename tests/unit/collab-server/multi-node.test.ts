import { afterEach, describe, expect, it } from 'vitest'
import { EDITORS, Lab, person, teamDeal, until } from './harness'
import { hasRedis, redisProcess, serveProcess, type ServerProcess } from './processes'

let lab: Lab
const stops: Array<() => unknown> = []
afterEach(async () => {
  await lab.cleanUp()
  for (const stop of stops.splice(0).reverse()) await stop()
})

const redis = hasRedis()
if (!redis) console.warn('multi-node tests skipped: redis-server is not installed here (.ci/run installs it: apt-get install redis-server)')

describe.skipIf(!redis)('several server processes behind one Redis', () => {
  it('clients on different nodes converge; a colleague joining through the other node gets the deal', async () => {
    lab = new Lab()
    const r = await redisProcess()
    stops.push(() => r.stop())
    const dataDir = await lab.dir('server-')
    const tokens = await lab.tokensFile()
    const node = async (): Promise<ServerProcess> => {
      const p = await serveProcess(['--data', dataDir, '--tokens', tokens, '--port', '0', '--redis', r.url])
      stops.push(() => p.child.kill('SIGTERM'))
      return p
    }
    const [n1, n2] = await Promise.all([node(), node()])
    const a = await lab.client({ dataDir: await lab.dataFolder(teamDeal()), serverUrl: n1.url })
    await a.whenInSync()
    const b = await lab.client({ dataDir: await lab.dataFolder(), serverUrl: n2.url }, EDITORS[1])
    await b.whenInSync()
    a.apply([{ type: 'set-field', stakeholderId: 'p1', field: 'title', value: 'CIO' }])
    b.apply([{ type: 'set-field', stakeholderId: 'p1', field: 'stance', value: 'champion' }])
    await until(() => person(a, 'p1')?.stance === 'champion' && person(b, 'p1')?.title === 'CIO', 'edits cross the nodes')
    expect(a.file()).toEqual(b.file())
  })
})
