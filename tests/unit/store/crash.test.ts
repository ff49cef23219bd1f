import { spawn } from 'node:child_process'
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { parseDealFile, toDealFile } from '@shared/model'
import { sampleWorkspace } from '@shared/sample-deal'
import { tempDir } from './helpers'

const KILLS = process.env.STRESS === '1' ? 200 : 25
const STORE = join(import.meta.dirname, '../../../electron/main/store')
const SHARED = join(import.meta.dirname, '../../../shared')

/** Transpile the real durable writer (and the shared helper it imports) to plain .mjs so a bare `node` child can run it. */
async function buildWriterModule(dir: string): Promise<void> {
  const sources = [join(STORE, 'durable-write.ts'), join(STORE, 'durable-fs.ts'), join(STORE, 'held-target.ts'), join(SHARED, 'bytes.ts')]
  for (const path of sources) {
    const source = await readFile(path, 'utf8')
    const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } })
    const name = path.split('/').pop()!.replace(/\.ts$/, '.mjs')
    await writeFile(join(dir, name), outputText.replace(/from '\.\/(durable-fs|held-target)'/g, "from './$1.mjs'").replace(/from '@shared\/bytes'/g, "from './bytes.mjs'"))
  }
}

/** Versions of the sample deal of very different sizes, so a torn write could not pass as whole. */
function versions(): string[] {
  const { deal, roster } = sampleWorkspace('2026-03-12')
  return Array.from({ length: 12 }, (_, v) => {
    const notes = `version ${v} `.repeat(40 + v * 60).slice(0, 10_000)
    const stakeholders = deal.stakeholders.map((s) => ({ ...s, notes }))
    return JSON.stringify(toDealFile({ ...deal, notes: `version ${v}`, stakeholders }, roster), null, 2)
  })
}

function runUntilKilled(args: string[], delayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let saves = 0
    let killed = false
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    child.stdout.on('data', (d: Buffer) => {
      saves += d.toString().split('\n').filter(Boolean).length
      if (!killed) {
        killed = true
        setTimeout(() => child.kill('SIGKILL'), delayMs)
      }
    })
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(saves) : reject(new Error(`child ended without being killed: ${stderr}`))))
  })
}

describe('crash during write', () => {
  it(`after each of ${KILLS} SIGKILLs mid-save the deal file parses, validates and equals one written version`, async () => {
    const dir = await tempDir('war-room-crash-')
    await buildWriterModule(dir)
    const all = versions()
    const versionsFile = join(dir, 'versions.json')
    await writeFile(versionsFile, JSON.stringify(all))
    const target = join(dir, 'deals', 'deal.json')
    const child = join(import.meta.dirname, 'crash-child.mjs')
    const known = new Set(all)

    let survived = 0
    let totalSaves = 0
    for (let k = 0; k < KILLS; k++) {
      totalSaves += await runUntilKilled([child, dir, target, versionsFile], Math.floor(Math.random() * 40))
      const text = await readFile(target, 'utf8')
      expect(known.has(text)).toBe(true)
      expect(parseDealFile(text).ok).toBe(true)
      survived++
    }
    expect(survived).toBe(KILLS)
    expect(totalSaves).toBeGreaterThan(KILLS) // the kills landed while saves were going on
    console.log(`crash test: ${survived} kills survived, ${totalSaves} completed saves observed, ${(await readdir(join(dir, 'deals'))).length - 1} torn temp files left aside`)
  }, 600_000)
})
