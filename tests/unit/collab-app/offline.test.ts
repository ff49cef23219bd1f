import { afterEach, describe, expect, it } from 'vitest'
import { newId, newStakeholder } from '@shared/model'
import { ipcCall } from '../store/helpers'
import { ANNA, BRUNO, CollabLab, eventually, newDeal, who } from './helpers'

const person = (id: string, name: string) => ({ type: 'add-stakeholders' as const, stakeholders: [newStakeholder({ id, name, position: { x: 0, y: 0 } })] })

describe('main: a shared deal while the server is away', () => {
  const lab = new CollabLab()
  afterEach(() => lab.cleanUp())

  it('shows offline with the changes waiting, and both laptops converge when the server is back', async () => {
    const server = await lab.server()
    const port = server.port
    const a = await lab.laptop()
    const b = await lab.laptop()
    const dealId = await newDeal(a)
    await ipcCall(a.handlers, 'collab:share', dealId, who(ANNA, server.url))
    await ipcCall(b.handlers, 'workspace:load')
    await ipcCall(b.handlers, 'collab:join', { ...who(BRUNO, server.url), dealId })
    const dana = newId()
    await ipcCall(a.handlers, 'collab:apply', dealId, [person(dana, 'Dana Whitfield')])
    await eventually(() => b.deals.some((d) => d.stakeholders.some((s) => s.id === dana)), Boolean)

    await server.stop()
    const offline = (laptop: typeof a) => eventually(() => ipcCall(laptop.handlers, 'collab:state', dealId), (s) => s?.status.kind === 'offline')
    await offline(a)
    await offline(b)
    await ipcCall(a.handlers, 'collab:apply', dealId, [{ type: 'set-field', stakeholderId: dana, field: 'notes', value: 'Met at the risk summit' }])
    await ipcCall(a.handlers, 'collab:apply', dealId, [{ type: 'set-field', stakeholderId: dana, field: 'title', value: 'CRO' }])
    await ipcCall(b.handlers, 'collab:apply', dealId, [{ type: 'set-field', stakeholderId: dana, field: 'department', value: 'Group Risk' }])
    expect((await ipcCall(a.handlers, 'collab:state', dealId))?.status).toEqual({ kind: 'offline', pending: 2 })
    // The page was told: a state push with the count.
    expect(a.events.some((e) => e.kind === 'state' && e.state.status.kind === 'offline' && e.state.status.pending === 2)).toBe(true)

    await lab.server(port)
    for (const laptop of [a, b]) {
      await eventually(() => ipcCall(laptop.handlers, 'collab:state', dealId), (s) => s?.status.kind === 'connected', 20_000)
      await eventually(
        async () => (await ipcCall(laptop.handlers, 'deal:open', dealId)).deal.stakeholders.find((s) => s.id === dana),
        (d) => d?.notes === 'Met at the risk summit' && d?.department === 'Group Risk' && d?.title === 'CRO',
        15_000,
      )
    }
  })

  it('undo on one laptop takes back its own edit only', async () => {
    const server = await lab.server()
    const a = await lab.laptop()
    const b = await lab.laptop()
    const dealId = await newDeal(a)
    await ipcCall(a.handlers, 'collab:share', dealId, who(ANNA, server.url))
    await ipcCall(b.handlers, 'workspace:load')
    await ipcCall(b.handlers, 'collab:join', { ...who(BRUNO, server.url), dealId })
    const dana = newId()
    await ipcCall(a.handlers, 'collab:apply', dealId, [person(dana, 'Dana Whitfield')])
    await eventually(() => b.deals.some((d) => d.stakeholders.some((s) => s.id === dana)), Boolean)
    await ipcCall(b.handlers, 'collab:apply', dealId, [{ type: 'set-field', stakeholderId: dana, field: 'department', value: 'Risk' }])
    await ipcCall(a.handlers, 'collab:apply', dealId, [{ type: 'set-field', stakeholderId: dana, field: 'title', value: 'CRO' }])
    await eventually(() => b.deals.some((d) => d.stakeholders.some((s) => s.id === dana && s.title === 'CRO')), Boolean)
    expect((await ipcCall(b.handlers, 'collab:state', dealId))?.canUndo).toBe(true)

    const undone = await ipcCall(b.handlers, 'collab:undo', dealId)
    const after = undone?.stakeholders.find((s) => s.id === dana)
    expect(after?.department ?? '').toBe('')
    expect(after?.title).toBe('CRO')
    expect((await ipcCall(b.handlers, 'collab:state', dealId))?.canUndo).toBe(false)
    await eventually(() => a.deals.at(-1), (d) => d !== undefined && (d.stakeholders.find((s) => s.id === dana)?.department ?? '') === '')
    const redone = await ipcCall(b.handlers, 'collab:redo', dealId)
    expect(redone?.stakeholders.find((s) => s.id === dana)?.department).toBe('Risk')
  })
})

describe('main: what changed, and who', () => {
  const lab = new CollabLab()
  afterEach(() => lab.cleanUp())

  it('names the author of each change from the doc’s log, newest first, on both laptops', async () => {
    const server = await lab.server()
    const a = await lab.laptop()
    const b = await lab.laptop()
    const dealId = await newDeal(a)
    await ipcCall(a.handlers, 'collab:share', dealId, who(ANNA, server.url))
    await ipcCall(b.handlers, 'workspace:load')
    await ipcCall(b.handlers, 'collab:join', { ...who(BRUNO, server.url), dealId })
    const dana = newId()
    await ipcCall(a.handlers, 'collab:apply', dealId, [person(dana, 'Dana Whitfield')])
    await eventually(() => b.deals.some((d) => d.stakeholders.some((s) => s.id === dana)), Boolean)
    await ipcCall(b.handlers, 'collab:apply', dealId, [{ type: 'set-field', stakeholderId: dana, field: 'title', value: 'CRO' }])
    for (const laptop of [a, b]) {
      const log = await eventually(() => ipcCall(laptop.handlers, 'collab:log', dealId, 10), (l) => l.length >= 2 && l[0].command === 'set-field')
      expect(log.slice(0, 2).map((c) => [c.author.name, c.command, c.targets])).toEqual([['Bruno Keller', 'set-field', [dana, `field:${dana}:title`]], ['Anna Kowalski', 'add-stakeholders', [dana]]])
    }
  })
})
