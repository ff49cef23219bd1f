import { afterEach, describe, expect, it } from 'vitest'
import { ipcCall } from '../store/helpers'
import { CollabLab, sharedThenOffline } from '../collab-app/helpers'

/**
 * The app opened again while the server is away: the page asks main whether the deal is shared
 * (`collab:state`) and, until main answers, edits it as a private deal (`deal:save`). Main must
 * answer at once when the answer is "offline" (docs/collaboration-app.md, "Offline"), and an edit
 * saved meanwhile must not be lost when the sync resumes over it.
 */
describe('the first edit after a restart offline', () => {
  const lab = new CollabLab()
  afterEach(() => lab.cleanUp())

  it('main says offline without making the page wait, and nothing typed meanwhile is lost', async () => {
    const { a, dealId, person } = await sharedThenOffline(lab)
    await ipcCall(a.handlers, 'collab:apply', dealId, [{ type: 'set-field', stakeholderId: person, field: 'title', value: 'CRO' }])
    await a.stopAll()

    const again = await lab.laptop(a.vault, a.dataDir)
    await ipcCall(again.handlers, 'workspace:load')
    const opened = await ipcCall(again.handlers, 'deal:open', dealId)
    const t0 = Date.now()
    const asked = ipcCall(again.handlers, 'collab:state', dealId)
    // Typed before main answered: the page saves it as it saves a private deal.
    const typed = { ...opened.deal, stakeholders: opened.deal.stakeholders.map((s) => ({ ...s, department: 'Group Risk' })) }
    await ipcCall(again.handlers, 'deal:save', typed)
    const state = await asked
    const waited = Date.now() - t0
    expect(state?.status).toEqual({ kind: 'offline', pending: expect.any(Number) })
    // The page waits for this answer before it sends edits to the doc: not seconds.
    expect(waited).toBeLessThan(3_000)
    expect(opened.deal.stakeholders[0].title).toBe('CRO')
    const shown = again.deals.at(-1) ?? (await ipcCall(again.handlers, 'deal:open', dealId)).deal
    expect(shown.stakeholders[0]).toMatchObject({ title: 'CRO', department: 'Group Risk' })
    await again.stopAll()
    const third = await lab.laptop(a.vault, a.dataDir)
    await ipcCall(third.handlers, 'workspace:load')
    expect((await ipcCall(third.handlers, 'deal:open', dealId)).deal.stakeholders[0]).toMatchObject({ title: 'CRO', department: 'Group Risk' })
  })
})
