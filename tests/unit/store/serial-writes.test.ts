import { readdirSync, readFileSync, statSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDealFile, type Deal } from '@shared/model'
import { createHandlers } from '../../../electron/main/handlers'
import { nodeDurableFs, type DurableFs } from '../../../electron/main/store'
import { ipcCall, manualClock, MINUTES, tempDir } from './helpers'

const ROOT = resolve(import.meta.dirname, '../../..')
const SAMPLE_ID = 'sample-harbor-city-core-banking'
const noDialogs = { saveFile: async () => null, openFile: async () => null }

/**
 * Where raw file writes may appear: the serial writer and what it is built on (the durable
 * write, the fs adapter). Everything else writes with `writeSerialized` or inside
 * `withWriteSlot`, so two changes of one file never overlap.
 */
const ALLOWED = new Map([
  ['electron/main/store/serial-writer.ts', 'the serial writer itself'],
  ['electron/main/store/durable-write.ts', 'the durable write the serial writer runs'],
  ['electron/main/store/durable-fs.ts', 'the fs adapter (names the calls, makes none of its own)'],
  ['electron/cli/cli-fs.ts', "the CLI's fs adapter"],
  // One process, one output file outside the data folder, placed without replacing (a hard
  // link, EEXIST if it appeared meanwhile): no other write of ours can race it.
  ['electron/cli/output.ts', "the CLI's one output file"],
  // `serve --create-tokens` makes the server's own folder; the tokens file goes through writeSerialized.
  ['electron/cli/commands/serve.ts', "the server's first folder (mkdir)"],
])

