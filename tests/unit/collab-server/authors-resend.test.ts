import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { changeLog } from '@shared/collab'
import { EDITORS, Lab, person, teamDeal, until } from './harness'
import { freePort } from './processes'

// A colleague's entries the server acknowledged and then lost (a crash before it stored its
// document) come back from another laptop: below the client id's mark they are re-sends, not
// forgeries (docs/collaboration.md, "Authors are checked").

let lab: Lab
afterEach(() => lab.cleanUp())

describe("a colleague's lost entries, given back by another laptop", () => {
  it("are taken back when the server lost its document but kept its bindings; Anna's edit reaches a newcomer", async () => {
    lab = new Lab()
    const dataDir = await lab.dir('server-')
    const port = await freePort()
    const first = await lab.server({ dataDir, port })
    const anna = await lab.client({ dataDir: await lab.dataFolder(teamDeal()), serverUrl: first.url })
    await anna.whenInSync()
    const bruno = await lab.client({ dataDir: await lab.dataFolder(), serverUrl: first.url }, EDITORS[1])
    await bruno.whenInSync()
    anna.apply([{ type: 'set-field', stakeholderId: 'p1', field: 'title', value: 'CIO' }])
    await anna.whenInSync()
    await until(() => person(bruno, 'p1')?.title === 'CIO', "Bruno has Anna's edit")
    await anna.stop() // Anna is away: only Bruno's laptop can give her entries back
    await first.stop()
    // What a crash before the store leaves: the bindings (written before the acknowledgement), no document.
    const folder = join(dataDir, 'docs', 'deal-shared-1')
    for (const name of await readdir(folder)) if (name.endsWith('.ydoc')) await rm(join(folder, name))
    const again = await lab.server({ dataDir, port })
    await until(() => bruno.status.kind === 'connected', 'Bruno reconnects')
    await bruno.whenInSync()
    const late = await lab.client({ dataDir: await lab.dataFolder(), serverUrl: again.url }, EDITORS[1])
    await late.whenInSync()
    expect(person(late, 'p1')?.title).toBe('CIO')
    expect(changeLog(late.doc).some((e) => e.author.name === EDITORS[0].name)).toBe(true)
    expect(bruno.status.kind).toBe('connected')
  })
})
