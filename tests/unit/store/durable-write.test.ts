import { open, readFile, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DurableJSONFile, nodeDurableFs, writeFileDurably, type DurableFs } from '../../../electron/main/store'
import { Low } from 'lowdb'
import { tempDir } from './helpers'

/** An fs that logs every open, write, fsync, close and rename in order. */
function instrumentedFs() {
  const log: string[] = []
  const fs: DurableFs = {
    ...nodeDurableFs,
    async open(path, flags) {
      const handle = await nodeDurableFs.open(path, flags)
      const name = path.split(/[\\/]/).pop()!
      const what = flags === 'r' ? `dir` : name.endsWith('.tmp') ? 'temp' : name
      return {
        writeFile: async (data) => {
          log.push(`write ${what}`)
          await handle.writeFile(data)
        },
        sync: async () => {
          log.push(`fsync ${what}`)
          await handle.sync()
        },
        close: async () => {
          await handle.close()
        },
      }
    },
    async rename(from, to) {
      log.push(`rename temp -> ${to.split(/[\\/]/).pop()}`)
      await nodeDurableFs.rename(from, to)
    },
  }
  return { fs, log }
}

describe('durable write', () => {
  it('fsyncs the temp file before the rename and the folder after it, all before the save resolves', async () => {
    const dir = await tempDir()
    const { fs, log } = instrumentedFs()
    const path = join(dir, 'deal.json')
    await writeFileDurably(fs, path, '{"v":1}')
    expect(log).toEqual(['write temp', 'fsync temp', 'rename temp -> deal.json', 'fsync dir'])
    expect(await readFile(path, 'utf8')).toBe('{"v":1}')
  })

  it('syncs a temp file with fdatasync when the handle has it (node does), still before the rename, and fsyncs the folder after', async () => {
    const dir = await tempDir()
    const log: string[] = []
    const fs: DurableFs = {
      ...nodeDurableFs,
      async open(path, flags) {
        const handle = await open(path, flags)
        const what = flags === 'r' ? 'dir' : 'temp'
        return {
          writeFile: (data) => handle.writeFile(data),
          sync: async () => {
            log.push(`fsync ${what}`)
            await handle.sync()
          },
          datasync: async () => {
            log.push(`fdatasync ${what}`)
            await handle.datasync()
          },
          close: () => handle.close(),
        }
      },
      async rename(from, to) {
        log.push('rename')
        await nodeDurableFs.rename(from, to)
      },
    }
    await writeFileDurably(fs, join(dir, 'deal.json'), '{"v":2}')
    expect(log).toEqual(['fdatasync temp', 'rename', 'fsync dir'])
    // The store's real fs hands out node's FileHandle, which has fdatasync.
    const real = await nodeDurableFs.open(join(dir, 'probe'), 'w')
    expect(typeof real.datasync).toBe('function')
    await real.close()
  })

  it('works as a lowdb adapter that really writes to disk (even under NODE_ENV=test)', async () => {
    const dir = await tempDir()
    const { fs, log } = instrumentedFs()
    const db = new Low(new DurableJSONFile<{ n: number }>(join(dir, 'x.json'), fs), { n: 0 })
    db.data.n = 42
    await db.write()
    expect(log.at(-1)).toBe('fsync dir')
    const again = new Low(new DurableJSONFile<{ n: number }>(join(dir, 'x.json')), { n: 0 })
    await again.read()
    expect(again.data.n).toBe(42)
  })

  it('1,000 overlapping saves of one file end with the last state on disk', async () => {
    const dir = await tempDir()
    const db = new Low(new DurableJSONFile<{ n: number }>(join(dir, 'deal.json')), { n: 0 })
    const saves: Promise<void>[] = []
    for (let n = 1; n <= 1000; n++) {
      db.data = { n }
      saves.push(db.write())
    }
    await Promise.all(saves)
    expect(JSON.parse(await readFile(join(dir, 'deal.json'), 'utf8'))).toEqual({ n: 1000 })
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })

  it('writes pieces in order, as one file, also when the disk takes them a few bytes at a time', async () => {
    const dir = await tempDir()
    const encoder = new TextEncoder()
    const pieces = Array.from({ length: 3000 }, (_, i) => encoder.encode(i % 7 === 0 ? '' : `piece ${i}, ünïcode ${i % 13};`))
    const expected = pieces.map((p) => new TextDecoder().decode(p)).join('')
    await writeFileDurably(nodeDurableFs, join(dir, 'whole.json'), pieces)
    expect(await readFile(join(dir, 'whole.json'), 'utf8')).toBe(expected)
    // A disk that accepts at most 5,001 bytes per gathered write.
    const stingy: DurableFs = {
      ...nodeDurableFs,
      async open(path, flags) {
        const handle = await open(path, flags)
        return {
          writeFile: (data) => handle.writeFile(data),
          writev: async (buffers) => {
            const joined = Buffer.concat(buffers.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength)))
            return handle.write(joined.subarray(0, 5001))
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        }
      },
    }
    await writeFileDurably(stingy, join(dir, 'stingy.json'), pieces)
    expect(await readFile(join(dir, 'stingy.json'), 'utf8')).toBe(expected)
  })

  it('hands thousands of pieces, past IOV_MAX (1,024), to one gathered write that writes them all, in order', async () => {
    const dir = await tempDir()
    const encoder = new TextEncoder()
    const pieces = Array.from({ length: 2500 }, (_, i) => encoder.encode(`{"n": ${i}},\n`))
    const calls: number[] = []
    const counting: DurableFs = {
      ...nodeDurableFs,
      async open(path, flags) {
        const handle = await open(path, flags)
        return {
          writeFile: (data) => handle.writeFile(data),
          // node's own gathered write: libuv writes past IOV_MAX inside the one request.
          writev: async (buffers) => {
            calls.push(buffers.length)
            return handle.writev(buffers.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength)))
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        }
      },
    }
    await writeFileDurably(counting, join(dir, 'many.json'), pieces)
    expect(await readFile(join(dir, 'many.json'), 'utf8')).toBe(pieces.map((p) => new TextDecoder().decode(p)).join(''))
    expect(calls).toEqual([2500])
  })

  it('makes its folder again when it was removed between two writes', async () => {
    const dir = await tempDir()
    const path = join(dir, 'nested', 'deal.json')
    await writeFileDurably(nodeDurableFs, path, 'first\n')
    await rm(join(dir, 'nested'), { recursive: true })
    await writeFileDurably(nodeDurableFs, path, 'second\n')
    expect(await readFile(path, 'utf8')).toBe('second\n')
  })

  it('leaves the old file intact and no temp file behind when the write fails', async () => {
    const dir = await tempDir()
    const path = join(dir, 'deal.json')
    await writeFileDurably(nodeDurableFs, path, 'old')
    const failing: DurableFs = { ...nodeDurableFs, rename: async () => { throw Object.assign(new Error('nope'), { code: 'ENOSPC' }) } }
    await expect(writeFileDurably(failing, path, 'new')).rejects.toMatchObject({ code: 'ENOSPC' })
    expect(await readFile(path, 'utf8')).toBe('old')
    expect(await readdir(dir)).toEqual(['deal.json'])
  })
})
