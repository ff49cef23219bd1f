import { existsSync } from 'node:fs'
import { link, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { nodeCliFs, type CliFs } from '../../../electron/cli/cli-fs'
import { snapshotTree, tempDir } from '../store/helpers'
import { slideXmls } from '../deck/deck-helpers'
import { cli, dataFolder, dealCopy, TODAY, VALID } from './helpers'

// The deck the CLI writes never costs the user a file: not the input, not an older deck.

const PREVIOUS = 'the previous deck, byte for byte'
/**
 * The default slides of the valid fixture: title, map, team, relationships, and the risks with
 * the next actions on one slide.
 */
const DEFAULT_SLIDE_COUNT = 5

/** The real disk, except that writing into a file stops with ENOSPC after half of it. */
function fullDiskFs(): CliFs {
  return {
    ...nodeCliFs,
    async open(path, flags) {
      const handle = await nodeCliFs.open(path, flags)
      if (flags === 'r') return handle
      return {
        async writeFile(data) {
          const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data
          await handle.writeFile(bytes.subarray(0, bytes.length >> 1))
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      }
    },
  }
}

describe('export never writes over its input', () => {
  it('refuses the deal file itself as the output, in any spelling, even with --force', async () => {
    const dir = await tempDir()
    const input = await dealCopy(dir, 'deal.pptx') // a deal file may have any name
    await symlink(input, join(dir, 'link.pptx'))
    await link(input, join(dir, 'hard.pptx')) // another name for the same file, as a different case is on a case-insensitive disk
    const before = await snapshotTree(dir)
    const before_cwd = process.cwd()
    process.chdir(dir)
    try {
      for (const out of [input, './deal.pptx', join(dir, '.', 'deal.pptx'), join(dir, '..', dir.split('/').at(-1)!, 'deal.pptx'), 'link.pptx', 'hard.pptx']) {
        for (const force of [[], ['--force']]) {
          const r = await cli(['export', 'deal.pptx', '--pptx', out, '--today', TODAY, ...force])
          expect(r.code, `${out} ${force}`).toBe(1)
          expect(r.stderr).toBe(`Cannot write ${out}: it is the deal file being exported (deal.pptx); choose another file\n`)
        }
      }
      // The input given through a symlink, the output by its real name.
      expect((await cli(['export', 'link.pptx', '--pptx', 'deal.pptx', '--force'])).code).toBe(1)
    } finally {
      process.chdir(before_cwd)
    }
    expect(await snapshotTree(dir)).toEqual(before)
  })

  it('refuses to write anywhere inside the data folder it reads (workspace.json, a deal file, a new file)', async () => {
    const dir = await tempDir()
    const data = join(dir, 'data')
    const id = await dataFolder(data)
    await symlink(data, join(dir, 'alias'))
    const before = await snapshotTree(data)
    for (const out of [join(data, 'workspace.json'), join(data, 'deals', `${id}.json`), join(data, 'deck.pptx'), join(dir, 'alias', 'deals', 'new.pptx')]) {
      const r = await cli(['export', '--data', data, '--deal', id, '--pptx', out, '--force', '--today', TODAY])
      expect(r, out).toMatchObject({ code: 1, stderr: `Cannot write ${out}: it is inside the data folder ${data}; choose a file outside it\n` })
    }
    expect(await snapshotTree(data)).toEqual(before)
  })
})

describe('export keeps an existing file unless --force', () => {
  it('without --force an existing output is left alone: exit 1, nothing written', async () => {
    const dir = await tempDir()
    const out = join(dir, 'deck.pptx')
    await writeFile(out, PREVIOUS)
    const r = await cli(['export', VALID, '--pptx', out, '--today', TODAY])
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: `${out} exists; use --force to replace it\n` })
    expect(await readFile(out, 'utf8')).toBe(PREVIOUS)
    expect(await readdir(dir)).toEqual(['deck.pptx'])
  })

  it('with --force the output is replaced by the complete new deck', async () => {
    const dir = await tempDir()
    const out = join(dir, 'deck.pptx')
    await writeFile(out, PREVIOUS)
    const r = await cli(['export', VALID, '--pptx', out, '--force', '--today', TODAY])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    expect(await slideXmls(await readFile(out))).toHaveLength(DEFAULT_SLIDE_COUNT)
    expect(await readdir(dir)).toEqual(['deck.pptx'])
  })

  it('with --force a symlink as the output is replaced by the deck; the file it pointed at stays', async () => {
    const dir = await tempDir()
    const target = join(dir, 'elsewhere.pptx')
    await writeFile(target, PREVIOUS)
    await symlink(target, join(dir, 'deck.pptx'))
    expect((await cli(['export', VALID, '--pptx', join(dir, 'deck.pptx'), '--today', TODAY])).code).toBe(1)
    expect((await cli(['export', VALID, '--pptx', join(dir, 'deck.pptx'), '--force', '--today', TODAY])).code).toBe(0)
    expect(await readFile(target, 'utf8')).toBe(PREVIOUS)
    expect(await slideXmls(await readFile(join(dir, 'deck.pptx')))).toHaveLength(DEFAULT_SLIDE_COUNT)
  })

  it('a file that appears at the output while the deck is being written is not replaced without --force', async () => {
    const dir = await tempDir()
    const out = join(dir, 'deck.pptx')
    const racing: CliFs = {
      ...nodeCliFs,
      async open(path, flags) {
        if (flags === 'w' && !existsSync(out)) await writeFile(out, PREVIOUS) // another program, mid-write
        return nodeCliFs.open(path, flags)
      },
    }
    const r = await cli(['export', VALID, '--pptx', out, '--today', TODAY], racing)
    expect(r).toMatchObject({ code: 1, stderr: `${out} exists; use --force to replace it\n` })
    expect(await readFile(out, 'utf8')).toBe(PREVIOUS)
    expect(await readdir(dir)).toEqual(['deck.pptx'])
  })

  it('an output that is a folder, or in a folder that does not exist or is a file, is refused and no folder is made', async () => {
    const dir = await tempDir()
    await mkdir(join(dir, 'taken.pptx'))
    await writeFile(join(dir, 'plain'), 'x')
    expect(await cli(['export', VALID, '--pptx', join(dir, 'taken.pptx'), '--force'])).toMatchObject({ code: 1, stderr: `Cannot write ${join(dir, 'taken.pptx')}: it is a folder\n` })
    expect(await cli(['export', VALID, '--pptx', join(dir, 'no', 'such', 'deck.pptx')])).toMatchObject({ code: 1, stderr: `Cannot write ${join(dir, 'no', 'such', 'deck.pptx')}: the folder ${join(dir, 'no', 'such')} does not exist\n` })
    expect(await cli(['export', VALID, '--pptx', join(dir, 'plain', 'deck.pptx')])).toMatchObject({ code: 1, stderr: `Cannot write ${join(dir, 'plain', 'deck.pptx')}: ${join(dir, 'plain')} is not a folder\n` })
    expect((await readdir(dir)).sort()).toEqual(['plain', 'taken.pptx'])
  })
})

