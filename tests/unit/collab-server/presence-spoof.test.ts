import { afterEach, describe, expect, it } from 'vitest'
import { EDITORS, Lab, teamDeal, until, VIEWER } from './harness'
import { awarenessEntries, rawClient } from './raw-client'
import type { DealSync } from '../../../electron/collab/deal-sync'

// Presence (docs/collaboration.md, "Awareness (presence)") shows the identity of each
// connection's token, whatever its client says, and a client id belongs to who introduced it.

let lab: Lab
afterEach(() => lab.cleanUp())

const MALLORY = { token: 'editor-token-mallory-0000', name: 'Mallory Brandt', email: 'mallory@example.com', role: 'editor' }

/** A server with Anna (the app's client, the deal seeded) and a raw client for `who`. */
async function annaAnd(who: { token: string } = EDITORS[1]) {
  lab = new Lab()
  const server = await lab.server({ tokensFile: await lab.tokensFile([MALLORY]) })
  const anna = await lab.client({ dataDir: await lab.dataFolder(teamDeal()), serverUrl: server.url })
  await anna.whenInSync()
  const raw = rawClient(server.url, who.token)
  await until(() => raw.synced, 'the raw client has the deal')
  return { server, anna, raw }
}

const seenBy = (sync: DealSync) => sync.presence().map((p) => ({ name: p.user.name, email: p.user.email }))

describe('presence names', () => {
  it("an editor shown in presence under a colleague's name is not believed", async () => {
    const { anna, raw: bruno } = await annaAnd()
    bruno.announce({ user: { name: 'Chief Executive', email: 'ceo@example.com', color: '#112233' }, selection: ['p1'] })
    await until(() => anna.presence().length > 0, 'Anna sees someone', 3_000).catch(() => undefined)
    expect(anna.presence().some((p) => p.user.email === 'ceo@example.com')).toBe(false)
    // Anna sees who the token is, with the colour and selection the client chose.
    expect(anna.presence()).toMatchObject([{ user: { name: 'Bruno Keller', email: 'bruno@example.com', color: '#112233' }, selection: ['p1'] }])
    bruno.close()
  })

  it("the right name with a colleague's email shows the token's email", async () => {
    const { anna, raw: bruno } = await annaAnd()
    bruno.announce({ user: { name: 'Bruno Keller', email: 'anna@example.com', color: '#112233' }, selection: [] })
    await until(() => anna.presence().length > 0, 'Anna sees Bruno')
    expect(seenBy(anna)).toEqual([{ name: 'Bruno Keller', email: 'bruno@example.com' }])
    bruno.close()
  })

  it('a name with control characters, or no user at all, shows the token\'s name', async () => {
    const { anna, raw: bruno } = await annaAnd()
    bruno.announce({ user: { name: 'Anna\u0000 Kowalski\u202e', email: 'bruno@example.com', color: 'red' }, selection: [] })
    await until(() => anna.presence().length > 0, 'Anna sees Bruno')
    expect(anna.presence()).toMatchObject([{ user: { name: 'Bruno Keller', email: 'bruno@example.com', color: '#6b7280' } }])
    bruno.announce({ selection: ['p2'] })
    await until(() => anna.presence()[0]?.selection[0] === 'p2', 'Anna sees the new selection')
    expect(seenBy(anna)).toEqual([{ name: 'Bruno Keller', email: 'bruno@example.com' }])
    bruno.close()
  })

  it("a viewer shows presence, under the viewer's own name", async () => {
    const { anna, raw: chen } = await annaAnd(VIEWER)
    chen.announce({ user: { name: 'Anna Kowalski', email: 'anna@example.com', color: '#112233' }, selection: [] })
    await until(() => anna.presence().length > 0, 'Anna sees Chen')
    expect(seenBy(anna)).toEqual([{ name: 'Chen Jing', email: 'chen@example.com' }])
    chen.close()
  })

  it('honest clients see each other by name, in both directions, and stay connected', async () => {
    const { server, anna, raw } = await annaAnd()
    raw.close()
    const bruno = await lab.client({ dataDir: await lab.dataFolder(), serverUrl: server.url }, EDITORS[1])
    await bruno.whenInSync()
    bruno.setSelection(['p1'])
    await until(() => anna.presence()[0]?.selection[0] === 'p1' && bruno.presence().length === 1, 'both see each other')
    expect(seenBy(anna)).toEqual([{ name: 'Bruno Keller', email: 'bruno@example.com' }])
    expect(seenBy(bruno)).toEqual([{ name: 'Anna Kowalski', email: 'anna@example.com' }])
    expect([anna.status.kind, bruno.status.kind]).toEqual(['connected', 'connected'])
  })
})

