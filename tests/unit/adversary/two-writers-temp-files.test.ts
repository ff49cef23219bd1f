import { readdir, utimes, writeFile } from 'node:fs/promises'
import { join, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Deal } from '@shared/model'
import { createHandlers } from '../../../electron/main/handlers'
import { invokeChannel } from '../../../electron/main/ipc'
import { nodeDurableFs, type DurableFs } from '../../../electron/main/store'
import { manualClock, tempDir } from '../store/helpers'

const noDialogs = { saveFile: async () => null, openFile: async () => null }
const renamed = (deal: Deal, name: string): Deal => ({ ...deal, name })
const HOUR = 3_600_000

/** The real fs, except that the first deal temp file's data waits until `release` is called. */
function heldDealWriteFs() {
  let release!: () => void
  const released = new Promise<void>((r) => (release = r))
  let reachedTemp!: () => void
  const reached = new Promise<void>((r) => (reachedTemp = r))
  let holding = false
  const fs: DurableFs = {
    ...nodeDurableFs,
    async open(path, flags) {
      const handle = await nodeDurableFs.open(path, flags)
      if (!holding && flags === 'w' && path.includes(`${join('deals')}${sep}.`) && path.endsWith('.tmp')) {
        holding = true
        const original = handle.writeFile.bind(handle)
        return Object.assign(handle, {
          async writeFile(data: string | Uint8Array) {
            reachedTemp()
            await released
            return original(data)
          },
          writev: undefined,
        })
      }
      return handle
    },
  }
  return { fs, release, reached, arm: () => (holding = false), disarm: () => (holding = true) }
}

/** The real fs; `pastDeals` resolves at the first folder listing after the deals folder's. */
function cleanupWatchingFs(deals: string) {
  let passed!: () => void
  const pastDeals = new Promise<void>((r) => (passed = r))
  let listedDeals = false
  const fs: DurableFs = {
    ...nodeDurableFs,
    async readdir(path) {
      if (path === deals) listedDeals = true
      else if (listedDeals) passed()
      return nodeDurableFs.readdir(path)
    },
  }
  return { fs, pastDeals }
}

describe('two writers on one data folder', () => {
  it("a second handler table's start-up does not delete the first one's in-flight temp file", async () => {
    const dataDir = await tempDir()
    const held = heldDealWriteFs()
    held.disarm()
    const app = createHandlers({ dataDir, clock: manualClock(), dialogs: noDialogs, fs: held.fs })
    const [sample] = (await app['workspace:load']()).deals
    const { deal } = await app['deal:open'](sample.id)

    held.arm()
    const saving = invokeChannel(app, 'deal:save', [renamed(deal, 'Saved while the CLI started')])
    await Promise.race([held.reached, saving.then((r) => expect.fail(`saved without writing: ${JSON.stringify(r)}`))])
    // `war-room sync` / `import` (or a second window) starts on the same folder mid-write.
    // Same process here, so it queues behind the app's write slot; a CLI would not: let its
    // start-up housekeeping run past the deals folder, then let the app's write go on.
    const watched = cleanupWatchingFs(join(dataDir, 'deals'))
    const second = createHandlers({ dataDir, clock: manualClock(), dialogs: noDialogs, fs: watched.fs })
    const secondLoad = second['workspace:load']()
    await watched.pastDeals
    held.release()
    await secondLoad

    expect(await saving).toMatchObject({ ok: true })
    const reopened = createHandlers({ dataDir, clock: manualClock(), dialogs: noDialogs })
    await reopened['workspace:load']()
    expect((await reopened['deal:open'](sample.id)).deal.name).toBe('Saved while the CLI started')
  })

  it('still removes temp files whose writer is gone, ours not under way, and old ones of any writer', async () => {
    const dataDir = await tempDir()
    await createHandlers({ dataDir, dialogs: noDialogs })['workspace:load']()
    const deals = join(dataDir, 'deals')
    const old = (Date.now() - 2 * HOUR) / 1000
    const minutesAgo = (Date.now() - 5 * 60_000) / 1000
    // No process can have this pid (above Linux's pid_max, macOS's 99,999).
    const deadWriter = join(deals, '.a.json.99999999.1.tmp')
    const liveOldWriter = join(deals, `.b.json.${process.ppid}.1.tmp`)
    const liveFreshWriter = join(deals, `.c.json.${process.ppid}.2.tmp`)
    const ownFresh = join(deals, `.d.json.${process.pid}.999.tmp`)
    const unnamedOld = join(deals, '.e.tmp')
    for (const path of [deadWriter, liveOldWriter, liveFreshWriter, ownFresh, unnamedOld]) await writeFile(path, '{"half')
    await utimes(deadWriter, minutesAgo, minutesAgo)
    await utimes(liveOldWriter, old, old)
    await utimes(unnamedOld, old, old)

    await createHandlers({ dataDir, dialogs: noDialogs })['workspace:load']()
    // Ours and not under way (no write of this process has it open): a fault cut it short.
    expect((await readdir(deals)).sort()).toEqual([`.c.json.${process.ppid}.2.tmp`, 'sample-harbor-city-core-banking.json'])
  })
})
