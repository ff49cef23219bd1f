import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeCsvBytes, parseCrmCsv, planCrmImport, autoMapColumns } from '@shared/import'
import { newDeal } from '@shared/model'
import { createHandlers } from '../../../electron/main/handlers'
import { tempDir } from '../store/helpers'

const CHINESE = '姓名,职务,部门,上级\n张伟,首席财务官,财务部,\n王芳,财务经理,财务部,张伟\n李娜,采购总监,采购部,张伟\n'
/** What Excel's "Unicode Text" writes: UTF-16 LE with a byte-order mark, tab-separated. */
const UNICODE_TEXT = 'Full Name\tTitle\tReports To\r\nMaria Gomez\tCFO\t\r\nTom Hart\tVP Finance\tMaria Gomez\r\n张伟\tCIO\tMaria Gomez\r\n'

const bytes = (text: string, encoding: string, addBOM = false) => new Uint8Array(iconv.encode(text, encoding, { addBOM }))

function importedNames(data: Uint8Array): string[] {
  const decoded = decodeCsvBytes(data)
  if (!decoded.ok) throw new Error(decoded.message)
  const csv = parseCrmCsv(decoded.text)
  if (!csv.ok) throw new Error(csv.message)
  return planCrmImport(csv.rows, autoMapColumns(csv.headers), newDeal({ id: 'd', name: 'D' })).stakeholders.map((s) => s.name)
}

describe('decodeCsvBytes', () => {
  it('reads Excel "Unicode Text" (UTF-16 LE, BOM, tabs)', () => {
    const data = bytes(UNICODE_TEXT, 'utf-16le', true)
    expect(decodeCsvBytes(data)).toMatchObject({ ok: true, encoding: 'utf-16le' })
    expect(importedNames(data)).toEqual(['Maria Gomez', 'Tom Hart', '张伟'])
  })

  it('reads UTF-16 BE with a BOM, and UTF-16 without one from its pattern of zero bytes', () => {
    expect(decodeCsvBytes(bytes(UNICODE_TEXT, 'utf-16be', true))).toMatchObject({ ok: true, encoding: 'utf-16be' })
    expect(importedNames(bytes(UNICODE_TEXT, 'utf-16be', true))).toEqual(['Maria Gomez', 'Tom Hart', '张伟'])
    expect(decodeCsvBytes(bytes(UNICODE_TEXT, 'utf-16le'))).toMatchObject({ ok: true, encoding: 'utf-16le' })
    expect(decodeCsvBytes(bytes(UNICODE_TEXT, 'utf-16be'))).toMatchObject({ ok: true, encoding: 'utf-16be' })
    expect(importedNames(bytes(UNICODE_TEXT, 'utf-16le'))).toEqual(['Maria Gomez', 'Tom Hart', '张伟'])
  })

  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeCsvBytes(bytes(CHINESE, 'utf-8', true))).toMatchObject({ ok: true, encoding: 'utf-8' })
    expect(importedNames(bytes(CHINESE, 'utf-8', true))).toEqual(['张伟', '王芳', '李娜'])
    expect(decodeCsvBytes(bytes(CHINESE, 'utf-8'))).toMatchObject({ ok: true, encoding: 'utf-8' })
  })

  it('reads GBK / GB18030, the default of Chinese Excel', () => {
    for (const encoding of ['gbk', 'gb18030']) {
      expect(decodeCsvBytes(bytes(CHINESE, encoding))).toMatchObject({ ok: true, encoding: 'gb18030' })
      expect(importedNames(bytes(CHINESE, encoding))).toEqual(['张伟', '王芳', '李娜'])
    }
  })

  it('reads Western Excel\'s Windows-1252 instead of mistaking it for Chinese', () => {
    const data = bytes('Full Name,Title\nJürgen Müller,Geschäftsführer\nAnaïs Dubois,Directrice\n', 'win1252')
    expect(decodeCsvBytes(data)).toMatchObject({ ok: true, encoding: 'windows-1252' })
    expect(importedNames(data)).toEqual(['Jürgen Müller', 'Anaïs Dubois'])
  })

  it('refuses a binary file with a reason instead of importing NUL-filled names', () => {
    let seed = 7
    const random = new Uint8Array(4096).map(() => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff)
    expect(decodeCsvBytes(random)).toMatchObject({ ok: false, reason: 'binary' })
    const zip = new Uint8Array([0x50, 0x4b, 3, 4, ...random.slice(0, 200)])
    expect(decodeCsvBytes(zip)).toMatchObject({ ok: false, reason: 'binary' })
    expect(decodeCsvBytes(new Uint8Array(1000))).toMatchObject({ ok: false, reason: 'binary' })
  })
})

describe('picking a CSV file in main', () => {
  it('decodes a UTF-16 LE export and refuses a binary one with a reason code', async () => {
    const dir = await tempDir()
    const good = join(dir, 'contacts.txt')
    const bad = join(dir, 'contacts.csv')
    await writeFile(good, bytes(UNICODE_TEXT, 'utf-16le', true))
    await writeFile(bad, new Uint8Array(2048).map((_, i) => (i * 37) & 0xff))
    let picked = good
    const h = createHandlers({ dataDir: dir, dialogs: { saveFile: async () => null, openFile: async () => picked } })
    const { text } = await h['file:pick-text']('csv')
    expect(text).not.toContain('\u0000')
    expect(text).toContain('Tom Hart\tVP Finance\tMaria Gomez')
    picked = bad
    await expect(h['file:pick-text']('csv')).rejects.toMatchObject({ appError: { code: 'invalid-file', reason: 'csv-binary' } })
  })
})
