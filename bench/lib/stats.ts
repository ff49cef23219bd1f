import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** Where each suite drops its rows; bench/run.mjs merges them into bench/results.json. */
export const PARTIAL_DIR = resolve(import.meta.dirname, '../.partial')

export function median(values: readonly number[]): number {
  return percentile(values, 50)
}

/** Nearest-rank percentile (p in 0..100) of unsorted values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank]
}

/** Least-squares slope of log(y) against log(x): 1.0 is linear growth. */
export function logLogSlope(points: ReadonlyArray<{ x: number; y: number }>): number {
  const xs = points.map((p) => Math.log(p.x))
  const ys = points.map((p) => Math.log(p.y))
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length
  const my = ys.reduce((a, b) => a + b, 0) / ys.length
  let num = 0
  let den = 0
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i] - mx) * (ys[i] - my)
    den += (xs[i] - mx) ** 2
  }
  return num / den
}

export interface Row {
  /** Stable key, e.g. "save-1mb". */
  id: string
  what: string
  ours: number
  /** null when the row has no baseline of its own (a scaling slope, an absolute budget). */
  baseline: number | null
  unit: string
  /** ours / baseline, when there is a baseline. */
  ratio: number | null
  target: string
  /** null: measured and reported, no budget to pass or fail. */
  pass: boolean | null
  /** How it was measured, what it includes; goes to results.json. */
  note?: string
  detail?: Record<string, unknown>
}

export function row(fields: Omit<Row, 'ratio'> & { ratio?: number | null }): Row {
  const ratio = fields.ratio !== undefined ? fields.ratio : fields.baseline ? fields.ours / fields.baseline : null
  return { ...fields, ratio }
}

export function writePartial(name: string, rows: Row[], extra: Record<string, unknown> = {}): void {
  mkdirSync(PARTIAL_DIR, { recursive: true })
  writeFileSync(join(PARTIAL_DIR, `${name}.json`), JSON.stringify({ rows, ...extra }, null, 2))
}

/** Run `fn` `warmups` times unmeasured, then `reps` times; milliseconds per run. */
export async function timeRuns(fn: () => unknown, reps: number, warmups = 2): Promise<number[]> {
  for (let i = 0; i < warmups; i++) await fn()
  const times: number[] = []
  for (let i = 0; i < reps; i++) {
    const start = performance.now()
    await fn()
    times.push(performance.now() - start)
  }
  return times
}

/**
 * Time two functions in alternation (a, b, a, b, …) so both see the same machine noise;
 * returns the runs of each after the warm-ups.
 */
export async function timePaired(a: () => unknown, b: () => unknown, reps: number, warmups = 2): Promise<{ a: number[]; b: number[] }> {
  for (let i = 0; i < warmups; i++) {
    await a()
    await b()
  }
  const out = { a: [] as number[], b: [] as number[] }
  for (let i = 0; i < reps; i++) {
    for (const [fn, into] of [[a, out.a], [b, out.b]] as const) {
      const start = performance.now()
      await fn()
      into.push(performance.now() - start)
    }
  }
  return out
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits
