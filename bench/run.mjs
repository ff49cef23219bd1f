#!/usr/bin/env node
// `npm run bench` (after `npm run build`): every target side by side with its baseline, in
// one run on one machine. Writes bench/results.json and prints (and writes bench/results.md)
// a Markdown table. Not part of `npm test`. BENCH_QUICK=1 does one repetition of each
// gesture (a smoke run, not for the record). BENCH_ONLY=open,save,analysis,export runs only
// those groups (bench/lib/only.ts lists them); such a run is not a record either.
// The machine and its load are printed at the start and the end, and a WARN says when the
// load makes the run no record (docs/performance.md, "Reading a run").
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join, resolve } from 'node:path'
import { sampleOtherWork } from './lib/other-work.mjs'

const root = resolve(import.meta.dirname, '..')
const bench = join(root, 'bench')
const partialDir = join(bench, '.partial')
const started = Date.now()
const loadAtStart = os.loadavg()
const cores = os.availableParallelism()
// Above this 1-minute load the cores are shared with other work and the figures are no record.
const BUSY_LOAD = 0.7 * cores
// Other processes' share of the cores (bench/lib/other-work.mjs) above which the run is no record.
const OTHER_WORK_MEAN = 0.1
const OTHER_WORK_PEAK = 0.5
const only = (process.env.BENCH_ONLY ?? '').split(',').map((g) => g.trim().toLowerCase()).filter(Boolean)
const wants = (group) => only.length === 0 || only.includes(group)
// Which suite holds which groups (bench/lib/only.ts); a suite none of whose groups is wanted is not started.
const SUITES = { 'bench/suites/node.run.ts': ['save', 'analysis', 'export', 'hostile', 'csv', 'tidy'], 'bench/suites/browser.run.ts': ['canvas', 'memory', 'open'], 'bench/suites/capture.run.ts': ['capture'], 'bench/suites/collab-core.run.ts': ['collab'], 'bench/suites/collab.run.ts': ['collab'], 'bench/suites/collab-app.run.ts': ['collab'] }

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', ...options })
  if (result.status !== 0) {
    console.error(result.stdout ?? '', result.stderr ?? '')
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`)
  }
  return result.stdout ?? ''
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.ceil(sorted.length / 2) - 1]
}
const round = (n, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits

// The same browser the suites launch (tests/e2e/harness/mode.ts chromiumPath).
const chromiumAtStart = (() => {
  const r = spawnSync(process.env.CHROME_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8' })
  return (r.stdout ?? '').trim().split('\n')[0] || 'not found'
})()
const machineLine = () => `${cores} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${round(os.totalmem() / 2 ** 30)} GiB RAM (${round(os.freemem() / 2 ** 30)} free), ${os.type()} ${os.release()} ${os.arch()}, Node ${process.version}, ${chromiumAtStart}`
const loadLine = (load) => `load average ${load.map((n) => round(n, 2)).join(' / ')} (1 / 5 / 15 min) on ${cores} cores`
const warnings = []
function checkLoad(when, load) {
  if (load[0] > BUSY_LOAD) {
    const text = `WARN: 1-minute load ${round(load[0], 2)} at ${when} is above ${round(BUSY_LOAD, 2)} (0.7 × ${cores} cores): other work shares the cores, this run is not a record`
    warnings.push(text)
    console.warn(`bench: ${text}`)
  }
}
console.log(`bench: machine: ${machineLine()}`)
console.log(`bench: at start: ${loadLine(loadAtStart)}${only.length ? `; BENCH_ONLY=${only.join(',')} (a partial run, not a record)` : ''}`)
// The load average counts the bench's own Chromium (and `npm run bench`'s build just before):
// what decides a record is the CPU other work takes while the suites run.
const otherWork = sampleOtherWork(cores)
if (!otherWork.measures) checkLoad('the start', loadAtStart)
// The load while the suites run, sampled every 2 s (the 1-minute figure lags; the peak is reported).
let peakLoad = loadAtStart[0]
const sampler = setInterval(() => { peakLoad = Math.max(peakLoad, os.loadavg()[0]) }, 2000)

if (!existsSync(join(root, 'out/renderer/index.html')) || !existsSync(join(root, 'out/main/index.js'))) {
  console.error('bench: the app is not built; run `npm run build` first (`npm run bench` does).')
  process.exit(1)
}

if (['canvas', 'memory', 'open', 'collab'].some(wants)) console.log('bench: building the baseline pages (bench/baseline, same vite + React plugin as the renderer)')
if (['canvas', 'memory', 'open', 'collab'].some(wants)) run(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(bench, 'baseline/vite.config.ts')])

// Main-process start: the built main bundle under Node with 'electron' stubbed, from process
// start to the BrowserWindow being constructed; baseline: a main that only creates a window.
if (wants('main')) console.log('bench: main-process start (Node, electron stubbed)')
function mainStart(script) {
  const dataDir = join(os.tmpdir(), `war-room-bench-main-data-${process.pid}`)
  const out = run(process.execPath, ['--import', join(bench, 'main-start/register.mjs'), script], { env: { ...process.env, WAR_ROOM_DATA_DIR: dataDir } })
  rmSync(dataDir, { recursive: true, force: true })
  return JSON.parse(out.trim().split('\n').pop())
}
const ours = []
const bare = []
for (let i = 0; i < (wants('main') ? 11 : 0); i++) {
  const o = mainStart(join(root, 'out/main/index.js'))
  const b = mainStart(join(bench, 'main-start/bare-main.mjs'))
  if (i < 2) continue // warm-ups: the file cache
  ours.push(o)
  bare.push(b)
}
const mainMs = ours.length === 0 ? NaN : median(ours.map((r) => r.windowCreatedMs))
const bareMs = ours.length === 0 ? NaN : median(bare.map((r) => r.windowCreatedMs))
const mainRow = {
  id: 'main-start', what: 'Main-process start: process start → modules loaded → window created (Node, electron stubbed)',
  ours: round(mainMs), baseline: round(bareMs), unit: 'ms', ratio: mainMs / bareMs, target: 'measured (no budget)', pass: null,
  note: 'out/main/index.js under Node with a stub electron module (no Electron binary runs here): Node start-up, loading and running main\'s modules, handler and menu set-up, the window-state read, up to `new BrowserWindow`. Electron\'s own start and page load are not included (the open row covers the page). Baseline: a main module that only creates a window, same loader. 2 warm-ups, 9 paired runs, medians',
  detail: ours.length === 0 ? {} : { modulesLoadedMs: round(median(ours.map((r) => r.modulesLoadedMs))), bareModulesLoadedMs: round(median(bare.map((r) => r.modulesLoadedMs))) },
}

console.log('bench: save, analysis, export (Node) and canvas, open, memory (Chromium) through vitest')
rmSync(partialDir, { recursive: true, force: true })
const suites = Object.entries(SUITES).filter(([, groups]) => groups.some(wants)).map(([file]) => file)
// Spawned, not spawnSync: the load sampler keeps running while the suites do.
const vitest = suites.length === 0 ? { status: 0 } : await new Promise((done) => {
  const child = spawn(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', join(bench, 'vitest.config.ts'), ...suites], { cwd: root, stdio: 'inherit', env: process.env })
  child.on('exit', (status) => done({ status }))
})
clearInterval(sampler)
if (vitest.status !== 0) {
  console.error('bench: a suite failed; the rows it finished are still reported')
}

const partials = Object.fromEntries(existsSync(partialDir) ? readdirSync(partialDir).map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(partialDir, f), 'utf8'))]) : [])
const ORDER = ['canvas-pan-fps-1000', 'canvas-pan-p95-1000', 'canvas-drag-fps-1000', 'canvas-drag-p95-1000', 'canvas-pan-fps-2500', 'canvas-drag-fps-2500',
  'open-1000', 'main-start', 'save-1mb', 'save-5mb', 'save-1mb-whole', 'analysis-1000', 'analysis-slope', 'export-1000', 'export-template-1000', 'memory-1000', 'tidy-1000',
  'capture-20-keys', 'capture-20-ms']
// Every suite (bench/suites/*.run.ts) writes its rows to .partial/<suite>.json; all are reported.
const all = [...(wants('main') ? [mainRow] : []), ...Object.values(partials).flatMap((p) => p.rows ?? [])]
const rows = [...all].sort((a, b) => (ORDER.indexOf(a.id) + 1 || 99) - (ORDER.indexOf(b.id) + 1 || 99))

const loadAtEnd = os.loadavg()
peakLoad = Math.max(peakLoad, loadAtEnd[0])
const others = otherWork.stop()
if (others) {
  // Other processes' CPU, measured: the bench's own load does not make a run no record.
  console.log(`bench: other work took ${round(100 * others.meanShare)}% of the cores on average, ${round(100 * others.peakShare)}% at its peak (2 s samples)`)
  if (others.meanShare > OTHER_WORK_MEAN || others.peakShare > OTHER_WORK_PEAK) {
    const text = `WARN: other work took ${round(100 * others.meanShare)}% of the cores on average (${round(100 * others.peakShare)}% at its peak) while the bench ran: the cores were shared, this run is not a record`
    warnings.push(text)
    console.warn(`bench: ${text}`)
  }
} else {
  checkLoad('the end', loadAtEnd)
  if (peakLoad > BUSY_LOAD && loadAtStart[0] <= BUSY_LOAD && loadAtEnd[0] <= BUSY_LOAD) checkLoad('its peak during the run', [peakLoad])
}
const machine = {
  cpus: cores,
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  memoryGiB: round(os.totalmem() / 2 ** 30),
  freeMemoryGiB: round(os.freemem() / 2 ** 30),
  platform: `${os.type()} ${os.release()} ${os.arch()}`,
  node: process.version,
  chromium: partials.browser?.chromium ?? chromiumAtStart,
  loadAverageAtStart: loadAtStart.map((n) => round(n, 2)),
  loadAverageAtEnd: loadAtEnd.map((n) => round(n, 2)),
  peakOneMinuteLoad: round(peakLoad, 2),
  otherWorkShare: others ? { mean: round(others.meanShare, 3), peak: round(others.peakShare, 3) } : null,
  busyLoadThreshold: round(BUSY_LOAD, 2),
  record: warnings.length === 0 && only.length === 0 && !process.env.BENCH_QUICK,
}

const fmt = (n) => (n === null || n === undefined || Number.isNaN(n) ? '—' : Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-US') : String(round(n, Math.abs(n) < 10 ? 2 : 1)))
// Every row shows ours, the peer, the ratio, the goal and pass/fail; a row with no peer says so.
const verdict = (pass) => (pass === null ? 'reported' : pass ? '**pass**' : '**FAIL**')
const table = [
  '| What | Ours | Peer (baseline) | Ratio | Goal | Result |',
  '|---|---:|---:|---:|---|---|',
  ...rows.map((r) => `| ${r.what} | ${fmt(r.ours)} ${r.unit} | ${r.baseline === null ? '—' : `${fmt(r.baseline)} ${r.unit}`} | ${r.ratio === null ? '—' : fmt(r.ratio)} | ${r.target} | ${verdict(r.pass)} |`),
].join('\n')
const about = [
  `${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB RAM, ${machine.platform}, Node ${machine.node}, Chromium ${machine.chromium}; load average ${machine.loadAverageAtStart.join(' / ')} at start, ${machine.loadAverageAtEnd.join(' / ')} at end (1-minute peak ${machine.peakOneMinuteLoad}); ${Math.round((Date.now() - started) / 1000)} s${only.length ? `; BENCH_ONLY=${only.join(',')}` : ''}${process.env.BENCH_QUICK ? '; BENCH_QUICK' : ''}`,
  ...warnings.map((w) => `**${w}**`),
  ...(others ? [`Other work took ${round(100 * others.meanShare)}% of the cores on average, ${round(100 * others.peakShare)}% at its peak (the load average above includes the bench's own browser).`] : []),
  ...(machine.record ? [] : warnings.length ? [] : ['(a partial or quick run: not a record)']),
].join('\n\n')

writeFileSync(join(bench, 'results.json'), JSON.stringify({ date: new Date().toISOString(), quick: Boolean(process.env.BENCH_QUICK), only: only.length ? only : null, warnings, machine, rows }, null, 2) + '\n')
writeFileSync(join(bench, 'results.md'), `${table}\n\n${about}\n`)
console.log(`\nbench: at end: ${loadLine(loadAtEnd)}`)
console.log(`\n${table}\n\n${about}\n\nbench: wrote bench/results.json and bench/results.md`)
process.exit(vitest.status === 0 ? 0 : 1)
