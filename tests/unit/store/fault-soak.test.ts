import { readdir, readFile, stat } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Channel, Result } from '@shared/ipc'
import { newStakeholder, parseDealFile, toDealFile, type Deal, type Seller } from '@shared/model'
import { createHandlers } from '../../../electron/main/handlers'
import { invokeChannel } from '../../../electron/main/ipc'
import { nodeDurableFs, type DurableFs } from '../../../electron/main/store'
import { tempDir } from './helpers'

/**
 * The fault soak: random operations through the real IPC entry (argument validation, handler
 * table, stores, durable writes) while the disk fails now and then (EIO, ENOSPC, EMFILE at any
 * call: read, open, write, fsync, rename, listing) and the clock jumps back and forth. Between
 * rounds the app "restarts" (a new handler table on the same folder, a healthy disk). The
 * promise: every acknowledged change is still there, nothing older comes back, and every file
 * in the data folder is whole and valid. `npm run test:stress` runs 2,000 operations.
 */
const OPERATIONS = process.env.STRESS === '1' ? 2_000 : 240
const ROUND = 60
const FAULT_CODES = ['EIO', 'ENOSPC', 'EMFILE'] as const

/** A small seeded generator, so a failing run can be replayed with SOAK_SEED. */
function random(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] }
}

/** The real fs with every call (and every call on an open file) able to fail while `rate` > 0. */
function flakyFs(rng: ReturnType<typeof random>) {
  const state = { rate: 0, injected: 0 }
  const maybeFail = (what: string) => {
    if (state.rate > 0 && rng.next() < state.rate) {
      state.injected++
      const code = rng.pick(FAULT_CODES)
      throw Object.assign(new Error(`${code}: injected at ${what}`), { code })
    }
  }
  const wrap = <T extends object>(target: T, label: string): T =>
    new Proxy(target, {
      get(obj, key, receiver) {
        const value = Reflect.get(obj, key, receiver) as unknown
        if (typeof value !== 'function') return value
        return async (...args: unknown[]) => {
          // A close that fails (EIO at close) still frees the descriptor on POSIX, so the real
          // handle is closed before the injected error is thrown.
          if (key === 'close') {
            await (value as () => Promise<void>).apply(obj)
            maybeFail(`${label}.close`)
            return
          }
          maybeFail(`${label}.${String(key)}`)
          const result = await (value as (...a: unknown[]) => unknown).apply(obj, args)
          return key === 'open' && result && typeof result === 'object' ? wrap(result as object, 'handle') : result
        }
      },
    })
  const fs = wrap({ ...nodeDurableFs }, 'fs') as DurableFs
  return { fs, state }
}

/** A clock that mostly moves forwards by minutes, and sometimes jumps a year back or days ahead. */
function jumpingClock(rng: ReturnType<typeof random>) {
  let now = Date.parse('2026-03-12T09:00:00.000Z')
  let jumps = 0
  const clock = () => new Date(now)
  const tick = () => {
    const roll = rng.next()
    if (roll < 0.04) {
      now -= 365 * 24 * 3600_000
      jumps++
    } else if (roll < 0.08) {
      now += rng.int(40) * 24 * 3600_000
      jumps++
    } else now += rng.int(12) * 60_000
  }
  return { clock, tick, jumps: () => jumps }
}

/** What the user was told was saved, and what was attempted after it (any of those may be on disk). */
interface DealTruth {
  acked: string
  laterAttempts: Set<string>
  /** A restore that failed part way may have put any backup's state in place. */
  anyBackup?: boolean
}

/**
 * Through the IPC entry, as the page calls. With no other program touching the folder, a
 * failure may only be the disk's (a typed io error), never a conflict or an internal error.
 */
async function call<T>(handlers: ReturnType<typeof createHandlers>, channel: Channel, ...args: unknown[]): Promise<Result<T>> {
  const result = (await invokeChannel(handlers, channel, args)) as Result<T>
  if (!result.ok && !['io', 'not-found'].includes(result.error.code)) {
    throw new Error(`${channel} answered ${result.error.code}: ${result.error.message}`)
  }
  return result
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = []
  async function walk(d: string) {
    for (const name of await readdir(d)) {
      const path = join(d, name)
      if ((await stat(path)).isDirectory()) await walk(path)
      else out.push(path)
    }
  }
  await walk(dir)
  return out
}

