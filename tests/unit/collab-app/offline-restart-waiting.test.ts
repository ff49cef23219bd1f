import { utimes } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { fileStemOfId } from '@shared/file-names'
import { ipcCall } from '../store/helpers'
import { CollabLab, eventually, sharedThenOffline } from './helpers'

/**
 * The plane: edits made offline, the laptop shut, the app opened again before the server can be
 * reached. The top bar must still say how many changes wait (docs/collaboration-app.md,
 * "Offline"), not "0 waiting" or "server unreachable" as for a deal never synced.
 */
describe('main: a restart while offline', () => {
  const lab = new CollabLab()
  afterEach(() => lab.cleanUp())

  it('keeps the count of changes waiting, and clears it once they reach the server', async () => {
    const { a, dealId, person, port } = await sharedThenOffline(lab)
    const edits = ['Head of risk', 'Chief risk officer', 'CRO']
    for (const value of edits) await ipcCall(a.handlers, 'collab:apply', dealId, [{ type: 'set-field', stakeholderId: person, field: 'title', value }])
    expect((await ipcCall(a.handlers, 'collab:state', dealId))?.status).toEqual({ kind: 'offline', pending: 3 })
    await a.stopAll()

    const again = await lab.laptop(a.vault, a.dataDir)
    await ipcCall(again.handlers, 'workspace:load')
    await ipcCall(again.handlers, 'deal:open', dealId)
    const state = await eventually(() => ipcCall(again.handlers, 'collab:state', dealId), (s) => s?.status.kind === 'offline' || s?.status.kind === 'refused', 15_000)
    expect(state?.status).toEqual({ kind: 'offline', pending: 3 })

    const back = await lab.server(port)
    await eventually(() => ipcCall(again.handlers, 'collab:state', dealId), (s) => s?.status.kind === 'connected', 20_000)
    expect((await ipcCall(again.handlers, 'deal:open', dealId)).deal.stakeholders[0].title).toBe('CRO')
    await again.stopAll()
    const third = await lab.laptop(a.vault, a.dataDir)
    await ipcCall(third.handlers, 'workspace:load')
    await ipcCall(third.handlers, 'deal:open', dealId)
    await eventually(() => ipcCall(third.handlers, 'collab:state', dealId), (s) => s?.status.kind === 'connected', 20_000)
    await back.stop()
    const after = await eventually(() => ipcCall(third.handlers, 'collab:state', dealId), (s) => s?.status.kind === 'offline', 15_000)
    expect(after?.status).toEqual({ kind: 'offline', pending: 0 })
  })

  it("counts no change when this laptop's own readable copy is newer than its log (it is stamped when written)", async () => {
    const { a, dealId, person } = await sharedThenOffline(lab)
    await ipcCall(a.handlers, 'collab:apply', dealId, [{ type: 'set-field', stakeholderId: person, field: 'title', value: 'CRO' }])
    const before = await ipcCall(a.handlers, 'collab:log', dealId, 50)
    await a.stopAll()
    // As when the readable copy's debounced write lands after the log's.
    const later = new Date(Date.now() + 60_000)
    await utimes(join(a.dataDir, 'deals', `${fileStemOfId(dealId)}.json`), later, later)

    const again = await lab.laptop(a.vault, a.dataDir)
    await ipcCall(again.handlers, 'workspace:load')
    await ipcCall(again.handlers, 'deal:open', dealId)
    const state = await eventually(() => ipcCall(again.handlers, 'collab:state', dealId), (s) => s?.status.kind === 'offline', 15_000)
    expect(state?.status).toEqual({ kind: 'offline', pending: 1 })
    expect((await ipcCall(again.handlers, 'collab:log', dealId, 50)).length).toBe(before.length)
  })
})
