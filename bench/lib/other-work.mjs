import { readdirSync, readFileSync } from 'node:fs'

/**
 * How much CPU other work takes while the bench runs: the 1-minute load average counts the
 * bench's own Chromium and Node, so on 2 cores a quiet run still ends at a load near 2. This
 * reads /proc (Linux) every sample: the busy time of every process that is not the bench or
 * one of its descendants, as a share of the cores. Elsewhere it reports nothing and the load
 * average is all the run has (docs/performance.md, "Reading a run").
 */
const TICKS_PER_SECOND = 100 // USER_HZ on Linux

function processTable() {
  const table = new Map()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      // The command may hold spaces and parentheses: fields start after the last ")".
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      table.set(Number(name), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) })
    } catch {
      // The process ended while it was read.
    }
  }
  return table
}

function isBench(pid, table, root) {
  for (let p = pid, hops = 0; p > 1 && hops < 64; hops++) {
    if (p === root) return true
    p = table.get(p)?.ppid ?? 0
  }
  return false
}

/** Starts sampling; `stop()` answers the mean and the peak share of the cores other work used. */
export function sampleOtherWork(cores, everyMs = 2000) {
  let available = true
  try {
    readdirSync('/proc')
    readFileSync('/proc/self/stat')
  } catch {
    available = false
  }
  if (!available) return { measures: false, stop: () => null }
  let last = processTable()
  let lastAt = performance.now()
  const started = lastAt
  let otherTicks = 0
  let peak = 0
  const sample = () => {
    const now = processTable()
    const at = performance.now()
    let ticks = 0
    for (const [pid, p] of now) {
      if (isBench(pid, now, process.pid)) continue
      const before = last.get(pid)?.ticks ?? p.ticks // a process started meanwhile counts from now
      ticks += Math.max(0, p.ticks - before)
    }
    otherTicks += ticks
    const seconds = (at - lastAt) / 1000
    if (seconds > 0) peak = Math.max(peak, ticks / TICKS_PER_SECOND / seconds / cores)
    last = now
    lastAt = at
  }
  const timer = setInterval(sample, everyMs)
  return {
    measures: true,
    stop() {
      clearInterval(timer)
      sample()
      const seconds = (performance.now() - started) / 1000
      return { meanShare: seconds > 0 ? otherTicks / TICKS_PER_SECOND / seconds / cores : 0, peakShare: peak }
    },
  }
}
