import { existsSync } from 'node:fs'
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readArgs, readText, UsageError } from '../../../electron/cli/inputs'
import { nodeCliFs, type CliFs } from '../../../electron/cli/cli-fs'
import { LIMITS } from '@shared/model'
import { snapshotTree, tempDir } from '../store/helpers'
import { cli, dataFolder, sparseFile, TODAY, VALID } from './helpers'

// What every command does with the words it is given: flags, values, paths.

describe('flag values', () => {
  it('a flag followed by another flag has no value: "--data --json" is a usage error, not a folder named --json', async () => {
    const cwd = await tempDir()
    const before = process.cwd()
    process.chdir(cwd)
    try {
      for (const [flag, argv] of [
        ['--data', ['list', '--data', '--json']],
        ['--data', ['analyze', '--data', '--json']],
        ['--data', ['export', '--data', '--deal', 'x', '--pptx', 'd.pptx']],
        ['--pptx', ['export', VALID, '--pptx', '--force']],
        ['--today', ['analyze', VALID, '--today', '--json']],
      ] as const) {
        const r = await cli([...argv])
        expect(r.code, argv.join(' ')).toBe(2)
        expect(r.stderr).toMatch(new RegExp(`^${flag} needs a value\n\nUsage:`))
      }
      expect(await readdir(cwd)).toEqual([]) // no folder or file named --json, --force, …
    } finally {
      process.chdir(before)
    }
  })

  it('a value that starts with -- is taken only inline: --data=--json names that folder', async () => {
    const cwd = await tempDir()
    const before = process.cwd()
    process.chdir(cwd)
    try {
      expect(await cli(['list', '--data=--json'])).toMatchObject({ code: 1, stderr: 'No data folder at --json\n' })
      expect(await readdir(cwd)).toEqual([])
    } finally {
      process.chdir(before)
    }
    expect(readArgs(['--data=--json'], (flag, value) => flag === '--data' && value() === '--json')).toEqual([])
  })

  it('a missing or empty value is a usage error, also at the end', () => {
    const take = (argv: string[]) => () => readArgs(argv, (flag, value) => flag === '--data' && value() !== undefined)
    expect(take(['--data'])).toThrow(new UsageError('--data needs a value'))
    expect(take(['--data='])).toThrow(new UsageError('--data needs a value'))
    expect(take(['--data', ''])).toThrow(new UsageError('--data needs a value'))
  })

  it('-- ends the options: a file whose name starts with -- can still be given', async () => {
    const dir = await tempDir()
    const odd = join(dir, '--odd.json')
    await writeFile(odd, '{}')
    const before = process.cwd()
    process.chdir(dir)
    try {
      expect(await cli(['validate', '--', '--odd.json'])).toMatchObject({ code: 1, stderr: expect.stringMatching(/^--odd\.json: invalid/) })
      expect((await cli(['validate', '--odd.json'])).code).toBe(2)
    } finally {
      process.chdir(before)
    }
  })
})

describe('usage errors', () => {
  it('every command refuses an unknown option with exit 2 and names it', async () => {
    for (const argv of [['validate', VALID, '--bogus'], ['list', '--data', '.', '--bogus'], ['analyze', VALID, '--bogus'], ['export', VALID, '--pptx', 'x.pptx', '--bogus'], ['validate', VALID, '-x']]) {
      const r = await cli(argv)
      expect(r.code, argv.join(' ')).toBe(2)
      expect(r.stderr).toMatch(new RegExp(`^Unknown option ${argv.at(-1)}\n\nUsage:`))
    }
  })

  it('a flag given twice is a usage error, not "the last one wins"', async () => {
    const dir = await tempDir()
    for (const argv of [
      ['list', '--data', dir, '--data', dir],
      ['list', '--data', dir, '--json', '--json'],
      ['analyze', VALID, '--today', TODAY, '--today=2026-01-01'],
      ['export', VALID, '--pptx', join(dir, 'a.pptx'), '--pptx', join(dir, 'b.pptx')],
      ['export', VALID, '--pptx', join(dir, 'a.pptx'), '--force', '--force'],
    ]) {
      const r = await cli(argv)
      expect(r.code, argv.join(' ')).toBe(2)
      expect(r.stderr).toMatch(/^--[a-z]+ is given twice/)
    }
    expect(await readdir(dir)).toEqual([])
  })

  it('--lang xx and bogus, empty or repeated --slides are usage errors', async () => {
    const dir = await tempDir()
    const out = join(dir, 'd.pptx')
    expect(await cli(['export', VALID, '--pptx', out, '--lang', 'xx'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^--lang must be one of en, zh-CN, not "xx"/) })
    expect(await cli(['export', VALID, '--pptx', out, '--slides', 'bogus'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^Unknown slide bogus: choose from title, map, team, relationships, actions/) })
    expect(await cli(['export', VALID, '--pptx', out, '--slides', ','])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^--slides needs at least one slide/) })
    expect(await cli(['export', VALID, '--pptx', out, '--slides', 'map,title,map'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^Slide map is listed twice/) })
    expect(await readdir(dir)).toEqual([])
  })
})

