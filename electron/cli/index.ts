#!/usr/bin/env node
// The headless command line: plain Node, no Electron.
import { runCli } from './run'

runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
}).then(
  (code) => {
    process.exitCode = code
    // A stopped server is done: Hocuspocus's per-connection timers (30 s) must not hold it open.
    if (process.argv[2] === 'serve') process.exit(code)
  },
  (error: unknown) => {
    console.error(error)
    process.exitCode = 1
  },
)
