import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { EDITORS, Lab, person, teamDeal, until } from './harness'
import { freePort, serveProcess, type ServerProcess } from './processes'

let lab: Lab
const children: ServerProcess[] = []
afterEach(async () => {
  for (const c of children.splice(0)) if (c.child.exitCode === null) c.child.kill('SIGKILL')
  await lab.cleanUp()
})

async function serve(dataDir: string, tokens: string, port = 0): Promise<ServerProcess> {
  const server = await serveProcess(['--data', dataDir, '--tokens', tokens, '--host', '127.0.0.1', '--port', String(port)])
  children.push(server)
  return server
}

describe('war-room serve', () => {
  it('prints where it listens, answers GET /health with JSON, and exits 0 on SIGTERM after storing the open documents', async () => {
    lab = new Lab()
    const serverData = await lab.dir('server-')
    const server = await serve(serverData, await lab.tokensFile())
    expect(server.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/)
    const health = await fetch(`${server.url.replace('ws:', 'http:')}/health`)
    expect(health.status).toBe(200)
    expect(health.headers.get('content-type')).toBe('application/json')
    expect(await health.json()).toMatchObject({ ok: true })

    const a = await lab.client({ dataDir: await lab.dataFolder(teamDeal()), serverUrl: server.url })
    await a.whenInSync()
    a.apply([{ type: 'set-field', stakeholderId: 'p2', field: 'title', value: 'Chief Risk Officer' }])
    await a.whenInSync()
    server.child.kill("SIGTERM")
    expect(await server.exited).toBe(0)
    // The document's state, and who writes under which client id (docs/collaboration.md, "Authors are checked").
    expect((await readdir(join(serverData, 'docs', 'deal-shared-1'))).sort()).toEqual([expect.stringMatching(/\.authors\.json$/), expect.stringMatching(/\.ydoc$/)])

    // A colleague who was never online before gets the edit from what the server stored.
    const again = await serve(serverData, await lab.tokensFile(), Number(new URL(server.url).port))
    const b = await lab.client({ dataDir: await lab.dataFolder(), serverUrl: again.url }, EDITORS[1])
    await b.whenInSync()
    expect(person(b, 'p2')?.title).toBe('Chief Risk Officer')
  })

  it('killed (SIGKILL) and restarted mid-session: no acknowledged edit is lost, and the clients converge', async () => {
    lab = new Lab()
    const serverData = await lab.dir('server-')
    const tokens = await lab.tokensFile()
    const port = await freePort()
    const first = await serve(serverData, tokens, port)
    const url = first.url
    const a = await lab.client({ dataDir: await lab.dataFolder(teamDeal()), serverUrl: url })
    await a.whenInSync()
    const b = await lab.client({ dataDir: await lab.dataFolder(), serverUrl: url }, EDITORS[1])
    await b.whenInSync()
    a.apply([{ type: 'set-field', stakeholderId: 'p1', field: 'title', value: 'CIO' }])
    await a.whenInSync()
    await until(() => person(b, 'p1')?.title === 'CIO', 'B has the acknowledged edit')

    first.child.kill('SIGKILL')
    await first.exited
    await until(() => a.status.kind === 'offline' && b.status.kind === 'offline', 'both clients see the server gone')
    // Edits while the server is down stay waiting.
    a.apply([{ type: 'set-field', stakeholderId: 'p1', field: 'notes', value: 'met at the summit' }])
    b.apply([{ type: 'set-field', stakeholderId: 'p3', field: 'stance', value: 'opponent' }])
    expect(a.status).toEqual({ kind: 'offline', pending: 1 })

    const second = await serve(serverData, tokens, port)
    await until(() => a.status.kind === 'connected' && b.status.kind === 'connected', 'both reconnected').catch((e) => { throw new Error(e.message + JSON.stringify([a.status, b.status]) + second.output()) })
    await until(() => person(a, 'p3')?.stance === 'opponent' && person(b, 'p1')?.notes === 'met at the summit', 'offline edits merged').catch((e) => { throw new Error(e.message + JSON.stringify([a.status, b.status]) + second.output()) })
    expect(a.file()).toEqual(b.file())
    // Presence after the restart: the first laptop back relays everyone's state; nobody's id is
    // taken by it, nobody is cut off, and each sees the other under their own name.
    await until(() => a.presence().some((p) => p.user.name === EDITORS[1].name) && b.presence().some((p) => p.user.name === EDITORS[0].name), 'each sees the other by name again')
    expect(second.output()).not.toContain('refused presence')

    // A newcomer sees all three edits from the server alone.
    await Promise.all([a.whenInSync(), b.whenInSync()])
    const c = await lab.client({ dataDir: await lab.dataFolder(), serverUrl: url }, EDITORS[1])
    await c.whenInSync()
    expect(person(c, 'p1')).toMatchObject({ title: 'CIO', notes: 'met at the summit' })
    expect(person(c, 'p3')?.stance).toBe('opponent')
  })
})
