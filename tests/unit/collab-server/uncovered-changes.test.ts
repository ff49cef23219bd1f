import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { changeLog } from '@shared/collab'
import type { DealCommand } from '@shared/commands'
import { aStakeholder } from '../../fixtures/builders'
import { ANNA, BRUNO, EDITORS, Lab, person, teamDeal, until } from './harness'
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

describe("an honest app client's edits always name what they change", () => {
  it('every kind of command, undo and redo, a merge of two cards and a whole-deal replace pass the check and reach a colleague', async () => {
    lab = new Lab()
    const server = await lab.server()
    // 130 people: the share's seed names more than one entry's 100 targets.
    const anna = await lab.client({ dataDir: await lab.dataFolder(teamDeal(130)), serverUrl: server.url, sellers: () => [ANNA, BRUNO] })
    await anna.whenInSync()
    const contact = { date: '2026-11-30', channel: 'call' as const, sellerId: ANNA.id, note: 'kick-off' }
    const commands: DealCommand[] = [
      { type: 'set-field', stakeholderId: 'p1', field: 'title', value: 'Group CFO' },
      { type: 'set-field', stakeholderId: 'p1', field: 'stance', value: 'supporter' },
      { type: 'set-field', stakeholderId: 'p2', field: 'mode', value: null },
      { type: 'add-stakeholders', stakeholders: [aStakeholder('p-new', { name: 'Li Wei', email: 'li.wei@bank.example' })], links: [{ id: 'l-new', from: 'p-new', to: 'p1', kind: 'reports-to' }] },
      { type: 'add-stakeholders', stakeholders: [aStakeholder('p-dup', { name: 'Li Wei', email: 'LI.WEI@bank.example' })] },
      { type: 'move-stakeholders', moves: [{ id: 'p1', position: { x: 40, y: 80 } }, { id: 'p2', position: { x: 200, y: 80 } }] },
      { type: 'add-link', link: { id: 'l-2', from: 'p2', to: 'p3', kind: 'ally' } },
      { type: 'update-link', id: 'l-2', kind: 'conflict', reverse: true },
      { type: 'set-link-label', id: 'l-2', label: 'golf partners' },
      { type: 'add-owner', stakeholderId: 'p1', sellerId: BRUNO.id },
      { type: 'remove-owner', stakeholderId: 'p1', sellerId: BRUNO.id },
      { type: 'add-relationship', stakeholderId: 'p2', sellerId: ANNA.id },
      { type: 'set-element', stakeholderId: 'p2', sellerId: ANNA.id, element: 'goodwill', score: 4 },
      { type: 'raise-depth', stakeholderId: 'p2', sellerId: ANNA.id, depth: 3 },
      { type: 'set-relationship-field', stakeholderId: 'p2', sellerId: ANNA.id, field: 'knownSince', value: '2025-01-01' },
      { type: 'log-contact', stakeholderId: 'p2', contact },
      { type: 'remove-contact', stakeholderId: 'p2', contact },
      { type: 'add-action', stakeholderId: 'p3', action: { id: 'a-1', what: 'Send the deck', done: false, ownerId: ANNA.id } },
      { type: 'set-action-field', stakeholderId: 'p3', actionId: 'a-1', field: 'done', value: true },
      { type: 'remove-action', stakeholderId: 'p3', actionId: 'a-1' },
      { type: 'seat-seller', sellerId: BRUNO.id, seat: 'solution' },
      { type: 'set-lead', sellerId: BRUNO.id, seat: 'solution', lead: true },
      { type: 'unseat-seller', sellerId: BRUNO.id, seat: 'solution' },
      { type: 'set-deal-facts', patch: { stage: 'negotiate', amount: { value: 2_000_000, currency: 'EUR' } } },
      { type: 'merge-people', keepId: 'p-new', mergeId: 'p-dup' },
      { type: 'remove-links', ids: ['l-2'] },
      { type: 'remove-stakeholders', ids: ['p4'] },
    ]
    for (const command of commands) {
      anna.apply([command])
      await anna.whenInSync()
    }
    for (let i = 0; i < 4; i++) expect(anna.undo()).toBe(true)
    await anna.whenInSync()
    for (let i = 0; i < 2; i++) expect(anna.redo()).toBe(true)
    await anna.whenInSync()
    const replaced = structuredClone(anna.file().deal)
    replaced.stakeholders = replaced.stakeholders.map((s, i) => (i < 120 ? { ...s, notes: `imported ${i}` } : s))
    anna.apply([{ type: 'replace-deal', deal: replaced }])
    await anna.whenInSync()
    expect(anna.status.kind).toBe('connected')
    const late = await lateReader(server.url)
    await until(() => JSON.stringify(late.file().deal) === JSON.stringify(anna.file().deal), 'the colleague has the same deal')
    expect(anna.status.kind).toBe('connected')
  })
})
