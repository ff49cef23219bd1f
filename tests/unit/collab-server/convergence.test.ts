import { afterEach, describe, expect, it } from 'vitest'
import { changeLog } from '@shared/collab'
import { DealSync } from '../../../electron/collab/deal-sync'
import { DEAL_ID, EDITORS, Lab, person, teamDeal, until } from './harness'

let lab: Lab
afterEach(() => lab.cleanUp())

const FIELDS = ['title', 'department', 'notes'] as const

describe('many clients converge', () => {
  it('10 clients edit different fields of one person: every edit survives on every client', async () => {
    lab = new Lab()
    const server = await lab.server()
    const first = await lab.client({ dataDir: await lab.dataFolder(teamDeal(4)), serverUrl: server.url })
    await first.whenInSync()
    const clients = [first]
    for (let i = 1; i < 10; i++) clients.push(await lab.client({ dataDir: await lab.dataFolder(), serverUrl: server.url }, EDITORS[i % 2]))
    await Promise.all(clients.map((c) => c.whenInSync()))
    // Client i writes field i % 3 of person p(1 + floor(i / 3)): ten distinct (person, field) pairs.
    clients.forEach((c, i) => c.apply([{ type: 'set-field', stakeholderId: `p${1 + Math.floor(i / 3)}`, field: FIELDS[i % 3], value: `by client ${i}` }]))
    const expected = (c: DealSync) => clients.every((_, i) => person(c, `p${1 + Math.floor(i / 3)}`)?.[FIELDS[i % 3]] === `by client ${i}`)
    await until(() => clients.every(expected), 'all ten edits on all ten clients')
    for (const c of clients) expect(c.file()).toEqual(first.file())
  })

  it('the same field edited on two clients at once converges to one value, and the change list names both authors', async () => {
    lab = new Lab()
    const { a, b } = await lab.pair()
    a.apply([{ type: 'set-field', stakeholderId: 'p1', field: 'title', value: 'CIO' }])
    b.apply([{ type: 'set-field', stakeholderId: 'p1', field: 'title', value: 'CTO' }])
    await until(() => changeLog(a.doc).length === changeLog(b.doc).length && changeLog(a.doc).length >= 3 && person(a, 'p1')?.title === person(b, 'p1')?.title, 'converged')
    expect(['CIO', 'CTO']).toContain(person(a, 'p1')?.title)
    expect(new Set(changeLog(a.doc).filter((e) => e.command === 'set-field').map((e) => e.author.email))).toEqual(new Set([EDITORS[0].email, EDITORS[1].email]))
  })

  it('a client restarted while offline keeps its edits and merges them when the server is back', async () => {
    lab = new Lab()
    const serverData = await lab.dir('server-')
    const tokensFile = await lab.tokensFile()
    const server = await lab.server({ dataDir: serverData, tokensFile })
    const url = server.url
    const port = server.port
    const dataDir = await lab.dataFolder(teamDeal())
    const a = await lab.client({ dataDir, serverUrl: url })
    await a.whenInSync()
    await server.stop()
    await until(() => a.status.kind === 'offline', 'A offline')
    a.apply([{ type: 'set-field', stakeholderId: 'p2', field: 'notes', value: 'written on the plane' }])
    lab.forget(a)
    await a.stop()

    // The laptop restarts, still offline: the edit is there from the local log.
    const again = new DealSync({ dataDir, dealId: DEAL_ID, serverUrl: url, token: EDITORS[0].token, user: { name: 'Anna', email: 'anna@example.com', color: '#112233' } })
    await again.start()
    expect(person(again, 'p2')?.notes).toBe('written on the plane')

    await lab.server({ dataDir: serverData, tokensFile, port })
    await again.whenInSync()
    const b = await lab.client({ dataDir: await lab.dataFolder(), serverUrl: url }, EDITORS[1])
    await b.whenInSync()
    expect(person(b, 'p2')?.notes).toBe('written on the plane')
    await again.stop()
  })

  it('per-user undo: B undoes only B\'s edit, never A\'s', async () => {
    lab = new Lab()
    const { a, b } = await lab.pair()
    b.apply([{ type: 'set-field', stakeholderId: 'p1', field: 'notes', value: 'B was here' }])
    a.apply([{ type: 'set-field', stakeholderId: 'p2', field: 'title', value: 'A was here' }])
    await until(() => person(b, 'p2')?.title === 'A was here' && person(a, 'p1')?.notes === 'B was here', 'both edits everywhere')
    expect(b.undo()).toBe(true)
    await until(() => person(a, 'p1')?.notes !== 'B was here', "B's undo reaches A")
    expect(person(a, 'p2')?.title).toBe('A was here')
    expect(person(b, 'p2')?.title).toBe('A was here')
  })
})
