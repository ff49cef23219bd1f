import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { changeLog } from '@shared/collab'
import { EDITORS, Lab, person, teamDeal, until } from './harness'
import { entry, rawClient } from './raw-client'

// What an update changes must be named by its own log entries (docs/collaboration.md,
// "Authors are checked"): otherwise "What changed" and the snapshots credit whoever else
// wrote that person, field or line in between.

let lab: Lab
afterEach(() => lab.cleanUp())

async function annaBrunoAndServer() {
  lab = new Lab()
  const server = await lab.server()
  const anna = await lab.client({ dataDir: await lab.dataFolder(teamDeal()), serverUrl: server.url })
  await anna.whenInSync()
  const bruno = rawClient(server.url, EDITORS[1].token)
  await until(() => bruno.synced, 'Bruno has the deal')
  return { server, anna, bruno }
}

async function lateReader(url: string) {
  const late = await lab.client({ dataDir: await lab.dataFolder(), serverUrl: url }, EDITORS[1])
  await late.whenInSync()
  return late
}

const byBruno = (id: string, targets: string[]) => ({ ...entry(EDITORS[1].name, EDITORS[1].email, id), targets })
const personMap = (doc: Y.Doc, id: string) => doc.getMap('people').get(id) as Y.Map<unknown>

describe('an update whose entries do not name what it changes is refused', () => {
  it.each<[string, (doc: Y.Doc) => void]>([
    ['an edit of a person with no entry at all', (d) => personMap(d, 'p1').set('title', 'Quietly by Bruno')],
    ['an edit whose entry names another field of that person', (d) => {
      personMap(d, 'p1').set('title', 'Quietly by Bruno')
      d.getArray('log').push([byBruno('other-field', ['p1', 'field:p1:notes'])])
    }],
    ["a deletion of a person hidden under an entry for another card", (d) => {
      d.getMap('people').delete('p1')
      d.getArray('log').push([byBruno('other-card', ['p2', 'field:p2:title'])])
    }],
    ["a change of the deal's stage under an entry for a person", (d) => {
      d.getMap('meta').set('stage', 'lost')
      d.getArray('log').push([byBruno('not-the-deal', ['p2'])])
    }],
    ["a deletion of a colleague's log entry (it takes their name off a change)", (d) => {
      d.getArray('log').delete(0, 1)
      d.getArray('log').push([byBruno('eraser', [])])
    }],
  ])('%s', async (_case, write) => {
    const { server, bruno } = await annaBrunoAndServer()
    const logBefore = changeLog(bruno.doc).length
    bruno.doc.transact(() => write(bruno.doc))
    await until(() => bruno.closedWith === 'invalid-update', 'the server refuses the update', 5_000)
    const late = await lateReader(server.url)
    expect(person(late, 'p1')?.title).toBe('Title 1')
    expect(late.file().deal.stage).toBe(teamDeal().deal.stage)
    expect(changeLog(late.doc)).toHaveLength(logBefore)
    bruno.close()
  })

  it('offline catch-up: many edits in one update are refused when one of them has no entry', async () => {
    const { server, bruno } = await annaBrunoAndServer()
    // Made offline (a copy of the deal, two sessions of edits), sent in one message on reconnect.
    const offline = new Y.Doc()
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(bruno.doc))
    const before = Y.encodeStateVector(offline)
    offline.transact(() => {
      personMap(offline, 'p1').set('title', 'Offline 1')
      offline.getArray('log').push([byBruno('offline-1', ['p1', 'field:p1:title'])])
    })
    offline.transact(() => personMap(offline, 'p2').set('notes', 'unlogged'))
    bruno.send(Y.encodeStateAsUpdate(offline, before))
    await until(() => bruno.closedWith === 'invalid-update', 'the server refuses the catch-up')
    const late = await lateReader(server.url)
    expect(person(late, 'p1')?.title).toBe('Title 1')
    bruno.close()
  })
})

describe('an update whose entries name what it changes is accepted', () => {
  it.each<[string, (doc: Y.Doc) => void]>([
    ['an entry naming the person and the field', (d) => {
      personMap(d, 'p1').set('title', 'Openly by Bruno')
      d.getArray('log').push([byBruno('honest', ['p1', 'field:p1:title'])])
    }],
    ['an entry naming only the person (as entries written before fields were logged do): it counts for all their fields', (d) => {
      personMap(d, 'p1').set('title', 'Openly by Bruno')
      d.getArray('log').push([byBruno('honest', ['p1'])])
    }],
    ['several edits offline, each with its entry, sent as one update', (d) => {
      personMap(d, 'p1').set('title', 'Openly by Bruno')
      d.getMap('people').delete('p3')
      d.getMap('meta').set('stage', 'lost')
      d.getArray('log').push([byBruno('honest-1', ['p1', 'field:p1:title']), byBruno('honest-2', ['p3']), byBruno('honest-3', ['deal'])])
    }],
  ])('%s', async (_case, write) => {
    const { server, bruno } = await annaBrunoAndServer()
    bruno.doc.transact(() => write(bruno.doc))
    const late = await lateReader(server.url)
    await until(() => person(late, 'p1')?.title === 'Openly by Bruno', "Bruno's edit reaches the others")
    expect(bruno.closedWith).toBeNull()
    expect(changeLog(late.doc).filter((e) => e.id.startsWith('honest')).map((e) => e.author.name)).toContain(EDITORS[1].name)
    bruno.close()
  })
})
