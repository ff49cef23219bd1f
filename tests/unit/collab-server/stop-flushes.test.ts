import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { toDealFile } from '@shared/model'
import { nodeDurableFs } from '../../../electron/main/store/durable-fs'
import { Lab, teamDeal } from './harness'

let lab: Lab
afterEach(async () => {
  vi.restoreAllMocks()
  await lab?.cleanUp()
})

/** Every file write under `folder` (its temp file opened, its rename done), with when it happened. */
function recordWrites(folder: string): Array<{ at: number; what: string }> {
  const writes: Array<{ at: number; what: string }> = []
  const { open, rename } = nodeDurableFs
  vi.spyOn(nodeDurableFs, 'open').mockImplementation(async (path, flags) => {
    if (String(path).startsWith(folder) && flags !== 'r') writes.push({ at: performance.now(), what: `open ${path}` })
    return open(path, flags)
  })
  vi.spyOn(nodeDurableFs, 'rename').mockImplementation(async (from, to) => {
    await rename(from, to)
    if (String(to).startsWith(folder)) writes.push({ at: performance.now(), what: `renamed ${to}` })
  })
  return writes
}

describe('stopping the server (SIGTERM "stores every open document, then exits")', () => {
  it('resolves only once every document it holds is on disk: no write of the server starts or ends after it', async () => {
    lab = new Lab()
    const dataDir = await lab.dir('server-')
    const writes = recordWrites(dataDir)
    const server = await lab.server({ dataDir, storeDebounceMs: 500 })
    const ids = Array.from({ length: 5 }, (_, d) => `deal-stop-${d}`)
    const clients = []
    for (const id of ids) {
      const base = teamDeal(20)
      const client = await lab.client({ dealId: id, dataDir: await lab.dataFolder(toDealFile({ ...base.deal, id }, base.roster)), serverUrl: server.url })
      await client.whenInSync()
      clients.push(client)
    }
    // Acknowledged by the server, not stored yet (the store waits 500 ms for more).
    for (const c of clients) c.apply([{ type: 'set-field', stakeholderId: 'p2', field: 'title', value: 'Chief Risk Officer' }])
    await Promise.all(clients.map((c) => c.whenInSync()))

    await server.stop()
    const stoppedAt = performance.now()
    await new Promise((r) => setTimeout(r, 700))
    expect(writes.filter((w) => w.at > stoppedAt)).toEqual([])
    for (const id of ids) {
      const folder = join(dataDir, 'docs', id)
      // The document's state (no temp file left), beside who writes under which client id.
      const names = (await readdir(folder)).filter((n) => !n.endsWith('.authors.json'))
      expect(names).toEqual([expect.stringMatching(/^[^.].*\.ydoc$/)])
      const doc = new Y.Doc()
      Y.applyUpdate(doc, await readFile(join(folder, names[0])))
      expect((doc.getMap('people').get('p2') as Y.Map<unknown>).get('title')).toBe('Chief Risk Officer')
    }
  })
})
