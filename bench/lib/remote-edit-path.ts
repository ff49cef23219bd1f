import { PerformanceObserver } from 'node:perf_hooks'
import type { Page } from 'playwright-core'
import { DealSync } from '../../electron/collab/deal-sync'
import { RemoteUpdates } from '../../electron/collab/remote-updates'
import { ShadowChecks } from '../../electron/server/shadow-checks'
import { median, round } from './stats'

/**
 * Where a remote edit's time goes (bench row collab-remote-edit-p95, docs/collaboration-app.md
 * "Measured"): stamps on the one machine clock (`performance.timeOrigin + performance.now()` in each process: Date.now's whole milliseconds hid every segment's size) as edit n (`bench-title-n`) passes
 * A's main (DealSync.apply), the server (its shadow check) and B's main (the checked batch
 * applied, the deal derived and pushed), then B's page (the pushed event). The page ends are
 * the suite's own stamps. Wraps prototypes in this process only (the harness runs main here).
 */
type Stamp = 'aMainIn' | 'aMainOut' | 'serverIn' | 'serverOut' | 'bMainIn' | 'bMainOut' | 'bPageEvent'
const stamps = new Map<string, Partial<Record<Stamp, number>>>()
const numberIn = (bytes: Uint8Array | string): string | null => /bench-title-(\d+)/.exec(typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('latin1'))?.[1] ?? null
const now = () => performance.timeOrigin + performance.now()
const stamp = (n: string | null, what: Stamp, at = now()) => {
  if (n === null) return
  const s = stamps.get(n) ?? {}
  s[what] ??= at
  stamps.set(n, s)
}

/** Main-process GC pauses (this one Node process runs A's main, the server and B's main), on the same clock. */
const gcPauses: Array<{ at: number; ms: number }> = []
/** Held here: an observer nothing refers to is collected and stops reporting. */
let gcObserver: PerformanceObserver | null = null

export function tracePath(): void {
  const origin = performance.timeOrigin
  gcObserver?.disconnect()
  gcObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcPauses.push({ at: origin + e.startTime, ms: e.duration })
  })
  gcObserver.observe({ entryTypes: ['gc'] })
  const apply = DealSync.prototype.apply
  DealSync.prototype.apply = function (this: DealSync, commands, mergeKey) {
    const n = numberIn(JSON.stringify(commands))
    stamp(n, 'aMainIn')
    const newStep = apply.call(this, commands, mergeKey)
    stamp(n, 'aMainOut')
    return newStep
  }
  const check = ShadowChecks.prototype.checkAndApply
  ShadowChecks.prototype.checkAndApply = function (this: ShadowChecks, document, update, origin) {
    const n = numberIn(update)
    stamp(n, 'serverIn')
    const result = check.call(this, document, update, origin)
    stamp(n, 'serverOut')
    return result
  }
  const proto = RemoteUpdates.prototype as unknown as { applyNow: () => void }
  const applyNow = proto.applyNow
  proto.applyNow = function (this: { batch: Uint8Array[] }) {
    const ns = this.batch.map(numberIn)
    for (const n of ns) stamp(n, 'bMainIn')
    applyNow.call(this)
    for (const n of ns) stamp(n, 'bMainOut')
  }
}

/** B's page stamps each pushed event that carries edit n. */
export async function stampPushes(page: Page, event: string): Promise<void> {
  await page.exposeFunction('__benchPushed', (n: string, at: number) => stamp(n, 'bPageEvent', at))
  await page.evaluate((name) => {
    window.addEventListener(name, (e) => {
      const n = /bench-title-(\d+)/.exec(JSON.stringify((e as CustomEvent).detail))?.[1]
      // Stamped in the page: the binding's trip back to Node is not part of the path.
      if (n) void (window as unknown as { __benchPushed: (n: string, at: number) => void }).__benchPushed(n, performance.timeOrigin + performance.now())
    })
  }, event)
}

/** Median ms per segment over edits `from…` with page stamps `sent` (A's page) and `seen` (B's DOM). */
export function pathSegments(sent: Map<number, number>, seen: Map<number, number>): Record<string, number> {
  const out: Record<string, number> = {}
  for (const [name, of] of segmentsOf(sent, seen)) {
    const values = [...sent.keys()].map((n) => of(stamps.get(String(n)) ?? {}, n)).filter((v): v is number => v !== undefined)
    out[name] = round(median(values), 1)
  }
  return out
}

/**
 * The slowest edits (at or above the `p`th percentile of the whole path), each with its own
 * segments and the main-process GC pauses inside its window: where the tail comes from, which
 * the medians hide (docs/collaboration-app.md, "Measured").
 */
export function tailSegments(sent: Map<number, number>, seen: Map<number, number>, p = 90): Array<Record<string, number>> {
  const total = (n: number) => (seen.get(n) ?? 0) - (sent.get(n) ?? 0)
  const all = [...sent.keys()].map(total).sort((x, y) => x - y)
  const cut = all[Math.max(0, Math.ceil((p / 100) * all.length) - 1)]
  return [...sent.keys()].filter((n) => total(n) >= cut).sort((x, y) => total(y) - total(x)).map((n) => {
    const s = stamps.get(String(n)) ?? {}
    const out: Record<string, number> = { edit: n, total: round(total(n), 1) }
    for (const [name, of] of segmentsOf(sent, seen)) out[name] = round(of(s, n) ?? NaN, 1)
    const [from, to] = [sent.get(n) ?? 0, seen.get(n) ?? 0]
    out['main GC in window'] = round(gcPauses.filter((g) => g.at < to && g.at + g.ms > from).reduce((sum, g) => sum + g.ms, 0), 1)
    return out
  })
}

function segmentsOf(sent: Map<number, number>, seen: Map<number, number>): Array<[string, (s: Partial<Record<Stamp, number>>, n: number) => number | undefined]> {
  return [
    ["A's page → A's main (IPC)", (s, n) => sub(s.aMainIn, sent.get(n))],
    ["A's main: command → doc → socket", (s) => sub(s.aMainOut, s.aMainIn)],
    ['socket → server check', (s) => sub(s.serverIn, s.aMainOut)],
    ['server check + apply', (s) => sub(s.serverOut, s.serverIn)],
    ["server → B's main (batched)", (s) => sub(s.bMainIn, s.serverOut)],
    ["B's main: check, apply, derive, push", (s) => sub(s.bMainOut, s.bMainIn)],
    ["B's main → B's page (push)", (s) => sub(s.bPageEvent, s.bMainOut)],
    ["B's page: event → DOM (React)", (s, n) => sub(seen.get(n), s.bPageEvent)],
  ]
}
const sub = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : a - b)
