import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { changeLog } from '@shared/collab'
import { EDITORS, Lab, teamDeal, until } from './harness'
import { appendRaw, clientIdOf, entry, rawClient, updateAs } from './raw-client'

// Attacks on the server's author check (docs/collaboration.md, "Authors are checked"):
// ways a hostile editor's bytes could get an entry into the log in a colleague's name, or
// keep a colleague's honest entries out.

let lab: Lab
afterEach(() => lab.cleanUp())

async function annaAndServer() {
  lab = new Lab()
  const server = await lab.server()
  const anna = await lab.client({ dataDir: await lab.dataFolder(teamDeal()), serverUrl: server.url })
  await anna.whenInSync()
  return { server, anna }
}

async function lateReader(url: string) {
  const late = await lab.client({ dataDir: await lab.dataFolder(), serverUrl: url }, EDITORS[1])
  await late.whenInSync()
  return late
}

describe('the author check cannot be passed round by how an entry is encoded', () => {
  for (const [kind, make] of [
    ['ContentJSON', (e: object) => new Y.ContentJSON([e])],
    ['ContentEmbed', (e: object) => new Y.ContentEmbed(e)],
  ] as const) {
    it(`an entry in a colleague's name carried as ${kind} (the log reads it like any other) is refused`, async () => {
      const { server, anna } = await annaAndServer()
      const raw = rawClient(server.url, EDITORS[1].token) // Bruno
      await until(() => raw.synced, 'the raw client has the deal')
      appendRaw(raw.doc, make(entry(EDITORS[0].name, EDITORS[0].email)))
      expect(changeLog(raw.doc).some((e) => e.id.startsWith('forged-') && e.author.name === EDITORS[0].name)).toBe(true)
      await until(() => raw.closedWith === 'invalid-update', 'the server refuses the forged entry')
      anna.apply([{ type: 'set-field', stakeholderId: 'p2', field: 'title', value: 'after' }])
      await anna.whenInSync()
      const late = await lateReader(server.url)
      expect(changeLog(late.doc).some((e) => e.id.startsWith('forged-'))).toBe(false)
      raw.close()
    })
  }
})

describe("a colleague's client id cannot be taken before they write", () => {
  it('an entry that cannot be placed yet (a clock far ahead) binds nobody: the owner of that client id still writes in their name', async () => {
    const { server } = await annaAndServer()
    const victim = 0x1234567 // a client id seen in awareness before it writes
    const bruno = rawClient(server.url, EDITORS[1].token)
    await until(() => bruno.synced, 'Bruno has the deal')
    // Bruno builds, under the victim's id, an entry at clock 1000 whose clocks 0..999 never come.
    const scratch = new Y.Doc()
    scratch.clientID = victim
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(bruno.doc))
    scratch.getText('never-sent').insert(0, 'x'.repeat(1000))
    const before = Y.encodeStateVector(scratch)
    scratch.getArray('log').push([entry(EDITORS[1].name, EDITORS[1].email, 'squat')])
    bruno.send(Y.encodeStateAsUpdate(scratch, before))
    await new Promise((r) => setTimeout(r, 300))
    expect(bruno.closedWith).toBeNull() // in his own name: accepted, and left pending
    // Anna's session really has that client id; her first entry must pass.
    const annaRaw = rawClient(server.url, EDITORS[0].token, victim)
    await until(() => annaRaw.synced, 'Anna (raw) has the deal')
    annaRaw.doc.transact(() => {
      ;(annaRaw.doc.getMap('people').get('p1') as Y.Map<unknown>).set('title', 'Honest Anna')
      annaRaw.doc.getArray('log').push([entry(EDITORS[0].name, EDITORS[0].email, 'honest')])
    })
    await new Promise((r) => setTimeout(r, 300))
    expect(annaRaw.closedWith).toBeNull()
    const late = await lateReader(server.url)
    await until(() => changeLog(late.doc).some((e) => e.id === 'honest'), "Anna's honest entry reaches the others")
    bruno.close()
    annaRaw.close()
  })

  it('an update the server refuses binds nobody either', async () => {
    const { server } = await annaAndServer()
    const victim = 0x2345678
    const bruno = rawClient(server.url, EDITORS[1].token, victim)
    await until(() => bruno.synced, 'Bruno has the deal')
    // In his own name, but not a change entry (no `at`): the state check refuses the whole update.
    const { at: _at, ...notAnEntry } = entry(EDITORS[1].name, EDITORS[1].email)
    bruno.doc.getArray('log').push([notAnEntry])
    await until(() => bruno.closedWith === 'invalid-update', 'the server refuses the update')
    const annaRaw = rawClient(server.url, EDITORS[0].token, victim)
    await until(() => annaRaw.synced, 'Anna (raw) has the deal')
    annaRaw.doc.getArray('log').push([entry(EDITORS[0].name, EDITORS[0].email, 'honest')])
    await new Promise((r) => setTimeout(r, 300))
    expect(annaRaw.closedWith).toBeNull()
    const late = await lateReader(server.url)
    await until(() => changeLog(late.doc).some((e) => e.id === 'honest'), "Anna's honest entry reaches the others")
    bruno.close()
    annaRaw.close()
  })
})

describe("a colleague's bound client id cannot be borrowed", () => {
  it("a new entry in Anna's name under Anna's own client id (read from the log), sent by Bruno, is refused", async () => {
    const { server, anna } = await annaAndServer()
    anna.apply([{ type: 'set-field', stakeholderId: 'p2', field: 'title', value: 'by Anna' }])
    await anna.whenInSync()
    const bruno = rawClient(server.url, EDITORS[1].token)
    await until(() => bruno.synced && changeLog(bruno.doc).some((e) => e.author.name === EDITORS[0].name), "Bruno has Anna's entry")
    // Anna's session's client id, as anyone reading the log sees it.
    bruno.send(updateAs(bruno.doc, clientIdOf(bruno.doc, EDITORS[0].name), (d) => {
      ;(d.getMap('people').get('p1') as Y.Map<unknown>).set('title', "Forged in Anna's name")
      d.getArray('log').push([entry(EDITORS[0].name, EDITORS[0].email, 'borrowed')])
    }))
    await until(() => bruno.closedWith === 'invalid-update', 'the server refuses the borrowed client id')
    anna.apply([{ type: 'set-field', stakeholderId: 'p3', field: 'title', value: 'after' }])
    await anna.whenInSync()
    expect(changeLog(anna.doc).some((e) => e.id === 'borrowed')).toBe(false)
    expect(anna.file().deal.stakeholders.find((s) => s.id === 'p1')?.title).not.toBe("Forged in Anna's name")
    bruno.close()
  })
})

describe('what an entry says it changed is checked (docs/collaboration.md "Authors are checked")', () => {
  it("an edit of p1 sent with an entry naming only p2 is refused, so it is not put on a colleague's name", async () => {
    const { server, anna } = await annaAndServer()
    anna.apply([{ type: 'set-field', stakeholderId: 'p1', field: 'title', value: 'by Anna' }])
    await anna.whenInSync()
    const bruno = rawClient(server.url, EDITORS[1].token)
    await until(() => bruno.synced, 'Bruno has the deal')
    bruno.doc.transact(() => {
      ;(bruno.doc.getMap('people').get('p1') as Y.Map<unknown>).set('title', 'Quietly by Bruno')
      bruno.doc.getArray('log').push([{ ...entry(EDITORS[1].name, EDITORS[1].email, 'decoy'), targets: ['p2'] }])
    })
    await until(() => bruno.closedWith === 'invalid-update', 'the server refuses an entry that hides what the update changed', 2_000)
    bruno.close()
  })
})