describe('data folders', () => {
  it('list, analyze and export --data <missing folder> exit 1 with "No data folder at …" and create nothing', async () => {
    const parent = await tempDir()
    const missing = join(parent, 'nope')
    for (const argv of [['list', '--data', missing], ['list', '--data', missing, '--json'], ['analyze', '--data', missing], ['export', '--data', missing, '--deal', 'd', '--pptx', join(parent, 'd.pptx')]]) {
      const r = await cli(argv)
      expect(r, argv.join(' ')).toMatchObject({ code: 1, stdout: '', stderr: `No data folder at ${missing}\n` })
    }
    expect(await readdir(parent)).toEqual([])
  })

  it('a data folder that is a file is refused, not listed as empty', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'data'), 'x')
    for (const argv of [['list', '--data', join(dir, 'data')], ['analyze', '--data', join(dir, 'data')]]) {
      expect(await cli(argv)).toMatchObject({ code: 1, stderr: `${join(dir, 'data')} is not a folder\n` })
    }
  })

  it('the read-only commands change nothing in an existing data folder (no folders made, no files written)', async () => {
    const dir = await tempDir()
    const id = await dataFolder(dir)
    const bare = join(await tempDir(), 'bare') // a data folder without deals/
    await mkdir(bare)
    await writeFile(join(bare, 'workspace.json'), '{}')
    const before = await snapshotTree(dir)
    expect((await cli(['list', '--data', dir])).code).toBe(0)
    expect((await cli(['analyze', '--data', dir, '--deal', id, '--json'])).code).toBe(0)
    expect((await cli(['validate', join(dir, 'deals', `${id}.json`)])).code).toBe(0)
    await cli(['list', '--data', bare])
    await cli(['analyze', '--data', bare])
    expect(await snapshotTree(dir)).toEqual(before)
    expect(await readdir(bare)).toEqual(['workspace.json'])
  })
})

describe('files the commands read', () => {
  it('a FILE that is a folder is refused by every command that reads one', async () => {
    const dir = await tempDir()
    const folder = join(dir, 'deal.warroom.json')
    await mkdir(folder)
    expect(await cli(['validate', folder])).toMatchObject({ code: 1, stderr: `${folder}: cannot read the file (it is a folder)\n` })
    expect(await cli(['analyze', folder])).toMatchObject({ code: 1, stderr: `Cannot read the deal file ${folder}: it is a folder\n` })
    expect(await cli(['export', folder, '--pptx', join(dir, 'd.pptx')])).toMatchObject({ code: 1, stderr: `Cannot read the deal file ${folder}: it is a folder\n` })
  })

  it(`a file over ${LIMITS.fileBytes / 1024 / 1024} MB is refused by its size, before it is read`, async () => {
    const dir = await tempDir()
    const huge = await sparseFile(join(dir, 'huge.warroom.json'), 60 * 1024 * 1024)
    const said = /huge\.warroom\.json.*it is 60 MB; files over 50 MB are refused/
    expect(await cli(['validate', huge])).toMatchObject({ code: 1, stderr: expect.stringMatching(said) })
    expect(await cli(['analyze', huge])).toMatchObject({ code: 1, stderr: expect.stringMatching(said) })
    expect(await cli(['export', huge, '--pptx', join(dir, 'd.pptx')])).toMatchObject({ code: 1, stderr: expect.stringMatching(said) })
    // A huge workspace.json or deal file inside a data folder too.
    const data = join(dir, 'data')
    const id = await dataFolder(data)
    await sparseFile(join(data, 'workspace.json'), 60 * 1024 * 1024)
    expect(await cli(['analyze', '--data', data])).toMatchObject({ code: 1, stderr: expect.stringMatching(/workspace\.json: it is 60 MB; files over 50 MB are refused/) })
    expect(await cli(['list', '--data', data])).toMatchObject({ code: 0, stderr: expect.stringMatching(/workspace\.json: cannot be read \(it is 60 MB; files over 50 MB are refused\)/) })
    await sparseFile(join(data, 'deals', `${id}.json`), 60 * 1024 * 1024)
    expect((await cli(['list', '--data', data])).stdout).toMatch(/damaged: it is 60 MB; files over 50 MB are refused/)
    expect(existsSync(join(dir, 'd.pptx'))).toBe(false)
  })

  it('the size is checked with stat; the file itself is never read', async () => {
    const dir = await tempDir()
    const huge = await sparseFile(join(dir, 'huge.json'), LIMITS.fileBytes + 1)
    const read: string[] = []
    const fs: CliFs = { ...nodeCliFs, readFile: (path) => (read.push(path), nodeCliFs.readFile(path)) }
    await expect(readText(huge, 'the deal file', fs)).rejects.toThrow(/files over 50 MB are refused/)
    expect((await cli(['validate', huge], fs)).code).toBe(1)
    expect((await cli(['analyze', huge], fs)).code).toBe(1)
    expect(read).toEqual([])
    // At the cap exactly, the file is read.
    await sparseFile(huge, LIMITS.fileBytes)
    await expect(readText(huge, 'the deal file', fs)).resolves.toHaveLength(LIMITS.fileBytes)
    expect(read).toEqual([huge])
  })

  it('a device or pipe is not read (it could block or never end)', async () => {
    expect(await cli(['validate', '/dev/zero'])).toMatchObject({ code: 1, stderr: '/dev/zero: cannot read the file (it is not a regular file)\n' })
    expect(await cli(['analyze', '/dev/zero'])).toMatchObject({ code: 1, stderr: 'Cannot read the deal file /dev/zero: it is not a regular file\n' })
  })
})

