#!/usr/bin/env node
// Runs the end-to-end specs in the best mode this machine allows and says which and why.
//   Electron mode: the real app through Playwright's _electron (needs a runnable Electron
//                  binary and a display; uses xvfb-run when there is no DISPLAY).
//   Chromium mode: the built renderer in Chromium, window.api bridged to main's handlers.
// E2E_MODE=chromium|electron forces a mode. Extra arguments go to vitest (e.g. a spec path).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '../..')
const require = createRequire(join(root, 'package.json'))

function lastLine(text) {
  return (text ?? '').trim().split('\n').filter(Boolean).pop() ?? ''
}

/** The line of a crash report that names the cause ("TypeError: fetch failed"), else the last. */
function causeLine(text) {
  const lines = (text ?? '').split('\n').map((l) => l.trim()).filter(Boolean)
  return lines.find((l) => /^\w*Error\b/.test(l)) ?? lines.pop() ?? ''
}

function which(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim() || null
}

/** The Electron binary, or why there is none. Requiring 'electron' downloads it on first use. */
function probeElectron() {
  let electronDir
  try {
    electronDir = dirname(require.resolve('electron/package.json'))
  } catch {
    return { ok: false, why: 'the electron package is not installed' }
  }
  const resolved = spawnSync(process.execPath, ['-e', 'process.stdout.write(require("electron"))'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 300_000, // the first run downloads ~100 MB
  })
  if (resolved.status !== 0 || !resolved.stdout) {
    const detail = causeLine(resolved.stderr) || resolved.error?.message || `exit ${resolved.status}`
    return { ok: false, why: `no Electron binary in ${electronDir} and it could not be downloaded (${detail})` }
  }
  const binary = lastLine(resolved.stdout) // after any "Downloading Electron binary..." line
  // Run it as Node: proves the binary and its shared libraries load, without needing a display.
  const version = spawnSync(binary, ['-e', 'process.stdout.write("v" + process.versions.electron)'], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  })
  if (version.status !== 0 || !version.stdout.startsWith('v')) {
    const detail = causeLine(version.stderr) || version.error?.message || `exit ${version.status}`
    return { ok: false, why: `the Electron binary at ${binary} does not run (${detail})` }
  }
  return { ok: true, binary, version: version.stdout.trim() }
}

function chooseMode() {
  const forced = process.env.E2E_MODE
  if (forced && forced !== 'chromium' && forced !== 'electron') throw new Error(`E2E_MODE must be chromium or electron, not ${forced}`)
  if (forced === 'chromium') return { mode: 'chromium', why: 'E2E_MODE=chromium', skipped: 'Electron mode not tried: E2E_MODE=chromium' }
  const electron = probeElectron()
  if (!electron.ok) {
    if (forced === 'electron') throw new Error(`E2E_MODE=electron but ${electron.why}`)
    return { mode: 'chromium', why: 'fallback', skipped: `Electron mode skipped: ${electron.why}` }
  }
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) || process.platform !== 'linux'
  const xvfb = hasDisplay ? null : which('xvfb-run')
  if (!hasDisplay && !xvfb) {
    const why = 'no display (DISPLAY unset) and no xvfb-run to make one (apt-get install xvfb)'
    if (forced === 'electron') throw new Error(`E2E_MODE=electron but ${why}`)
    return { mode: 'chromium', why: 'fallback', skipped: `Electron mode skipped: ${why}` }
  }
  return {
    mode: 'electron',
    why: `Electron ${electron.version} runs here${xvfb ? ' (under xvfb-run)' : ''}`,
    skipped: 'Chromium mode not run: Electron mode covers the real app',
    binary: electron.binary,
    xvfb,
  }
}

const choice = chooseMode()
const mainBuilt = existsSync(join(root, 'out/renderer/index.html')) && existsSync(join(root, 'out/main/index.js'))
if (!mainBuilt) {
  console.error('e2e: the app is not built; run `npm run build` first (npm test does).')
  process.exit(1)
}
console.log(`e2e: running in ${choice.mode.toUpperCase()} mode — ${choice.mode === 'chromium' ? `built renderer in ${process.env.CHROME_PATH ?? '/usr/bin/chromium'}, window.api bridged to main's handlers over real files` : choice.why}`)
console.log(`e2e: ${choice.skipped}`)

const vitest = [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--project', 'e2e', ...process.argv.slice(2)]
const env = { ...process.env, E2E_MODE: choice.mode, ...(choice.binary ? { E2E_ELECTRON_PATH: choice.binary } : {}) }
const [command, args] = choice.xvfb ? [choice.xvfb, ['-a', '-s', '-screen 0 1440x900x24', process.execPath, ...vitest]] : [process.execPath, vitest]
const run = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' })
console.log(`e2e: ${choice.mode} mode ${run.status === 0 ? 'passed' : 'FAILED'}`)
process.exit(run.status ?? 1)
