import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../../electron/cli/run'
import { toDealFile } from '@shared/model'
import { aWorkspace } from '../../fixtures/builders'
import { chineseDeal } from './chinese-deal'
import { shapesOf, slideXmls, TODAY } from './deck-helpers'

const FILES = join(import.meta.dirname, '../../fixtures/files')

async function cli(...argv: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) })
  return { code, stdout, stderr }
}

const titles = async (path: string) => (await slideXmls(readFileSync(path))).map((xml) => shapesOf(xml).find((s) => s.name === 'Title')?.text ?? '')

describe('war-room export', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'deck-cli-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('writes a deck of a deal file with the five slides by default', async () => {
    const out = join(dir, 'deck.pptx')
    const r = await cli('export', join(FILES, 'valid-deal.warroom.json'), '--pptx', out, '--today', TODAY)
    expect(r).toMatchObject({ code: 0, stderr: '' })
    expect(r.stdout).toContain(`Wrote ${out}`)
    const slides = await titles(out)
    expect(slides[0]).toBe('')
    expect(slides).toContain('Stakeholder map')
    expect(slides).toContain('Team coverage')
    expect(slides.some((t) => t.startsWith('Relationship strength'))).toBe(true)
    expect(slides).toContain('Risks and next actions')
  })

  it('exports the chosen slides in the chosen language', async () => {
    const out = join(dir, 'deck.pptx')
    const r = await cli('export', join(FILES, 'valid-deal.warroom.json'), '--pptx', out, '--slides', 'title,map', '--lang', 'zh-CN', '--today', TODAY)
    expect(r.code).toBe(0)
    expect(await titles(out)).toEqual(['', '客户关系图'])
  })

  it('exports a deal from the data folder, in the workspace\'s language', async () => {
    const { deal, roster } = chineseDeal()
    mkdirSync(join(dir, 'data', 'deals'), { recursive: true })
    writeFileSync(join(dir, 'data', 'workspace.json'), JSON.stringify(aWorkspace(roster, [deal], { language: 'zh-CN' })))
    writeFileSync(join(dir, 'data', 'deals', `${deal.id}.json`), JSON.stringify(toDealFile(deal, roster)))
    const out = join(dir, 'zh.pptx')
    const r = await cli('export', '--data', join(dir, 'data'), '--deal', deal.id, '--pptx', out, '--today', TODAY)
    expect(r).toMatchObject({ code: 0, stderr: '' })
    const [title, map] = await slideXmls(readFileSync(out))
    expect(title).toContain('核心系统升级')
    expect(map).toContain('张伟')
    expect(map).toContain('typeface="Microsoft YaHei"')
  })

  it('says clearly when the deck cannot be written', async () => {
    const missing = await cli('export', join(FILES, 'valid-deal.warroom.json'), '--pptx', join(dir, 'no-such-folder', 'deck.pptx'))
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/Cannot write .*deck\.pptx: the folder .*no-such-folder does not exist/)
    mkdirSync(join(dir, 'taken.pptx'))
    const folder = await cli('export', join(FILES, 'valid-deal.warroom.json'), '--pptx', join(dir, 'taken.pptx'))
    expect(folder.code).toBe(1)
    expect(folder.stderr).toMatch(/Cannot write .*taken\.pptx: it is a folder/)
  })

  it('refuses an invalid deal file with the located problems, writing nothing', async () => {
    const out = join(dir, 'deck.pptx')
    const r = await cli('export', join(FILES, 'broken-deal.warroom.json'), '--pptx', out)
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('$.deal.links[3].to: Line points at unknown stakeholder "x"')
    expect(existsSync(out)).toBe(false)
  })

  it('explains bad usage with exit code 2', async () => {
    const file = join(FILES, 'valid-deal.warroom.json')
    expect(await cli('export', file)).toMatchObject({ code: 2, stderr: expect.stringContaining('--pptx OUT.pptx') })
    expect(await cli('export', file, '--pptx', join(dir, 'd.pptx'), '--slides', 'title,charts')).toMatchObject({ code: 2, stderr: expect.stringContaining('Unknown slide charts') })
    expect(await cli('export', file, '--pptx', join(dir, 'd.pptx'), '--lang', 'fr')).toMatchObject({ code: 2, stderr: expect.stringContaining('--lang must be one of en, zh-CN') })
    expect(await cli('export', '--data', dir, '--pptx', join(dir, 'd.pptx'))).toMatchObject({ code: 2, stderr: expect.stringContaining('--data needs --deal ID') })
  })
})
