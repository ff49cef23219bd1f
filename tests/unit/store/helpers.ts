import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterEach } from 'vitest'
import type { Channel, ChannelInput, ChannelResults, HandlerTable } from '@shared/ipc'
import { invokeChannel } from '../../../electron/main/ipc'
import { nodeDurableFs, type DurableFs } from '../../../electron/main/store'

const made: string[] = []
afterEach(async () => {
  while (made.length) await rm(made.pop()!, { recursive: true, force: true })
})

/** A fresh, real temp folder removed after the test. */
export async function tempDir(prefix = 'war-room-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  made.push(dir)
  return dir
}

/** Every file under `dir` with its bytes, to prove nothing on disk changed. */
export async function snapshotTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  async function walk(d: string) {
    let names: string[]
    try {
      names = await readdir(d)
    } catch {
      return
    }
    for (const name of names.sort()) {
      const path = join(d, name)
      if ((await stat(path)).isDirectory()) await walk(path)
      else out[relative(dir, path)] = (await readFile(path)).toString('base64')
    }
  }
  await walk(dir)
  return out
}

/** A clock the test moves by hand. */
export function manualClock(start = '2026-03-12T09:00:00.000Z') {
  let now = new Date(start).getTime()
  const clock = () => new Date(now)
  return Object.assign(clock, { advance: (ms: number) => void (now += ms) })
}

export const MINUTES = 60_000

/** The real fs, except that writing calls fail with `code` while `failing` is on. */
export function faultyFs(code: string) {
  const state = { failing: false }
  const fail = () => Object.assign(new Error(`${code}: injected`), { code })
  const fs: DurableFs = {
    ...nodeDurableFs,
    async open(path, flags) {
      if (state.failing && flags !== 'r') throw fail()
      const handle = await nodeDurableFs.open(path, flags)
      return {
        async writeFile(data) {
          if (state.failing) throw fail()
          return handle.writeFile(data)
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      }
    },
    async rename(from, to) {
      if (state.failing) throw fail()
      return nodeDurableFs.rename(from, to)
    },
    async mkdir(path, options) {
      if (state.failing) throw fail()
      return nodeDurableFs.mkdir(path, options)
    },
  }
  return { fs, state }
}

/**
 * The real fs, except that writes fail with `code` while `failing` is on; renames and
 * unlinks still work (a full disk refuses new bytes, not a rename within a folder).
 */
export function diskFullFs(code = 'ENOSPC') {
  const { fs, state } = faultyFs(code)
  return { fs: { ...fs, rename: nodeDurableFs.rename }, state }
}

/**
 * The real fs, except that reading a file whose path ends with one of `state.paths` fails
 * with `code`: `state.times` more times (Infinity = until cleared). Counts the failed reads.
 */
export function flakyReadFs(code: string, suffixes: string[], times = Infinity) {
  const state = { times, failed: 0, suffixes }
  const fs: DurableFs = {
    ...nodeDurableFs,
    async readFile(path) {
      if (state.times > 0 && state.suffixes.some((s) => path.endsWith(s))) {
        state.times -= 1
        state.failed += 1
        throw Object.assign(new Error(`${code}: injected read failure, open '${path}'`), { code })
      }
      return nodeDurableFs.readFile(path)
    },
  }
  return { fs, state }
}

/** A sleep that returns at once and records what was asked (retry backoff without waiting). */
export function recordingSleep() {
  const waits: number[] = []
  const sleep = async (ms: number) => void waits.push(ms)
  return Object.assign(sleep, { waits })
}

/**
 * Call a channel as the page does: the arguments validated by the handler table's contract
 * first (a deal becomes a `ValidDeal` there, with the store's validator), then the handler.
 * A refused call rejects with the typed error, as a handler's own failure does.
 */
export async function ipcCall<K extends Channel>(handlers: HandlerTable, channel: K, ...args: ChannelInput<K>): Promise<ChannelResults[K]> {
  const result = await invokeChannel(handlers, channel, args)
  if (!result.ok) throw Object.assign(new Error(result.error.message), { appError: result.error })
  return result.value as ChannelResults[K]
}
