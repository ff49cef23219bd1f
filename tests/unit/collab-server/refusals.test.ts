import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { readFile, writeFile } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { DealSync, ReadOnlyError } from '../../../electron/collab/deal-sync'
import { DEAL_ID, EDITORS, Lab, person, teamDeal, until, VIEWER } from './harness'
import { rawClient } from './raw-client'

let lab: Lab
afterEach(() => lab.cleanUp())

async function sharedDeal() {
  const server = await lab.server()
  const a = await lab.client({ dataDir: await lab.dataFolder(teamDeal()), serverUrl: server.url })
  await a.whenInSync()
  return { server, a }
}

describe('the server refuses', () => {
  it('a wrong token, with a reason the client shows; nothing is written', async () => {
    lab = new Lab()
    const { server } = await sharedDeal()
    const dataDir = await lab.dataFolder(teamDeal())
    const intruder = await lab.client({ dataDir, serverUrl: server.url }, { token: 'not-a-token-the-server-knows', name: 'Mallory', email: 'm@example.com' })
    await expect(intruder.whenInSync()).rejects.toMatchObject({ reason: 'bad-token' })
    expect(intruder.status).toEqual({ kind: 'refused', reason: 'bad-token' })
    await intruder.stop()
    await expect(readFile(`${dataDir}/deals/${DEAL_ID}.share.json`)).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it("a viewer's write, on the server (read-only connection), while the viewer follows live", async () => {
    lab = new Lab()
    const { server, a } = await sharedDeal()
    const viewer = await lab.client({ dataDir: await lab.dataFolder(), serverUrl: server.url }, VIEWER)
    await viewer.whenInSync()
    expect(viewer.status).toEqual({ kind: 'connected', readOnly: true })
    expect(() => viewer.apply([{ type: 'set-field', stakeholderId: 'p1', field: 'title', value: 'Viewer was here' }])).toThrow(ReadOnlyError)

    // Past our own client's check: a raw client with the viewer token writes anyway.
    const raw = rawClient(server.url, VIEWER.token)
    await until(() => raw.synced, 'the raw viewer has the deal')
    const people = raw.doc.getMap('people')
    raw.doc.transact(() => (people.get('p1') as Y.Map<unknown>).set('title', 'Viewer was here'))
    a.apply([{ type: 'set-field', stakeholderId: 'p2', field: 'title', value: 'after the viewer' }])
    await until(() => person(viewer, 'p2')?.title === 'after the viewer', 'the viewer follows live')
    expect(person(a, 'p1')?.title).toBe('Title 1')
    const newcomer = await lab.client({ dataDir: await lab.dataFolder(), serverUrl: server.url }, EDITORS[1])
    await newcomer.whenInSync()
    expect(person(newcomer, 'p1')?.title).toBe('Title 1')
    raw.close()
  })

  it('a hostile client whose updates break the schema: refused by the server, never seen by the others', async () => {
    lab = new Lab()
    const { server, a } = await sharedDeal()
    const raw = rawClient(server.url, EDITORS[1].token)
    await until(() => raw.synced, 'the hostile client has the deal')
    raw.doc.transact(() => {
      ;(raw.doc.getMap('people').get('p1') as Y.Map<unknown>).set('stance', 'sworn-enemy') // not a stance
      raw.doc.getMap('links').set('l-x', { id: 'l-x', from: 'p1', to: 'nobody', kind: 'reports-to' }) // a dangling line
    })
    await until(() => raw.closedWith === 'invalid-update', 'the server closes the hostile connection')
    a.apply([{ type: 'set-field', stakeholderId: 'p2', field: 'title', value: 'still fine' }])
    await a.whenInSync()
    const b = await lab.client({ dataDir: await lab.dataFolder(), serverUrl: server.url }, EDITORS[1])
    await b.whenInSync()
    expect(person(b, 'p2')?.title).toBe('still fine')
    expect(person(b, 'p1')?.stance).toBe(person(a, 'p1')?.stance)
    expect(b.file().deal.links).toEqual(a.file().deal.links)
    raw.close()
  })

  it('a hostile update sent ahead of what it builds on: held invisible, then refused with the part that completes it', async () => {
    lab = new Lab()
    const lines: string[] = []
    const server = await lab.server({ log: (l) => lines.push(l) })
    const a = await lab.client({ dataDir: await lab.dataFolder(teamDeal()), serverUrl: server.url })
    await a.whenInSync()
    const raw = rawClient(server.url, EDITORS[1].token)
    await until(() => raw.synced, 'the hostile client has the deal')
    // Two changes made off-line in a copy: a valid one, then an invalid one on top of it.
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(raw.doc))
    const updates: Uint8Array[] = []
    copy.on('update', (u: Uint8Array) => updates.push(u))
    const p1 = copy.getMap('people').get('p1') as Y.Map<unknown>
    copy.transact(() => p1.set('stance', 'champion'))
    copy.transact(() => p1.set('stance', 'sworn-enemy'))
    const message = (update: Uint8Array) => {
      const e = encoding.createEncoder()
      encoding.writeVarString(e, `deal/${DEAL_ID}`)
      encoding.writeVarUint(e, 0) // Sync
      encoding.writeVarUint(e, 2) // update
      encoding.writeVarUint8Array(e, update)
      return encoding.toUint8Array(e)
    }
    raw.socket.send(message(updates[1]))
    raw.socket.send(message(updates[0]))
    await until(() => raw.closedWith === 'invalid-update', 'the server refuses the completed state').catch((e) => { throw new Error(`${e.message} ${raw.closedWith} ${lines.join('|')}`) })
    const b = await lab.client({ dataDir: await lab.dataFolder(), serverUrl: server.url }, EDITORS[1])
    await b.whenInSync()
    expect(person(b, 'p1')?.stance).toBe(person(a, 'p1')?.stance)
    expect(person(b, 'p1')?.stance).not.toBe('sworn-enemy')
    raw.close()
  })

  it('and a client refuses an invalid state from a server that let it through, keeping its files as they were', async () => {
    lab = new Lab()
    // A server that validates nothing: plain Hocuspocus through our engine's eyes.
    const { Server } = await import('@hocuspocus/server')
    const bare = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false })
    await bare.listen()
    const url = `ws://127.0.0.1:${bare.address.port}`
    try {
      const dataDir = await lab.dataFolder(teamDeal())
      const a = await lab.client({ dataDir, serverUrl: url })
      await a.whenInSync()
      await a.flush()
      const before = await readFile(`${dataDir}/deals/${DEAL_ID}.json`, 'utf8')
      const log = await readFile(`${dataDir}/deals/${DEAL_ID}.ydoc`)
      const raw = rawClient(url, 'any')
      await until(() => raw.synced, 'raw client synced')
      raw.doc.transact(() => (raw.doc.getMap('people').get('p1') as Y.Map<unknown>).set('influence', 'enormous'))
      await until(() => a.status.kind === 'refused', 'the client refuses the state')
      expect(a.status).toEqual({ kind: 'refused', reason: 'invalid-remote-state' })
      expect(person(a, 'p1')?.influence).not.toBe('enormous')
      await a.stop()
      expect(await readFile(`${dataDir}/deals/${DEAL_ID}.json`, 'utf8')).toBe(before)
      expect(Buffer.compare(await readFile(`${dataDir}/deals/${DEAL_ID}.ydoc`), log)).toBe(0)
      raw.close()
    } finally {
      await bare.destroy()
    }
  })

  it('reloads the tokens file when it changes; a broken edit keeps the last good tokens and never logs them', async () => {
    lab = new Lab()
    const tokensFile = await lab.tokensFile()
    const lines: string[] = []
    const server = await lab.server({ tokensFile, log: (l) => lines.push(l) })
    const newcomer = { token: 'editor-token-dana-newcomer0', name: 'Dana', email: 'dana@example.com', role: 'editor' }
    const shareWith = async () => {
      const c = new DealSync({ dataDir: await lab.dataFolder(teamDeal()), dealId: DEAL_ID, serverUrl: server.url, token: newcomer.token, user: { name: 'Dana', email: 'dana@example.com', color: '#112233' } })
      await c.start()
      try {
        await c.whenInSync()
        return 'ok'
      } catch (e) {
        return (e as { reason: string }).reason
      } finally {
        await c.stop()
      }
    }
    expect(await shareWith()).toBe('bad-token')
    const tokens = JSON.parse(await readFile(tokensFile, 'utf8'))
    await writeFile(tokensFile, JSON.stringify([...tokens, newcomer]))
    await until(() => lines.some((l) => l.includes('reloaded 4 token')), 'the server re-read the tokens')
    expect(await shareWith()).toBe('ok')
    await writeFile(tokensFile, '[{"token": "half-written')
    await until(() => lines.some((l) => l.includes('not reloaded')), 'the server noticed the broken file')
    expect(await shareWith()).toBe('ok')
    expect(lines.join('\n')).not.toMatch(/editor-token|viewer-token|half-written/)
  })
})
