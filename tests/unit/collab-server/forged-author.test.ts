import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { changeLog } from '@shared/collab'
import { askIdentity } from '../../../electron/collab/identity'
import { EDITORS, Lab, teamDeal, until } from './harness'
import { entry, rawClient } from './raw-client'

let lab: Lab
afterEach(() => lab.cleanUp())


describe('authors are checked by the server (docs/collaboration.md, "Authors are checked")', () => {
  it("an editor writing a change in a colleague's name is refused; nobody sees the forged entry", async () => {
    lab = new Lab()
    const lines: string[] = []
    const server = await lab.server({ log: (l) => lines.push(l) })
    const anna = await lab.client({ dataDir: await lab.dataFolder(teamDeal()), serverUrl: server.url })
    await anna.whenInSync()
    const raw = rawClient(server.url, EDITORS[1].token) // Bruno's token
    await until(() => raw.synced, 'the raw client has the deal')
    raw.doc.transact(() => {
      ;(raw.doc.getMap('people').get('p1') as Y.Map<unknown>).set('title', 'Forged')
      raw.doc.getArray('log').insert(raw.doc.getArray('log').length, [entry(EDITORS[0].name, EDITORS[0].email)])
    })
    await until(() => raw.closedWith === 'invalid-update', 'the server refuses the forged entry')
    expect(lines.some((l) => l.includes('claims another author'))).toBe(true)
    anna.apply([{ type: 'set-field', stakeholderId: 'p2', field: 'title', value: 'after' }])
    await anna.whenInSync()
    const late = await lab.client({ dataDir: await lab.dataFolder(), serverUrl: server.url }, EDITORS[1])
    await late.whenInSync()
    expect(late.file().deal.stakeholders.find((s) => s.id === 'p2')?.title).toBe('after')
    expect(late.file().deal.stakeholders.find((s) => s.id === 'p1')?.title).not.toBe('Forged')
    expect(changeLog(late.doc).some((e) => e.id.startsWith('forged-'))).toBe(false)
    raw.close()
  })

  it('an entry in its own name passes, and the same Yjs client cannot switch to another name later', async () => {
    lab = new Lab()
    const server = await lab.server()
    const anna = await lab.client({ dataDir: await lab.dataFolder(teamDeal()), serverUrl: server.url })
    await anna.whenInSync()
    const raw = rawClient(server.url, EDITORS[1].token)
    await until(() => raw.synced, 'the raw client has the deal')
    const log = raw.doc.getArray('log')
    raw.doc.transact(() => {
      ;(raw.doc.getMap('people').get('p1') as Y.Map<unknown>).set('title', 'Honest')
      log.insert(log.length, [entry(EDITORS[1].name, EDITORS[1].email.toUpperCase())])
    })
    await until(() => changeLog(anna.doc).some((e) => e.author.name === EDITORS[1].name), "Anna sees Bruno's own entry")
    raw.doc.transact(() => log.insert(log.length, [entry('Someone Else', 'someone@example.com')]))
    await until(() => raw.closedWith === 'invalid-update', 'a later entry in another name is refused')
    raw.close()
  })

  it("GET /whoami names a token's person and role, and refuses an unknown token; the app signs with that name", async () => {
    lab = new Lab()
    const server = await lab.server()
    expect(await askIdentity(server.url, EDITORS[1].token)).toEqual({ name: EDITORS[1].name, email: EDITORS[1].email, role: 'editor' })
    expect(await askIdentity(server.url, 'not-a-token-anyone-has')).toBe('bad-token')
    expect(await askIdentity('ws://127.0.0.1:1', EDITORS[1].token)).toBeNull() // nobody listening
    expect(await askIdentity('not a url', EDITORS[1].token)).toBeNull()
  })
})
