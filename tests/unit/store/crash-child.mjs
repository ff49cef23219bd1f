// Child process for the crash test: saves deal versions in a loop through the real durable
// writer (transpiled by the test into `moduleDir`) until it is killed with SIGKILL.
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { join } from 'node:path'

const [moduleDir, target, versionsFile] = process.argv.slice(2)
const { writeFileDurably } = await import(pathToFileURL(join(moduleDir, 'durable-write.mjs')).href)
const { nodeDurableFs } = await import(pathToFileURL(join(moduleDir, 'durable-fs.mjs')).href)
const versions = JSON.parse(readFileSync(versionsFile, 'utf8'))

let i = Math.floor(Math.random() * versions.length)
for (;;) {
  await writeFileDurably(nodeDurableFs, target, versions[i % versions.length])
  process.stdout.write(`saved ${i}\n`)
  i++
}