const RAW_WRITES: Array<[RegExp, string]> = [
  [/\bwriteFileDurably\s*\(/, 'writeFileDurably'],
  [/\.rename\s*\(/, 'rename'],
  [/\.link\s*\(/, 'link'],
  [/\.writeFile\s*\(|\bwriteFileSync\s*\(/, 'writeFile'],
  [/\bcopyFile(Sync)?\s*\(/, 'copyFile'],
  [/\bappendFile(Sync)?\s*\(/, 'appendFile'],
  [/\bcreateWriteStream\s*\(/, 'createWriteStream'],
  [/\.open\s*\([^)]*['"][wa]\+?['"]/, 'open for writing'],
]
/** What may be imported from node:fs outside the adapters: reading only. */
const READ_ONLY_FS = new Set(['readFile', 'readFileSync', 'stat', 'statSync', 'lstat', 'readdir', 'readdirSync', 'access', 'existsSync', 'realpath', 'watch', 'FSWatcher', 'type FSWatcher'])

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx|mjs)$/.test(name) ? [path] : []
  })
}

/** Raw writes outside the allowed modules, as `file:line: what`. */
function bypasses(): string[] {
  const found: string[] = []
  for (const path of sourceFiles(join(ROOT, 'electron'))) {
    const file = relative(ROOT, path).replaceAll('\\', '/')
    if (ALLOWED.has(file)) continue
    const text = readFileSync(path, 'utf8')
    text.split('\n').forEach((line, i) => {
      if (/^\s*(\*|\/\/)/.test(line)) return // comments
      for (const [pattern, what] of RAW_WRITES) if (pattern.test(line)) found.push(`${file}:${i + 1}: ${what}`)
    })
    for (const m of text.matchAll(/import\s+(\*\s+as\s+\w+|\{([^}]*)\})\s+from\s+['"](node:)?fs(\/promises)?['"]/g)) {
      const names = m[2] ? m[2].split(',').map((n) => n.trim().split(/\s+as\s+/)[0]).filter(Boolean) : ['* (namespace)']
      for (const name of names) if (!READ_ONLY_FS.has(name)) found.push(`${file}: imports ${name} from node:fs`)
    }
  }
  return found
}

/**
 * An fs that notices two changes of one file at once: a durable write (temp file opened →
 * renamed over the target) that starts while another to the same target is under way, or a
 * file moved or deleted while a write to it is under way. fsync is slowed so writes overlap
 * when nothing orders them.
 */
function overlapRecordingFs(): { fs: DurableFs; overlaps: string[]; writes: () => number } {
  const inFlight = new Map<string, number>()
  const overlaps: string[] = []
  let writes = 0
  const targetOfTemp = (path: string) => {
    const m = /^\.(.+)\.\d+\.\d+\.tmp$/.exec(basename(path))
    return m ? join(dirname(path), m[1]) : null
  }
  const end = (target: string) => inFlight.set(target, (inFlight.get(target) ?? 1) - 1)
  const fs: DurableFs = {
    ...nodeDurableFs,
    async open(path, flags) {
      const target = flags === 'w' ? targetOfTemp(path) : null
      if (target) {
        if ((inFlight.get(target) ?? 0) > 0) overlaps.push(`two writes of ${basename(target)} at once`)
        inFlight.set(target, (inFlight.get(target) ?? 0) + 1)
      }
      const handle = await nodeDurableFs.open(path, flags)
      return {
        writeFile: (d) => handle.writeFile(d),
        writev: handle.writev ? (b) => handle.writev!(b) : undefined,
        async sync() {
          await new Promise((r) => setTimeout(r, 3))
          await handle.sync()
        },
        close: () => handle.close(),
      }
    },
    async rename(from, to) {
      const target = targetOfTemp(from)
      if (target) {
        writes++
        end(target)
      } else {
        for (const p of [from, to]) if ((inFlight.get(p) ?? 0) > 0) overlaps.push(`${basename(from)} moved while a write of ${basename(p)} was under way`)
      }
      return nodeDurableFs.rename(from, to)
    },
    async unlink(path) {
      const target = targetOfTemp(path)
      if (target) end(target)
      else if ((inFlight.get(path) ?? 0) > 0) overlaps.push(`${basename(path)} deleted while a write of it was under way`)
      return nodeDurableFs.unlink(path)
    },
  }
  return { fs, overlaps, writes: () => writes }
}

describe('every write goes through the serial writer', () => {
  it('no module outside the serial writer writes, renames or copies a file itself', () => {
    expect(bypasses()).toEqual([])
  })

  it('the rule sees a raw write (it would catch a new bypass)', () => {
    const line = "    await writeFileDurably(this.deps.fs, path, chosen)"
    expect(RAW_WRITES.some(([p]) => p.test(line))).toBe(true)
    expect(RAW_WRITES.some(([p]) => p.test('await this.deps.fs.rename(file.path, aside)'))).toBe(true)
  })

  it('recovery, restore, saves and conflict resolution of one deal never change its file at the same time, and opening it never reports a backed-up deal as damaged', async () => {
    for (const stagger of [0, 1, 2, 4, 6]) {
      const dataDir = await tempDir()
      const clock = manualClock()
      const first = createHandlers({ dataDir, dialogs: noDialogs, clock })
      await first['workspace:load']()
      const { deal } = await first['deal:open'](SAMPLE_ID)
      clock.advance(10 * MINUTES)
      await ipcCall(first, 'deal:save', { ...deal, notes: 'in a backup' })
      // Damaged on disk before the next start: opening it sets it aside and restores a backup.
      await writeFile(join(dataDir, 'deals', `${SAMPLE_ID}.json`), '{"truncated": ')

      const recording = overlapRecordingFs()
      // Not loaded first: the deals list would find the damage and recover it before the race.
      const h = createHandlers({ dataDir, dialogs: noDialogs, clock, fs: recording.fs })
      const later = (ms: number) => new Promise((r) => setTimeout(r, ms * stagger))
      const save = (notes: string, wait: number) => later(wait).then(() => ipcCall(h, 'deal:save', { ...deal, notes } as Deal))
      const outcomes = await Promise.allSettled([
        h['deal:open'](SAMPLE_ID), // recovery: set aside, restore the newest valid backup
        h['workspace:load'](), // the deals list loads (and would recover) every deal
        save('edit 1', 0),
        save('edit 2', 1),
        later(2).then(() => h['deal:restore-backup'](SAMPLE_ID, 'newest')),
        save('edit 3', 3),
        later(3).then(() => ipcCall(h, 'deal:resolve-conflict', { choice: 'keep-mine', mine: { ...deal, notes: 'mine' }, copyName: 'x' })),
        save('edit 4', 5),
      ])

      expect(recording.overlaps, `stagger ${stagger}`).toEqual([])
      expect(recording.writes()).toBeGreaterThan(3)
      // Opening it found the damage and restored the backup; a save racing it did not make it "damaged".
      expect(outcomes[0].status, `stagger ${stagger}`).toBe('fulfilled')
      // Whatever order they ran in, the file is one whole, valid version.
      const stored = parseDealFile(readFileSync(join(dataDir, 'deals', `${SAMPLE_ID}.json`), 'utf8'))
      expect(stored.ok, JSON.stringify(outcomes.filter((o) => o.status === 'rejected'))).toBe(true)
    }
  })
})
