import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { fileStemOfId } from '@shared/file-names'
import { ipcCall } from '../store/helpers'
import { ANNA, CollabLab, eventually, sharedThenOffline, who, type Laptop } from '../collab-app/helpers'

/**
 * A restart while offline with the share record (`deals/<stem>.share.json`) damaged or written by
 * another build. The top bar must not say the deal is private (its offline edits would never
 * reach the team) and the edits waiting in the update log must not be lost
 * (docs/collaboration.md, "The client engine"; docs/collaboration-app.md, "Offline").
 */
describe('a restart offline with the share record damaged', () => {
  const lab = new CollabLab()
  afterEach(() => lab.cleanUp())

  /** Anna shares a deal, the server goes away, she makes two edits offline and quits. */
  async function offlineEditsThenQuit() {
    const { a, dealId, person, port } = await sharedThenOffline(lab)
    for (const value of ['Head of risk', 'CRO']) await ipcCall(a.handlers, 'collab:apply', dealId, [{ type: 'set-field', stakeholderId: person, field: 'title', value }])
    await a.stopAll()
    const sharePath = join(a.dataDir, 'deals', `${fileStemOfId(dealId)}.share.json`)
    const record = JSON.parse(await readFile(sharePath, 'utf8')) as Record<string, unknown>
    expect(record.waiting).toBe(2)
    return { a, dealId, person, port, sharePath, record }
  }

  async function restart(a: Laptop, dealId: string) {
    const again = await lab.laptop(a.vault, a.dataDir)
    await ipcCall(again.handlers, 'workspace:load')
    await ipcCall(again.handlers, 'deal:open', dealId)
    const state = await eventually(() => ipcCall(again.handlers, 'collab:state', dealId), (s) => s === null || s.status.kind === 'offline' || s.status.kind === 'refused', 15_000)
    return { again, state }
  }

  const variants: [string, (r: Record<string, unknown>) => string, number][] = [
    ['a field a newer build added', (r) => JSON.stringify({ ...r, lastSyncedAt: '2026-12-01T10:00:00.000Z' }), 2],
    ['a negative count', (r) => JSON.stringify({ ...r, waiting: -3 }), 0],
    ['a count past the limit', (r) => JSON.stringify({ ...r, waiting: 1e15 }), 0],
    ['a count that is not a whole number', (r) => JSON.stringify({ ...r, waiting: '2' }), 0],
    ['a byte order mark and CRLF line ends (an editor on Windows)', (r) => '\uFEFF' + JSON.stringify(r, null, 2).replace(/\n/g, '\r\n'), 2],
  ]
  for (const [what, damage, pending] of variants) {
    it(`${what}: the deal is still shared, offline, and its edits reach the server when it is back`, async () => {
      const { a, dealId, person, port, sharePath, record } = await offlineEditsThenQuit()
      await writeFile(sharePath, damage(record))
      const { again, state } = await restart(a, dealId)
      expect(state?.status).toEqual({ kind: 'offline', pending })
      await lab.server(port)
      await eventually(() => ipcCall(again.handlers, 'collab:state', dealId), (s) => s?.status.kind === 'connected', 20_000)
      expect((await ipcCall(again.handlers, 'deal:open', dealId)).deal.stakeholders.find((s) => s.id === person)?.title).toBe('CRO')
    })
  }

  it('a record that is not JSON at all: the top bar says so (not a private deal), and sharing again sends the offline edits', async () => {
    const { a, dealId, person, port, sharePath } = await offlineEditsThenQuit()
    await writeFile(sharePath, Buffer.from([0x7b, 0x22, 0x73, 0x65, 0x00, 0xff, 0xfe, 0x01]))
    const { again, state } = await restart(a, dealId)
    expect(state?.status).toEqual({ kind: 'refused', reason: 'share-damaged' })
    const server = await lab.server(port)
    const shared = await ipcCall(again.handlers, 'collab:share', dealId, who(ANNA, server.url))
    expect(shared.status.kind === 'refused').toBe(false)
    await eventually(() => ipcCall(again.handlers, 'collab:state', dealId), (s) => s?.status.kind === 'connected', 20_000)
    expect((await ipcCall(again.handlers, 'deal:open', dealId)).deal.stakeholders.find((s) => s.id === person)?.title).toBe('CRO')
    // The damaged record was set aside, not thrown away.
    expect((await readFile(sharePath + '.damaged')).byteLength).toBe(8)
  })
})
