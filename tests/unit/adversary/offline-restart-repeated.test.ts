import { afterEach, describe, expect, it } from 'vitest'
import { changeLog } from '@shared/collab'
import { EDITORS, Lab, person, teamDeal, until } from '../collab-server/harness'
import type { DealSync } from '../../../electron/collab/deal-sync'

let lab: Lab
afterEach(() => lab.cleanUp())

/** A laptop clock the test moves (a wrong clock fixed by the OS, a trip across time zones done badly). */
function movableClock(start: string) {
  let now = new Date(start).getTime()
  return Object.assign(() => new Date(now), { move: (ms: number) => void (now += ms) })
}
const YEAR = 365 * 24 * 3600 * 1000

/**
 * Restarts while offline, one after another, with edits, an undo and the clock jumping between
 * them: the top bar's count stays what waits, nothing is lost or sent twice, and everything
 * reaches the team once the server is back (docs/collaboration-app.md, "Offline").
 */
describe('restarts while offline, repeated', () => {
  it('two restarts, an edit and an undo between them, the clock back a year then forward two: the count holds and the team gets the deal as left', async () => {
    lab = new Lab()
    const serverDir = await lab.dir('server-')
    const first = await lab.server({ dataDir: serverDir })
    const port = first.port
    const dir = await lab.dataFolder()
    const seedDir = await lab.dataFolder(teamDeal())
    const clock = movableClock('2026-12-07T09:00:00.000Z')
    const seeder = await lab.client({ dataDir: seedDir, serverUrl: first.url })
    await seeder.whenInSync()
    const open = (): Promise<DealSync> => lab.client({ dataDir: dir, serverUrl: `ws://127.0.0.1:${port}`, now: clock })
    const restart = async (sync: DealSync): Promise<DealSync> => {
      await sync.stop()
      lab.forget(sync)
      const again = await open()
      await until(() => again.status.kind === 'offline', 'offline after the restart')
      return again
    }
    let a = await open()
    await a.whenInSync()
    await lab.stopClients()
    await first.stop()
    a = await open()
    await until(() => a.status.kind === 'offline', 'offline')
    expect(a.status).toEqual({ kind: 'offline', pending: 0 })

    a.apply([{ type: 'set-field', stakeholderId: 'p1', field: 'title', value: 'CRO' }])
    clock.move(-YEAR)
    a.apply([{ type: 'set-field', stakeholderId: 'p2', field: 'title', value: 'CFO' }])
    expect(a.status).toEqual({ kind: 'offline', pending: 2 })
    a = await restart(a)
    expect(a.status).toEqual({ kind: 'offline', pending: 2 })
    a = await restart(a)
    expect(a.status).toEqual({ kind: 'offline', pending: 2 })
    clock.move(2 * YEAR)
    a.apply([{ type: 'set-field', stakeholderId: 'p3', field: 'title', value: 'COO' }])
    expect(a.undo()).toBe(true)
    expect(person(a, 'p3')?.title).toBe('Title 3')
    // The undo is a change too: it is what the server must get to agree with this laptop.
    expect(a.status).toEqual({ kind: 'offline', pending: 4 })
    a = await restart(a)
    expect(a.status).toEqual({ kind: 'offline', pending: 4 })
    const entries = changeLog(a.doc).length

    const back = await lab.server({ port, dataDir: serverDir })
    await until(() => a.status.kind === 'connected', 'in sync again', 20_000)
    await a.whenInSync()
    const bruno = await lab.client({ dataDir: await lab.dataFolder(), serverUrl: `ws://127.0.0.1:${port}` }, EDITORS[1])
    await bruno.whenInSync()
    expect(['p1', 'p2', 'p3'].map((id) => person(bruno, id)?.title)).toEqual(['CRO', 'CFO', 'Title 3'])
    // Sent once each: the team's log holds this laptop's entries once.
    expect(changeLog(bruno.doc).length).toBe(entries)
    // Confirmed: the next restart offline says nothing waits.
    await lab.stopClients()
    await back.stop()
    a = await open()
    await until(() => a.status.kind === 'offline', 'offline at last')
    expect(a.status).toEqual({ kind: 'offline', pending: 0 })
  })
})
