import { readdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Deal } from '@shared/model'
import { createHandlers } from '../../../electron/main/handlers'
import { invokeChannel } from '../../../electron/main/ipc'
import { nodeDurableFs, type DurableFs, type DurableHandle } from '../../../electron/main/store/durable-fs'
import { manualClock, tempDir } from '../store/helpers'

/**
 * Another program (a sync client, an editor) writes the deal file at every moment of one of
 * our saves, one moment per run: before each file-system call the save makes. Whatever the
 * moment, neither version may be lost: theirs and mine must both be on disk afterwards, the
 * deal file itself or a conflict copy beside it (docs/file-format.md, "Edits made outside").
 *
 * One moment is out of reach and is skipped: a program that *replaces* the file (its own temp
 * file renamed over ours) between our last look at it and our rename. POSIX has no rename that
 * fails when its target changed (Linux's RENAME_EXCHANGE is not reachable from Node), so that
 * window of two back-to-back calls stays (docs/file-format.md, "Edits made outside").
 */

const OUTSIDE = 'edited outside while we saved'
const renamed = (deal: Deal, name: string): Deal => ({ ...deal, stakeholders: deal.stakeholders.map((s, i) => (i === 0 ? { ...s, name } : s)) })
const noDialogs = { saveFile: async () => null, openFile: async () => null }

type Way = 'in place' | 'by replacing the file'

/** The real fs, counting every call (handles' too); before call number `at`, `outside()` runs once. */
function interruptingFs(trigger: { at: number; outside: () => Promise<void> }) {
  let calls = 0
  const names: string[] = []
  const before = async (name = '') => {
    names[calls] = name
    if (calls++ === trigger.at) await trigger.outside()
  }
  const wrapHandle = (handle: DurableHandle): DurableHandle => {
    const wrapped: Record<string, unknown> = {}
    for (const key of ['writeFile', 'writev', 'sync', 'datasync', 'close', 'stat', 'read', 'readFile'] as const) {
      const method = (handle as unknown as Record<string, ((...args: unknown[]) => Promise<unknown>) | undefined>)[key]
      if (typeof method !== 'function') continue
      wrapped[key] = async (...args: unknown[]) => {
        await before(`handle.${key}`)
        return method.apply(handle, args)
      }
    }
    return wrapped as unknown as DurableHandle
  }
  const fs: DurableFs = {
    readFile: async (p) => (await before('readFile ' + p.split('/').pop()), nodeDurableFs.readFile(p)),
    open: async (p, flags) => (await before('open ' + p.split('/').pop() + ' ' + flags), wrapHandle(await nodeDurableFs.open(p, flags))),
    rename: async (a, b) => (await before('rename ' + a.split('/').pop() + ' ' + b.split('/').pop()), nodeDurableFs.rename(a, b)),
    unlink: async (p) => (await before('unlink ' + p.split('/').pop()), nodeDurableFs.unlink(p)),
    mkdir: async (p, o) => (await before('mkdir ' + p.split('/').pop()), nodeDurableFs.mkdir(p, o)),
    readdir: async (p) => (await before('readdir ' + p.split('/').pop()), nodeDurableFs.readdir(p)),
    stat: async (p) => (await before('stat ' + p.split('/').pop()), nodeDurableFs.stat(p)),
  }
  return { fs, calls: () => calls, names, reset: () => void (calls = 0) }
}

async function saveInterrupted(way: Way, at: number) {
  const dataDir = await tempDir()
  let path = ''
  let wrote = false
  const trigger = {
    at: Infinity,
    outside: async () => {
      const file = JSON.parse(await readFile(path, 'utf8'))
      file.deal.notes = OUTSIDE
      const text = JSON.stringify(file, null, 2) + '\n'
      if (way === 'in place') await writeFile(path, text)
      else {
        await writeFile(`${path}.sync-tool.tmp`, text)
        await rename(`${path}.sync-tool.tmp`, path)
      }
      wrote = true
    },
  }
  const counting = interruptingFs(trigger)
  const handlers = createHandlers({ dataDir, clock: manualClock(), dialogs: noDialogs, fs: counting.fs })
  const [sample] = (await handlers['workspace:load']()).deals
  const { deal } = await handlers['deal:open'](sample.id)
  path = join(dataDir, 'deals', `${deal.id}.json`)
  counting.reset()
  trigger.at = at
  const result = await invokeChannel(handlers, 'deal:save', [renamed(deal, 'Mine')])
  const files = (await readdir(join(dataDir, 'deals'))).filter((n) => n.endsWith('.json'))
  const onDisk = await Promise.all(files.map(async (n) => ({ name: n, file: JSON.parse(await readFile(join(dataDir, 'deals', n), 'utf8')) })))
  return { result, wrote, calls: counting.calls(), names: counting.names, onDisk, path, dealFile: `${deal.id}.json` }
}

describe('an outside write that lands in the middle of a save', () => {
  for (const way of ['in place', 'by replacing the file'] as const) {
    it(`loses neither version, at any moment of the save (${way})`, async () => {
      const dry = await saveInterrupted(way, Infinity)
      expect(dry.result.ok).toBe(true)
      const moments = dry.calls
      expect(moments).toBeGreaterThan(3)
      const lost: string[] = []
      for (let at = 0; at < moments; at++) {
        const run = await saveInterrupted(way, at)
        expect(run.wrote).toBe(true)
        const theirsKept = run.onDisk.some((f) => f.file.deal.notes === OUTSIDE)
        const mineKept = run.onDisk.some((f) => f.file.deal.stakeholders[0].name === 'Mine')
        const atPath = run.onDisk.find((f) => f.name === run.dealFile)!.file
        // A save that reports success must have left mine as the deal, or theirs after it.
        if (run.result.ok && atPath.deal.stakeholders[0].name !== 'Mine' && atPath.deal.notes !== OUTSIDE) lost.push(`moment ${at}: saved, but the file holds neither`)
        if (!theirsKept) lost.push(`moment ${at} (${dry.names[at]}): theirs lost (${run.result.ok ? 'saved' : 'refused'})`)
        if (!mineKept) lost.push(`moment ${at}: mine lost`)
        if (!run.result.ok) {
          // Refused as a conflict: theirs is the deal file, mine the copy the page offers.
          expect(run.result.error.code).toBe('conflict')
          expect(atPath.deal.notes, `moment ${at}`).toBe(OUTSIDE)
        }
      }
      // The one moment out of reach: the file replaced between our last stat and our rename.
      const unreachable = way === 'by replacing the file' ? [`moment ${moments - 1 - dry.names.slice(0, moments).reverse().findIndex((n) => n.startsWith(`rename .${dry.dealFile}`))}`] : []
      expect(lost.map((l) => l.split(' (')[0]), lost.join('\n')).toEqual(unreachable)
    })
  }
})
