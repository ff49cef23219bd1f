import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { newId, newStakeholder } from '@shared/model'
import { ipcCall } from '../store/helpers'
import { ANNA, BRUNO, CHEN, CollabLab, eventually, newDeal, SAMPLE_ID, who } from './helpers'


describe('main: sharing a deal with the team (real server on 127.0.0.1)', () => {
  const lab = new CollabLab()
  afterEach(() => lab.cleanUp())

  it('A shares a new deal, B joins it by id (not the sample both have); an edit in A reaches B as a pushed deal and on B’s disk', async () => {
    const server = await lab.server()
    const a = await lab.laptop()
    const b = await lab.laptop()
    const dealId = await newDeal(a)
    const shared = await ipcCall(a.handlers, 'collab:share', dealId, who(ANNA, server.url))
    expect(shared.status).toEqual({ kind: 'connected' })

    await ipcCall(b.handlers, 'workspace:load')
    // B has a deal with the sample's id already (its own first-run sample): joining it is refused, not merged.
    await expect(ipcCall(b.handlers, 'collab:join', { ...who(BRUNO, server.url), dealId: SAMPLE_ID })).rejects.toMatchObject({ appError: { reason: 'already-here' } })
    // A deal the server does not have: refused, and nothing is left behind.
    await expect(ipcCall(b.handlers, 'collab:join', { ...who(BRUNO, server.url), dealId: 'no-such-deal-on-server' })).rejects.toMatchObject({ appError: { reason: 'no-such-deal' } })
    expect((await ipcCall(b.handlers, 'workspace:load')).deals.map((d) => d.id)).not.toContain('no-such-deal-on-server')
    const joined = await ipcCall(b.handlers, 'collab:join', { ...who(BRUNO, server.url), dealId })
    expect(joined.id).toBe(dealId)
    expect(joined.name).toBe('Northwind rollout')
    const listed = await ipcCall(b.handlers, 'workspace:load')
    expect(listed.deals.map((d) => d.id)).toContain(dealId)

    const id = newId()
    await ipcCall(a.handlers, 'collab:apply', dealId, [{ type: 'add-stakeholders', stakeholders: [newStakeholder({ id, name: 'Dana Whitfield', position: { x: 0, y: 900 } })] }])
    await eventually(() => b.deals.some((d) => d.stakeholders.some((s) => s.name === 'Dana Whitfield')), Boolean)
    await eventually(async () => JSON.parse(await readFile(join(b.dataDir, 'deals', `${dealId}.json`), 'utf8')).deal.stakeholders.some((s: { name: string }) => s.name === 'Dana Whitfield'), Boolean)

    // Presence: each side sees the other.
    await eventually(() => ipcCall(a.handlers, 'collab:state', dealId).then((s) => s?.presence.map((p) => p.name).sort()), (n) => JSON.stringify(n) === JSON.stringify(['Anna Kowalski', 'Bruno Keller']))
  })

  it('never writes the token in plain text anywhere in the data folder', async () => {
    const server = await lab.server()
    const a = await lab.laptop()
    await ipcCall(a.handlers, 'workspace:load')
    await ipcCall(a.handlers, 'collab:share', SAMPLE_ID, who(ANNA, server.url))
    await a.stopAll()
    const walk = async (dir: string): Promise<string[]> => (await readdir(dir, { withFileTypes: true })).flatMap((e) => [join(dir, e.name)]).concat(...(await Promise.all((await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => walk(join(dir, e.name))))))
    for (const path of await walk(a.dataDir)) {
      const bytes = await readFile(path).catch(() => null)
      if (bytes) expect(bytes.toString('latin1'), path).not.toContain(ANNA.token)
    }
  })

  it('a wrong token is refused with its reason; a viewer cannot write', async () => {
    const server = await lab.server()
    const a = await lab.laptop()
    const dealId = await newDeal(a)
    const refused = await ipcCall(a.handlers, 'collab:share', dealId, { ...who(ANNA, server.url), token: 'no-such-token-here' })
    expect(refused.status).toEqual({ kind: 'refused', reason: 'bad-token' })
    await ipcCall(a.handlers, 'collab:unshare', dealId)
    expect(await ipcCall(a.handlers, 'collab:state', dealId)).toBeNull()
    await ipcCall(a.handlers, 'collab:share', dealId, who(ANNA, server.url))

    const c = await lab.laptop()
    await ipcCall(c.handlers, 'workspace:load')
    await ipcCall(c.handlers, 'collab:join', { ...who(CHEN, server.url), dealId })
    const state = await ipcCall(c.handlers, 'collab:state', dealId)
    expect(state?.role).toBe('viewer')
    await expect(ipcCall(c.handlers, 'collab:apply', dealId, [{ type: 'set-deal-facts', patch: { name: 'Hijacked' } }])).rejects.toMatchObject({ appError: { code: 'forbidden', reason: 'read-only' } })
  })

  it('refuses a non-websocket address, credentials in the URL and a token with control characters before anything starts', async () => {
    const a = await lab.laptop()
    await ipcCall(a.handlers, 'workspace:load')
    for (const bad of [
      { ...who(ANNA, 'http://127.0.0.1:1') },
      { ...who(ANNA, 'ws://user:pw@127.0.0.1:1') },
      { ...who(ANNA, 'ws://127.0.0.1:1'), token: 'abc\u0000def' },
      { ...who(ANNA, 'ws://127.0.0.1:1'), name: '' },
    ]) {
      await expect(ipcCall(a.handlers, 'collab:share', SAMPLE_ID, bad)).rejects.toMatchObject({ appError: { code: 'invalid-request' } })
    }
    expect(await ipcCall(a.handlers, 'collab:state', SAMPLE_ID)).toBeNull()
  })
})