describe('odd paths', () => {
  it('control characters in an argument are refused (exit 2) and printed escaped, never raw to the terminal', async () => {
    for (const [word, shown] of [['a\nb.json', '"a\\nb.json"'], ['deal\u001b[2J.json', '"deal\\u001b[2J.json"'], ['x\u0000y', '"x\\u0000y"'], ['tab\there', '"tab\\there"'], ['c1\u009b.json', '"c1\\u009b.json"']]) {
      for (const argv of [['validate', word], ['analyze', word], ['list', '--data', word], ['export', VALID, '--pptx', word]]) {
        const r = await cli(argv)
        expect(r.code, JSON.stringify(argv)).toBe(2)
        expect(r.stderr).toContain(`Argument ${shown} contains a control character`)
        expect(r.stderr).not.toContain(word)
      }
    }
  })

  it('an unknown command is echoed escaped', async () => {
    expect(await cli(['\u001b[2Jwipe'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^Unknown command "\\u001b\[2Jwipe"\n/) })
  })

  it('an argument that was not valid UTF-8 (Node turns such bytes into U+FFFD) is refused, not used as another name', async () => {
    const dir = await tempDir()
    for (const argv of [['validate', 'deal\uFFFD.json'], ['export', VALID, '--pptx', join(dir, 'd\uFFFD.pptx')], ['list', '--data', '\uD800x']]) {
      const r = await cli(argv)
      expect(r.code, JSON.stringify(argv)).toBe(2)
      expect(r.stderr).toMatch(/is not valid text \(UTF-8\)/)
    }
    expect(await readdir(dir)).toEqual([])
  })

  it('a very long path gets a clear error, exit 1', async () => {
    const dir = await tempDir()
    const longName = join(dir, `${'n'.repeat(300)}.json`)
    const longPath = join(dir, ...Array.from({ length: 40 }, () => 'p'.repeat(120)), 'deal.json')
    expect(await cli(['validate', longName])).toMatchObject({ code: 1, stderr: `${longName}: cannot read the file (the name is too long)\n` })
    expect(await cli(['validate', longPath])).toMatchObject({ code: 1, stderr: expect.stringMatching(/cannot read the file \((the name is too long|it does not exist)\)/) })
    expect(await cli(['analyze', longName])).toMatchObject({ code: 1, stderr: `Cannot read the deal file ${longName}: the name is too long\n` })
    const out = await cli(['export', VALID, '--pptx', join(dir, `${'n'.repeat(300)}.pptx`), '--today', TODAY])
    expect(out).toMatchObject({ code: 1, stderr: expect.stringMatching(/^Cannot write .*: the name is too long\n$/) })
    expect(await readdir(dir)).toEqual([])
  })
})
