import { readFile } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { DealFile } from '@shared/model'
import { DealSync } from '../../../electron/collab/deal-sync'
import { rawClient } from '../collab-server/raw-client'
import { DEAL_ID, EDITORS, Lab, person, teamDeal, until } from '../collab-server/harness'

let lab: Lab
let stopBare: (() => Promise<void>) | null = null
afterEach(async () => {
  await lab.cleanUp()
  await stopBare?.()
  stopBare = null
})

/**
 * A colleague's update is applied to the live doc with its 'update' listener off, and
 * deal-sync.ts decides "changed" itself (delete set, state vector). Here the colleague is a
 * bare Yjs client behind a Hocuspocus server that checks nothing, so any update reaches B as
 * it was sent: one that only deletes, one B already has, one B must refuse, a burst.
 */
describe('odd updates from a colleague', () => {
  async function trio() {
    lab = new Lab()
    const { Server } = await import('@hocuspocus/server')
    const bare = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false })
    await bare.listen()
    stopBare = () => bare.destroy()
    const url = `ws://127.0.0.1:${bare.address.port}`
    const a = await lab.client({ dataDir: await lab.dataFolder(teamDeal()), serverUrl: url })
    await a.whenInSync()
    const raw = rawClient(url, 'any')
    await until(() => raw.synced && raw.doc.getMap('people').size === 3, 'the colleague has the deal')
    const told: DealFile[] = []
    const bDir = await lab.dataFolder()
    const b = await lab.client({ dataDir: bDir, serverUrl: url, onRemoteChange: (f) => told.push(f) }, EDITORS[1])
    await b.whenInSync()
    return { url, a, b, bDir, raw, told, close: () => raw.close() }
  }
  const people = (f: DealFile) => f.deal.stakeholders.map((s) => s.id)
  const onDisk = async (dir: string): Promise<DealFile> => JSON.parse(await readFile(`${dir}/deals/${DEAL_ID}.json`, 'utf8'))

  it('an update that only deletes is told to the page once and written to disk', async () => {
    const { b, bDir, raw, told, close } = await trio()
    const before = told.length
    let sent: Uint8Array | null = null
    raw.doc.once('update', (u: Uint8Array) => void (sent = u))
    raw.doc.getMap('people').delete('p3')
    // It carries no struct: only a delete set.
    const decoded = Y.decodeUpdate(sent!)
    expect(decoded.structs).toHaveLength(0)
    expect(decoded.ds.clients.size).toBeGreaterThan(0)
    await until(() => person(b, 'p3') === undefined, 'the deletion on B')
    expect(told.length).toBe(before + 1)
    expect(people(told.at(-1)!)).toEqual(['p1', 'p2'])
    await b.flush()
    expect(people(await onDisk(bDir))).toEqual(['p1', 'p2'])
    close()
  })

  it('a state B already has is not told; the next real change is', async () => {
    const { b, raw, told, close } = await trio()
    const before = told.length
    raw.send(Y.encodeStateAsUpdate(raw.doc))
    raw.send(Y.encodeStateAsUpdate(raw.doc))
    ;(raw.doc.getMap('people').get('p1') as Y.Map<unknown>).set('title', 'CIO')
    await until(() => person(b, 'p1')?.title === 'CIO', 'the edit on B')
    await new Promise((r) => setTimeout(r, 100))
    expect(told.length).toBe(before + 1)
    close()
  })

  it('a burst of edits, one of them invalid, reaches neither the page, the log nor the JSON file when refused', async () => {
    const { b, bDir, raw, told, close } = await trio()
    await b.flush()
    const json = await readFile(`${bDir}/deals/${DEAL_ID}.json`, 'utf8')
    const log = await readFile(`${bDir}/deals/${DEAL_ID}.ydoc`)
    const before = told.length
    // One transaction: one update, the valid title and the invalid influence together.
    raw.doc.transact(() => {
      const p1 = raw.doc.getMap('people').get('p1') as Y.Map<unknown>
      p1.set('title', 'CIO')
      p1.set('influence', 'enormous')
    })
    await until(() => b.status.kind === 'refused', 'B refuses')
    expect(b.status).toEqual({ kind: 'refused', reason: 'invalid-remote-state' })
    expect(person(b, 'p1')?.title).toBe('Title 1')
    expect(told.length).toBe(before)
    await b.stop()
    lab.forget(b)
    expect(await readFile(`${bDir}/deals/${DEAL_ID}.json`, 'utf8')).toBe(json)
    expect(Buffer.compare(await readFile(`${bDir}/deals/${DEAL_ID}.ydoc`), log)).toBe(0)
    close()
  })

  it('a burst (a person added, edited and deleted, titles changed) lands whole, told at most once per update', async () => {
    const { b, raw, told, close } = await trio()
    const before = told.length
    const map = raw.doc.getMap('people')
    const p1 = map.get('p1') as Y.Map<unknown>
    // A whole person (its lists too, and its own id): each step of the burst is a valid deal, so
    // it lands whole however the socket's reads split it into batches (a step that is not valid
    // is refused when it arrives alone, as it should be).
    const copy = (map.get('p2') as Y.Map<unknown>).clone()
    copy.set('id', 'p9')
    map.set('p9', copy)
    ;(map.get('p9') as Y.Map<unknown>).set('title', 'Brief')
    for (let i = 0; i < 20; i++) p1.set('title', `CIO ${i}`)
    map.delete('p9')
    map.delete('p3')
    await until(() => person(b, 'p1')?.title === 'CIO 19' && person(b, 'p3') === undefined, 'the burst on B')
    expect(person(b, 'p9')).toBeUndefined()
    expect(b.status.kind).toBe('connected')
    expect(told.length - before).toBeGreaterThanOrEqual(1)
    expect(told.length - before).toBeLessThanOrEqual(24)
    expect(told.at(-1)!.deal.stakeholders.map((s) => [s.id, s.title])).toEqual([['p1', 'CIO 19'], ['p2', 'Title 2']])
    close()
  })

  it("a restart while offline keeps the colleague's change and B's own, and counts B's as waiting", async () => {
    const { url, b, bDir, raw, close } = await trio()
    ;(raw.doc.getMap('people').get('p1') as Y.Map<unknown>).set('title', 'CIO')
    raw.doc.getMap('people').delete('p3')
    await until(() => person(b, 'p1')?.title === 'CIO' && person(b, 'p3') === undefined, "the colleague's changes on B")
    b.disconnect()
    await until(() => b.status.kind === 'offline', 'B offline')
    b.apply([{ type: 'set-field', stakeholderId: 'p2', field: 'title', value: 'CFO' }])
    expect(b.status).toEqual({ kind: 'offline', pending: 1 })
    await b.stop()
    lab.forget(b)
    close()
    await stopBare?.()
    stopBare = null
    const json = await onDisk(bDir)
    expect(json.deal.stakeholders.map((s) => [s.id, s.title])).toEqual([['p1', 'CIO'], ['p2', 'CFO']])
    const again = new DealSync({ dataDir: bDir, dealId: DEAL_ID, serverUrl: url, token: EDITORS[1].token, user: { name: EDITORS[1].name, email: EDITORS[1].email, color: '#000000' } })
    await again.start()
    try {
      expect(again.file().deal.stakeholders.map((s) => [s.id, s.title])).toEqual([['p1', 'CIO'], ['p2', 'CFO']])
    } finally {
      await again.stop()
    }
  })
})
