import { afterEach, describe, expect, it } from 'vitest'
import { newStakeholder } from '@shared/model'
import { ipcCall } from '../store/helpers'
import { CollabLab, eventually, sharedBetweenTwo } from './helpers'

/**
 * A note typed on one person in two bursts (typing, a pause, typing again) in one visit to the
 * field: the page sends every keystroke at once, each with the visit's merge key. In "What
 * changed" that is one change, and one Ctrl+Z takes the whole note back, as in a private deal.
 */
describe('main: a burst of typing in a shared deal is one change and one undo step (real server on 127.0.0.1)', () => {
  const lab = new CollabLab()
  afterEach(() => lab.cleanUp())

  it('two bursts of a note: one entry in the change log, one undo; the next field visit is a step of its own', async () => {
    const { a, b, dealId } = await sharedBetweenTwo(lab)
    const person = newStakeholder({ name: 'Grace Liu', position: { x: 0, y: 0 } })
    const id = person.id
    await ipcCall(a.handlers, 'collab:apply', dealId, [{ type: 'add-stakeholders', stakeholders: [person] }])
    const type = async (text: string, field: 'notes' | 'title', key: string) => {
      for (let i = 1; i <= text.length; i++) {
        await ipcCall(a.handlers, 'collab:apply', dealId, [{ type: 'set-field', stakeholderId: id, field, value: text.slice(0, i) }], key)
      }
    }
    await type('Wants a pilot', 'notes', `${id}-field-1`)
    await new Promise((r) => setTimeout(r, 300)) // the pause between the bursts
    await type('Wants a pilot in Q3', 'notes', `${id}-field-1`)
    await type('CIO', 'title', `${id}-field-2`)

    const log = await ipcCall(a.handlers, 'collab:log', dealId, 20)
    const mine = log.filter((c) => c.command === 'set-field')
    expect(mine).toHaveLength(2) // the note (both bursts), then the title

    // Bruno's menu says the same: two changes by Anna, not thirty.
    await eventually(() => ipcCall(b.handlers, 'collab:log', dealId, 20), (l) => l.filter((c) => c.command === 'set-field').length === 2)

    const afterTitleUndo = await ipcCall(a.handlers, 'collab:undo', dealId)
    const p1 = afterTitleUndo?.stakeholders.find((s) => s.id === id)
    expect([p1?.title, p1?.notes]).toEqual([person.title, 'Wants a pilot in Q3'])
    const afterNoteUndo = await ipcCall(a.handlers, 'collab:undo', dealId)
    expect(afterNoteUndo?.stakeholders.find((s) => s.id === id)?.notes).toBe(person.notes)
    await eventually(() => ipcCall(b.handlers, 'deal:open', dealId).then((r) => r.deal.stakeholders.find((s) => s.id === id)?.notes), (n) => n === person.notes)
  })

  it('offline, a note typed in bursts counts as one change waiting, and the next field as another', async () => {
    const { server, a, dealId } = await sharedBetweenTwo(lab)
    const person = newStakeholder({ name: 'Grace Liu', position: { x: 0, y: 0 } })
    await ipcCall(a.handlers, 'collab:apply', dealId, [{ type: 'add-stakeholders', stakeholders: [person] }])
    await eventually(() => ipcCall(a.handlers, 'collab:state', dealId), (s) => s?.status.kind === 'connected')
    await server.stop()
    await eventually(() => ipcCall(a.handlers, 'collab:state', dealId), (s) => s?.status.kind === 'offline')
    const type = async (text: string, field: 'notes' | 'title', key: string) => {
      for (let i = 1; i <= text.length; i++) await ipcCall(a.handlers, 'collab:apply', dealId, [{ type: 'set-field', stakeholderId: person.id, field, value: text.slice(0, i) }], key)
    }
    const waiting = async () => ((await ipcCall(a.handlers, 'collab:state', dealId))?.status as { pending?: number }).pending ?? NaN
    const offline = await waiting() // the added person, if the server went before it said it had it
    await type('Wants a pilot', 'notes', `${person.id}-field-1`)
    await type('Wants a pilot in Q3', 'notes', `${person.id}-field-1`)
    const afterNote = await waiting()
    await type('CIO', 'title', `${person.id}-field-2`)
    expect([afterNote - offline, (await waiting()) - afterNote]).toEqual([1, 1])
  })
})
