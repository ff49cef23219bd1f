#!/usr/bin/env node
// `npm run bench` (after `npm run build`): every target side by side with its baseline, in
// one run on one machine. Writes bench/results.json and prints (and writes bench/results.md)
// a Markdown table. Not part of `npm test`. BENCH_QUICK=1 does one repetition of each
// gesture (a smoke run, not for the record).
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const bench = join(root, 'bench')
const partialDir = join(bench, '.partial')
const started = Date.now()
const loadAtStart = os.loadavg()

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

if (!existsSync(join(root, 'out/renderer/index.html')) || !existsSync(join(root, 'out/main/index.js'))) {
  console.error('bench: the app is not built; run `npm run build` first (`npm run bench` does).')
  process.exit(1)
}

console.log('bench: building the baseline pages (bench/baseline, same vite + React plugin as the renderer)')
run(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(bench, 'baseline/vite.config.ts')])

// Main-process start: the built main bundle under Node with 'electron' stubbed, from process
// start to the BrowserWindow being constructed; baseline: a main that only creates a window.
console.log('bench: main-process start (Node, electron stubbed)')
function mainStart(script) {
  const dataDir = join(os.tmpdir(), `war-room-bench-main-data-${process.pid}`)
  const out = run(process.execPath, ['--import', join(bench, 'main-start/register.mjs'), script], { env: { ...process.env, WAR_ROOM_DATA_DIR: dataDir } })
  rmSync(dataDir, { recursive: true, force: true })
  return JSON.parse(out.trim().split('\n').pop())
}
const ours = []
const bare = []
for (let i = 0; i < 11; i++) {
  const o = mainStart(join(root, 'out/main/index.js'))
  const b = mainStart(join(bench, 'main-start/bare-main.mjs'))
  if (i < 2) continue // warm-ups: the file cache
  ours.push(o)
  bare.push(b)
}
const mainMs = median(ours.map((r) => r.windowCreatedMs))
const bareMs = median(bare.map((r) => r.windowCreatedMs))
const mainRow = {
  id: 'main-start', what: 'Main-process start: process start → modules loaded → window created (Node, electron stubbed)',
  ours: round(mainMs), baseline: round(bareMs), unit: 'ms', ratio: mainMs / bareMs, target: 'measured (no budget)', pass: null,
  note: 'out/main/index.js under Node with a stub electron module (no Electron binary runs here): Node start-up, loading and running main\'s modules, handler and menu set-up, the window-state read, up to `new BrowserWindow`. Electron\'s own start and page load are not included (the open row covers the page). Baseline: a main module that only creates a window, same loader. 2 warm-ups, 9 paired runs, medians',
  detail: { modulesLoadedMs: round(median(ours.map((r) => r.modulesLoadedMs))), bareModulesLoadedMs: round(median(bare.map((r) => r.modulesLoadedMs))) },
}

console.log('bench: save, analysis, export (Node) and canvas, open, memory (Chromium) through vitest')
rmSync(partialDir, { recursive: true, force: true })
const vitest = spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', join(bench, 'vitest.config.ts')], { cwd: root, stdio: 'inherit', env: process.env })
if (vitest.status !== 0) {
  console.error('bench: a suite failed; the rows it finished are still reported')
}

const partials = Object.fromEntries(existsSync(partialDir) ? readdirSync(partialDir).map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(partialDir, f), 'utf8'))]) : [])
const ORDER = ['canvas-pan-fps-1000', 'canvas-pan-p95-1000', 'canvas-drag-fps-1000', 'canvas-drag-p95-1000', 'canvas-pan-fps-2500', 'canvas-drag-fps-2500',
  'open-1000', 'main-start', 'save-1mb', 'save-1mb-ipc', 'save-5mb', 'analysis-1000', 'analysis-slope', 'export-1000', 'export-template-1000', 'memory-1000', 'tidy-1000',
  'capture-20-keys', 'capture-20-ms']
// Every suite (bench/suites/*.run.ts) writes its rows to .partial/<suite>.json; all are reported.
const all = [mainRow, ...Object.values(partials).flatMap((p) => p.rows ?? [])]
const rows = [...all].sort((a, b) => (ORDER.indexOf(a.id) + 1 || 99) - (ORDER.indexOf(b.id) + 1 || 99))

const machine = {
  cpus: os.availableParallelism(),
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  memoryGiB: round(os.totalmem() / 2 ** 30),
  freeMemoryGiB: round(os.freemem() / 2 ** 30),
  platform: `${os.type()} ${os.release()} ${os.arch()}`,
  node: process.version,
  chromium: partials.browser?.chromium ?? 'not run',
  loadAverageAtStart: loadAtStart.map((n) => round(n, 2)),
  loadAverageAtEnd: os.loadavg().map((n) => round(n, 2)),
}

const fmt = (n) => (n === null || n === undefined || Number.isNaN(n) ? '—' : Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-US') : String(round(n, Math.abs(n) < 10 ? 2 : 1)))
const verdict = (pass) => (pass === null ? 'reported' : pass ? '**pass**' : '**FAIL**')
const table = [
  '| What | Ours | Baseline | Ratio | Target | Result |',
  '|---|---:|---:|---:|---|---|',
  ...rows.map((r) => `| ${r.what} | ${fmt(r.ours)} ${r.unit} | ${r.baseline === null ? '—' : `${fmt(r.baseline)} ${r.unit}`} | ${r.ratio === null ? '—' : fmt(r.ratio)} | ${r.target} | ${verdict(r.pass)} |`),
].join('\n')
const about = `${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB RAM, ${machine.platform}, Node ${machine.node}, Chromium ${machine.chromium}; load average ${machine.loadAverageAtStart.join(' / ')} at start, ${machine.loadAverageAtEnd.join(' / ')} at end; ${Math.round((Date.now() - started) / 1000)} s`

writeFileSync(join(bench, 'results.json'), JSON.stringify({ date: new Date().toISOString(), quick: Boolean(process.env.BENCH_QUICK), machine, rows }, null, 2) + '\n')
writeFileSync(join(bench, 'results.md'), `${table}\n\n${about}\n`)
console.log(`\n${table}\n\n${about}\n\nbench: wrote bench/results.json and bench/results.md`)
process.exit(vitest.status === 0 ? 0 : 1)