describe("a colleague's client id", () => {
  /** Anna and Bruno (both the app's client) and Mallory (raw); Bruno watches Anna's presence. */
  async function threeOf() {
    const { server, anna, raw: mallory } = await annaAnd(MALLORY)
    const bruno = await lab.client({ dataDir: await lab.dataFolder(), serverUrl: server.url }, EDITORS[1])
    await bruno.whenInSync()
    await until(() => bruno.presence().some((p) => p.user.name === 'Anna Kowalski'), 'Bruno sees Anna')
    const annaId = bruno.presence().find((p) => p.user.name === 'Anna Kowalski')!.clientId
    return { anna, bruno, mallory, annaId }
  }
  const annaSeen = (bruno: DealSync, annaId: number) => bruno.presence().find((p) => p.clientId === annaId)

  it("cannot be overwritten: the connection is closed ('invalid-presence') and Anna's presence stays hers", async () => {
    const { anna, bruno, mallory, annaId } = await threeOf()
    mallory.sendAwareness(awarenessEntries([{ clientId: annaId, clock: 1_000, state: { user: { name: 'Mallory Brandt', email: 'mallory@example.com', color: '#112233' }, selection: ['p3'] } }]))
    await until(() => mallory.closedWith !== null, 'Mallory is refused')
    expect(mallory.closedWith).toBe('invalid-presence')
    expect(annaSeen(bruno, annaId)).toMatchObject({ user: { name: 'Anna Kowalski' }, selection: [] })
    // Anna and Bruno relay each other's states all along: the honest relays are not refused.
    expect([anna.status.kind, bruno.status.kind]).toEqual(['connected', 'connected'])
    mallory.close()
  })

  // Honest clients send removals of everyone they knew when their connection drops, so a
  // removal is never a reason to cut a connection; it just removes nothing while Anna is live.
  it('cannot be removed: the removal is outdated by her own state, and nobody is cut off', async () => {
    const { bruno, mallory, annaId } = await threeOf()
    mallory.sendAwareness(awarenessEntries([{ clientId: annaId, clock: 1_000, state: null }]))
    await new Promise((r) => setTimeout(r, 300))
    expect(annaSeen(bruno, annaId)?.user.name).toBe('Anna Kowalski')
    expect(mallory.closedWith).toBeNull()
    mallory.close()
  })
})

describe('malformed awareness', () => {
  const cases: Array<[string, unknown]> = [
    ['a state larger than 80,000 characters', { user: { name: 'x', email: 'y', color: '#112233' }, selection: Array.from({ length: 2_000 }, (_, i) => `p${i}`.padEnd(60, 'x')) }],
    ['a state that is not JSON', '{"user": '],
    ['a state that is an array', [1, 2, 3]],
  ]
  it.each(cases)('%s closes the connection and shows nothing', async (_what, state) => {
    const { anna, raw: bruno } = await annaAnd()
    bruno.sendAwareness(awarenessEntries([{ clientId: 424242, clock: 5, state }]))
    await until(() => bruno.closedWith !== null, 'Bruno is refused')
    expect(bruno.closedWith).toBe('invalid-presence')
    expect(anna.presence().some((p) => p.clientId === 424242)).toBe(false)
    bruno.close()
  })

  it('more than 1,000 states in one message closes the connection', async () => {
    const { anna, raw: bruno } = await annaAnd()
    bruno.sendAwareness(awarenessEntries(Array.from({ length: 1_001 }, (_, i) => ({ clientId: 9_000 + i, clock: 1, state: { selection: [] } }))))
    await until(() => bruno.closedWith !== null, 'Bruno is refused')
    expect(bruno.closedWith).toBe('invalid-presence')
    expect(anna.presence()).toEqual([])
    bruno.close()
  })
})