describe('fault soak', () => {
  it(`${OPERATIONS} random operations with injected EIO/ENOSPC/EMFILE and a jumping clock lose no acknowledged state and leave every file valid`, async () => {
    const seed = Number(process.env.SOAK_SEED ?? Math.floor(Math.random() * 2 ** 31))
    const rng = random(seed)
    const dataDir = await tempDir('war-room-soak-')
    const { fs, state } = flakyFs(rng)
    const time = jumpingClock(rng)
    const dialogs = { saveFile: async (name: string) => join(dataDir, '..', `${relative('/', dataDir).replace(/\//g, '_')}-${name}`), openFile: async () => null }
    const start = () => createHandlers({ dataDir, dialogs, fs, clock: time.clock })

    const truth = new Map<string, DealTruth>()
    const snapshots = new Map<string, Set<string>>()
    const sellers = new Set<string>()
    const counts: Record<string, { ok: number; failed: number }> = {}
    const note = (op: string, ok: boolean) => {
      counts[op] ??= { ok: 0, failed: 0 }
      counts[op][ok ? 'ok' : 'failed']++
    }
    let version = 0
    let handlers = start()

    // First run on a healthy disk: the sample deal.
    const first = await call<{ deals: Array<{ id: string }> }>(handlers, 'workspace:load')
    expect(first.ok).toBe(true)
    for (const { id } of first.ok ? first.value.deals : []) {
      const opened = await call<{ deal: Deal }>(handlers, 'deal:open', id)
      if (opened.ok) truth.set(id, { acked: opened.value.deal.notes ?? '', laterAttempts: new Set() })
    }

    async function checkAfterRestart(label: string) {
      state.rate = 0
      handlers = start()
      const loaded = await call<{ deals: Array<{ id: string }>; damaged: unknown[]; roster: Array<{ id: string }>; notices: unknown[] }>(handlers, 'workspace:load')
      expect(loaded.ok, `${label}: workspace loads (seed ${seed})`).toBe(true)
      if (!loaded.ok) return
      expect(loaded.value.damaged, `${label}: no deal is damaged (seed ${seed})`).toEqual([])
      const listed = new Set(loaded.value.deals.map((d) => d.id))
      for (const [id, t] of truth) {
        expect(listed.has(id), `${label}: deal ${id} is listed (seed ${seed})`).toBe(true)
        const opened = await call<{ deal: Deal }>(handlers, 'deal:open', id)
        expect(opened.ok, `${label}: deal ${id} opens (seed ${seed})`).toBe(true)
        if (!opened.ok) continue
        const onDisk = opened.value.deal.notes ?? ''
        const allowed = onDisk === t.acked || t.laterAttempts.has(onDisk) || t.anyBackup === true
        expect(allowed, `${label}: deal ${id} holds "${onDisk}", acknowledged "${t.acked}" (seed ${seed})`).toBe(true)
        truth.set(id, { acked: onDisk, laterAttempts: new Set() })
      }
      for (const [dealId, ids] of snapshots) {
        const listedSnapshots = await call<Array<{ id: string }>>(handlers, 'snapshot:list', dealId)
        expect(listedSnapshots.ok, `${label}: snapshots of ${dealId} list (seed ${seed})`).toBe(true)
        if (listedSnapshots.ok) for (const id of ids) expect(listedSnapshots.value.some((s) => s.id === id), `${label}: snapshot ${id} kept (seed ${seed})`).toBe(true)
      }
      const roster = new Set(loaded.value.roster.map((s) => s.id))
      for (const id of sellers) expect(roster.has(id), `${label}: seller ${id} kept (seed ${seed})`).toBe(true)
    }

    const operations: Array<[string, number, () => Promise<void>]> = [
      ['save', 10, async () => {
        const id = rng.pick([...truth.keys()])
        const opened = await call<{ deal: Deal }>(handlers, 'deal:open', id)
        note('open', opened.ok)
        if (!opened.ok) return
        const notes = `soak v${++version}`
        const deal = { ...opened.value.deal, notes }
        if (rng.next() < 0.3) deal.stakeholders = [...deal.stakeholders, newStakeholder({ name: `Person ${version}`, position: { x: rng.int(2000), y: rng.int(2000) } })]
        const t = truth.get(id)!
        t.laterAttempts.add(notes)
        const saved = await call(handlers, 'deal:save', deal)
        note('save', saved.ok)
        if (saved.ok) truth.set(id, { acked: notes, laterAttempts: new Set() })
      }],
      ['create', 1, async () => {
        const created = await call<Deal>(handlers, 'deal:create', { name: `Soak deal ${++version}`, customer: 'AT&T <Soak>' })
        note('create', created.ok)
        // A create that failed may still have left its file; only acknowledged deals are promised.
        if (created.ok) truth.set(created.value.id, { acked: created.value.notes ?? '', laterAttempts: new Set() })
      }],
      ['snapshot', 2, async () => {
        const id = rng.pick([...truth.keys()])
        const saved = await call<{ id: string }>(handlers, 'snapshot:save', id, `Review ${++version}`)
        note('snapshot', saved.ok)
        if (saved.ok) snapshots.set(id, new Set([...(snapshots.get(id) ?? []), saved.value.id]))
      }],
      ['restore', 1, async () => {
        const id = rng.pick([...truth.keys()])
        const backups = await call<Array<{ id: string; valid: boolean }>>(handlers, 'deal:backups', id)
        note('list-backups', backups.ok)
        if (!backups.ok || backups.value.length === 0) return
        const chosen = rng.pick(backups.value)
        const t = truth.get(id)!
        const restored = await call<Deal>(handlers, 'deal:restore-backup', id, chosen.id)
        note('restore', restored.ok)
        if (restored.ok) truth.set(id, { acked: restored.value.notes ?? '', laterAttempts: new Set() })
        else t.anyBackup = true
      }],
      ['import', 1, async () => {
        const id = rng.pick([...truth.keys()])
        const opened = await call<{ deal: Deal }>(handlers, 'deal:open', id)
        if (!opened.ok) return
        const ws = await call<{ roster: Seller[] }>(handlers, 'workspace:load')
        if (!ws.ok) return
        const text = JSON.stringify(toDealFile(opened.value.deal, ws.value.roster))
        const imported = await call<Deal>(handlers, 'deal:import', text, { asCopy: true })
        note('import', imported.ok)
        if (imported.ok) truth.set(imported.value.id, { acked: imported.value.notes ?? '', laterAttempts: new Set() })
      }],
      ['roster', 1, async () => {
        const seller = { id: `soak-seller-${++version}`, name: `Seller ${version}`, kinds: ['account'], level: 'senior' }
        const saved = await call(handlers, 'roster:save', seller)
        note('roster', saved.ok)
        if (saved.ok) sellers.add(seller.id)
      }],
      ['read', 3, async () => {
        const loaded = await call(handlers, 'workspace:load')
        note('read', loaded.ok)
      }],
    ]
    const weighted = operations.flatMap((op) => Array.from({ length: op[1] }, () => op))

    for (let done = 0; done < OPERATIONS; done++) {
      time.tick()
      state.rate = rng.next() < 0.5 ? 0 : 0.02 + rng.next() * 0.1
      const [name, , run] = rng.pick(weighted)
      await run().catch((error) => {
        throw new Error(`${name} threw instead of answering a typed error (seed ${seed}): ${(error as Error).stack}`)
      })
      if ((done + 1) % ROUND === 0) await checkAfterRestart(`after ${done + 1} operations`)
    }
    await checkAfterRestart('at the end')

    // Every file left in the data folder is whole: JSON parses, deal files validate.
    for (const path of await filesUnder(dataDir)) {
      const rel = relative(dataDir, path)
      expect(rel.endsWith('.tmp'), `${rel} is a torn temp file (seed ${seed})`).toBe(false)
      expect(rel.includes('.corrupt-'), `${rel}: a good file was set aside as damaged (seed ${seed})`).toBe(false)
      const text = await readFile(path, 'utf8')
      if (rel.startsWith('deals/')) expect(parseDealFile(text).ok, `${rel} validates (seed ${seed})`).toBe(true)
      else if (rel.endsWith('.json')) expect(() => JSON.parse(text), `${rel} parses (seed ${seed})`).not.toThrow()
    }
    const total = Object.values(counts).reduce((n, c) => n + c.ok + c.failed, 0)
    console.log(`fault soak (seed ${seed}): ${OPERATIONS} operations (${total} calls: ${JSON.stringify(counts)}), ${state.injected} faults injected, ${time.jumps()} clock jumps, ${truth.size} deals checked, losses 0`)
    expect(state.injected).toBeGreaterThan(0)
  }, 600_000)
})