describe('export writes durably', () => {
  it('a full disk mid-write leaves the previous deck byte-identical and no temp file behind', async () => {
    const dir = await tempDir()
    const out = join(dir, 'deck.pptx')
    await writeFile(out, PREVIOUS)
    const r = await cli(['export', VALID, '--pptx', out, '--force', '--today', TODAY], fullDiskFs())
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: `Cannot write ${out}: the disk is full; ${out} was left as it was\n` })
    expect(await readFile(out, 'utf8')).toBe(PREVIOUS)
    expect(await readdir(dir)).toEqual(['deck.pptx'])
  })

  it('a full disk when there was no deck yet leaves no file at all', async () => {
    const dir = await tempDir()
    const out = join(dir, 'deck.pptx')
    const r = await cli(['export', VALID, '--pptx', out, '--today', TODAY], fullDiskFs())
    expect(r).toMatchObject({ code: 1, stderr: `Cannot write ${out}: the disk is full\n` })
    expect(await readdir(dir)).toEqual([])
  })

  it('the deck goes to a temp file that is fsynced before it takes the output name; then the folder is fsynced', async () => {
    for (const force of [[], ['--force']]) {
      const dir = await tempDir()
      const out = join(dir, 'deck.pptx')
      if (force.length) await writeFile(out, PREVIOUS)
      const log: string[] = []
      const isTemp = (p: string) => dirname(p) === dir && basename(p).startsWith('.') && p.endsWith('.tmp') && p.includes('deck.pptx')
      const name = (p: string) => (p === out ? 'OUT' : p === dir ? 'DIR' : isTemp(p) ? 'TEMP' : p)
      const recording: CliFs = {
        ...nodeCliFs,
        async open(path, flags) {
          const handle = await nodeCliFs.open(path, flags)
          log.push(`open ${name(path)}`)
          return {
            writeFile: async (d) => (log.push(`write ${name(path)}`), handle.writeFile(d)),
            sync: async () => (log.push(`fsync ${name(path)}`), handle.sync()),
            close: () => handle.close(),
          }
        },
        rename: async (a, b) => (log.push(`rename ${name(a)} ${name(b)}`), nodeCliFs.rename(a, b)),
        link: async (a, b) => (log.push(`link ${name(a)} ${name(b)}`), nodeCliFs.link(a, b)),
        unlink: async (a) => (log.push(`unlink ${name(a)}`), nodeCliFs.unlink(a)),
      }
      expect((await cli(['export', VALID, '--pptx', out, '--today', TODAY, ...force], recording)).code).toBe(0)
      const effects = log.filter((l) => !l.startsWith('open DIR') && !l.startsWith('open TEMP'))
      if (force.length) expect(effects).toEqual(['write TEMP', 'fsync TEMP', 'rename TEMP OUT', 'fsync DIR'])
      else expect(effects).toEqual(['write TEMP', 'fsync TEMP', 'rename TEMP TEMP', 'fsync DIR', 'link TEMP OUT', 'unlink TEMP', 'fsync DIR'])
      expect(await readdir(dir)).toEqual(['deck.pptx'])
    }
  })
})
