import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../electron/cli/run'
import { VALID } from '../cli/helpers'

/**
 * `war-room validate FILE` is run in a terminal on files a colleague sent. A hostile file
 * can put terminal escape sequences (ESC, CSI, BEL, OSC) where the CLI echoes it: a key name,
 * a value quoted in a message, the deal name. Printed raw they would retitle the window,
 * rewrite lines already on screen, or hide the problems list.
 */
async function run(...argv: string[]) {
  let out = ''
  const code = await runCli(argv, { stdout: (s) => void (out += s), stderr: (s) => void (out += s) })
  return { code, out }
}

// eslint-disable-next-line no-control-regex -- terminal controls are what must not be printed
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/

describe('the command line prints a hostile file without its terminal controls', () => {
  it('an unknown key, an enum value and a seller id holding ESC ] 0 ; BEL and CSI are printed escaped', async () => {
    const file = JSON.parse(await readFile(VALID, 'utf8'))
    file.deal['\u001b]0;pwned\u0007'] = 1
    file.deal.stage = '\u001b[2J\u009b2J'
    file.deal.stakeholders[0].ownerIds = ['\u001b[31mred']
    const dir = await mkdtemp(join(tmpdir(), 'cli-esc-'))
    const path = join(dir, 'hostile.warroom.json')
    await writeFile(path, JSON.stringify(file))
    const { code, out } = await run('validate', path)
    expect(code).toBe(1)
    expect(out).toMatch(/invalid/)
    expect(out).not.toMatch(TERMINAL_CONTROLS)
  })

  it('a valid file whose deal name holds C1 controls (CSI as U+009B) is printed without them', async () => {
    const file = JSON.parse(await readFile(VALID, 'utf8'))
    file.deal.name = 'ERP \u009b2J\u0085 renewal'
    const dir = await mkdtemp(join(tmpdir(), 'cli-esc-'))
    const path = join(dir, 'c1.warroom.json')
    await writeFile(path, JSON.stringify(file))
    const { code, out } = await run('validate', path)
    expect(code).toBe(0)
    expect(out).not.toMatch(TERMINAL_CONTROLS)
  })
})
