import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DealProjection } from '@shared/collab'
import { diskFullFs } from '../store/helpers'
import { DEAL_ID, Lab, person, teamDeal, until } from '../collab-server/harness'

let lab: Lab
afterEach(() => lab.cleanUp())

/** What a crash would leave: the deal as the update log on disk holds it, and the share record's count. */
async function onDisk(dir: string) {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, await readFile(join(dir, 'deals', `${DEAL_ID}.ydoc`)))
  const share = JSON.parse(await readFile(join(dir, 'deals', `${DEAL_ID}.share.json`), 'utf8')) as { waiting?: number }
  return { file: new DealProjection(doc).file(), waiting: share.waiting ?? 0 }
}

/**
 * Offline, the update log is the only copy of the user's edits (docs/collaboration-app.md,
 * "Offline": "your changes are kept here"). A full disk must not let the top bar say so while
 * nothing reaches the disk, and the edits must be written once the disk takes them again, without
 * waiting for another edit (a crash then loses nothing).
 */
describe('offline with a full disk', () => {
  it('says the changes are not saved here while the disk refuses them, and writes them once it takes them again', async () => {
    lab = new Lab()
    const server = await lab.server()
    const dir = await lab.dataFolder(teamDeal())
    const disk = diskFullFs()
    const a = await lab.client({ dataDir: dir, serverUrl: server.url, fs: disk.fs, logRetryMs: 50 })
    await a.whenInSync()
    a.disconnect()
    await until(() => a.status.kind === 'offline', 'offline')

    disk.state.failing = true
    a.apply([{ type: 'set-field', stakeholderId: 'p1', field: 'title', value: 'CRO' }])
    await until(() => a.status.kind === 'refused', 'the top bar says the change is not saved', 5_000)
    expect(a.status).toEqual({ kind: 'refused', reason: 'not-saved-here' })
    a.apply([{ type: 'set-field', stakeholderId: 'p2', field: 'title', value: 'CFO' }])
    expect(a.status).toEqual({ kind: 'refused', reason: 'not-saved-here' })

    disk.state.failing = false
    await until(() => a.status.kind === 'offline', 'the disk takes the writes again', 5_000)
    expect(a.status).toEqual({ kind: 'offline', pending: 2 })
    // No stop(), no further edit: the crash-safe copy already holds both edits and their count.
    await until(async () => (await onDisk(dir)).waiting === 2, 'the count on disk', 5_000)
    const kept = await onDisk(dir)
    expect(kept.file.deal.stakeholders.find((s) => s.id === 'p1')?.title).toBe('CRO')
    expect(kept.file.deal.stakeholders.find((s) => s.id === 'p2')?.title).toBe('CFO')
    // Healed: stopping does not report a failure that was already repaired.
    await expect(a.stop()).resolves.toBeUndefined()
    lab.forget(a)
    expect(person(a, 'p2')?.title).toBe('CFO')
  })

  it('a share record the disk refused at the first share is written once it takes it (else a restart shows a private deal)', async () => {
    lab = new Lab()
    const server = await lab.server()
    const dir = await lab.dataFolder(teamDeal())
    const disk = diskFullFs()
    // The record is written after the first sync; the log and projection too. All refused.
    disk.state.failing = true
    const a = await lab.client({ dataDir: dir, serverUrl: server.url, fs: disk.fs, logRetryMs: 50 })
    await until(() => a.status.kind === 'refused', 'the top bar says it is not saved', 10_000)
    expect(a.status).toEqual({ kind: 'refused', reason: 'not-saved-here' })
    disk.state.failing = false
    await until(() => a.status.kind === 'connected', 'saved and in sync', 10_000)
    const share = JSON.parse(await readFile(join(dir, 'deals', `${DEAL_ID}.share.json`), 'utf8')) as { documentName: string }
    expect(share.documentName).toBe(`deal/${DEAL_ID}`)
  })
})
