import { afterEach, describe, expect, it } from 'vitest'
import { newStakeholder } from '@shared/model'
import { ipcCall } from '../store/helpers'
import { ANNA, CollabLab, newDeal, who } from './helpers'

describe('main: the edits made just before sharing can still be undone after sharing (real server on 127.0.0.1)', () => {
  const lab = new CollabLab()
  afterEach(() => lab.cleanUp())

  it('Ctrl+Z after "Share with team…" takes back the last private edits one by one, and Ctrl+Shift+Z brings them back', async () => {
    const server = await lab.server()
    const a = await lab.laptop()
    const dealId = await newDeal(a)
    // Two edits on the private deal: the page's undo history holds the deal as it was before each.
    const created = (await ipcCall(a.handlers, 'deal:open', dealId)).deal
    const renamed = { ...created, name: 'Northwind rollout, phase 2' }
    const withDana = { ...renamed, stakeholders: [...renamed.stakeholders, newStakeholder({ name: 'Dana Whitfield', position: { x: 0, y: 0 } })] }
    await ipcCall(a.handlers, 'deal:save', withDana)

    const shared = await ipcCall(a.handlers, 'collab:share', dealId, { ...who(ANNA, server.url), earlier: [created, renamed] })
    expect(shared.status).toEqual({ kind: 'connected' })
    expect(shared.canUndo).toBe(true)

    const afterFirst = await ipcCall(a.handlers, 'collab:undo', dealId)
    expect({ name: afterFirst?.name, people: afterFirst?.stakeholders.map((s) => s.name) }).toEqual({ name: 'Northwind rollout, phase 2', people: [] })
    const afterSecond = await ipcCall(a.handlers, 'collab:undo', dealId)
    expect(afterSecond?.name).toBe('Northwind rollout')
    // Nothing before the deal was created here: the seed itself is not undoable.
    expect((await ipcCall(a.handlers, 'collab:state', dealId))?.canUndo).toBe(false)
    const redone = await ipcCall(a.handlers, 'collab:redo', dealId)
    expect(redone?.name).toBe('Northwind rollout, phase 2')
  })
})
