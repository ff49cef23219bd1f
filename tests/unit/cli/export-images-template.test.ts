import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../../electron/cli/run'
import { parseXmlStrictly } from '../deck/xml-parts'

const FILES = join(import.meta.dirname, '../../fixtures/files')
const DEAL = join(FILES, 'valid-deal.warroom.json')
const TEMPLATE = join(import.meta.dirname, '../../fixtures/templates/sample-corp.pptx')
const TODAY = '2026-03-12'

async function cli(...argv: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) })
  return { code, stdout, stderr }
}

describe('war-room export --svg / --png / --template', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'export-images-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('writes the map as a vector SVG and a PNG, without a deck', async () => {
    const svg = join(dir, 'map.svg')
    const png = join(dir, 'map.png')
    const r = await cli('export', DEAL, '--svg', svg, '--png', png, '--today', TODAY)
    expect(r).toMatchObject({ code: 0, stderr: '' })
    expect(r.stdout).toContain(`Wrote ${svg}`)
    expect(r.stdout).toContain(`Wrote ${png}`)
    const doc = parseXmlStrictly(readFileSync(svg, 'utf8'), 'map.svg')
    expect(doc.documentElement.nodeName).toBe('svg')
    expect(readFileSync(svg, 'utf8')).not.toMatch(/foreignObject/i)
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG')
    expect(existsSync(join(dir, 'deck.pptx'))).toBe(false)
  })

  it('never writes over the deal file, and keeps an existing picture unless --force', async () => {
    const copy = join(dir, 'deal.warroom.json')
    writeFileSync(copy, readFileSync(DEAL))
    const intoInput = await cli('export', copy, '--svg', copy)
    expect(intoInput.code).toBe(1)
    expect(intoInput.stderr).toContain('it is the deal file being exported')
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(DEAL, 'utf8'))

    const png = join(dir, 'map.png')
    writeFileSync(png, 'old')
    const kept = await cli('export', DEAL, '--png', png)
    expect(kept.code).toBe(1)
    expect(kept.stderr).toContain('use --force to replace it')
    expect(readFileSync(png, 'utf8')).toBe('old')
    expect((await cli('export', DEAL, '--png', png, '--force')).code).toBe(0)
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG')
  })

  it('puts the deck into a template: its master and logo are in the deck', async () => {
    const out = join(dir, 'deck.pptx')
    const r = await cli('export', DEAL, '--pptx', out, '--template', TEMPLATE, '--today', TODAY)
    expect(r).toMatchObject({ code: 0, stderr: '' })
    expect(r.stdout).toContain(`template ${TEMPLATE}`)
    const zip = await JSZip.loadAsync(readFileSync(out))
    expect(zip.file('ppt/media/contoso-logo.png')).not.toBeNull()
    expect(await zip.file('ppt/theme/theme1.xml')!.async('string')).toContain('<a:clrScheme name="Contoso">')
  })

  it('refuses a file that is no template in the export\'s language, writing nothing', async () => {
    const docx = new JSZip()
    docx.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    docx.file('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')
    const bad = join(dir, 'letter.docx')
    writeFileSync(bad, await docx.generateAsync({ type: 'uint8array' }))
    const out = join(dir, 'deck.pptx')
    const en = await cli('export', DEAL, '--pptx', out, '--template', bad)
    expect(en.code).toBe(1)
    expect(en.stderr).toContain(`Cannot use the template ${bad}: The file is not a PowerPoint presentation or template`)
    const zh = await cli('export', DEAL, '--pptx', out, '--template', bad, '--lang', 'zh-CN')
    expect(zh.stderr).toContain('该文件不是 PowerPoint 演示文稿或模板')
    expect(existsSync(out)).toBe(false)

    const missing = await cli('export', DEAL, '--pptx', out, '--template', join(dir, 'nope.potx'))
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('Cannot read the template')
    expect(existsSync(out)).toBe(false)
  })

  it('explains bad usage: a template needs a deck, and each output its own file', async () => {
    expect(await cli('export', DEAL, '--svg', join(dir, 'm.svg'), '--template', TEMPLATE)).toMatchObject({ code: 2, stderr: expect.stringContaining('--template works with --pptx') })
    expect(await cli('export', DEAL, '--svg', join(dir, 'm'), '--png', join(dir, 'm'))).toMatchObject({ code: 2, stderr: expect.stringContaining('a different file for each output') })
  })
})
