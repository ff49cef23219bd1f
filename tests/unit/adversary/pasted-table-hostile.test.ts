import { describe, expect, it } from 'vitest'
import { PASTE_LIMITS, planCrmImport, readPastedTable } from '../../../shared/import'
import { DealSchema, newDeal } from '../../../shared/model'

/** The people the paste would add, or the refusal. */
function plan(text: string): { refusal: string } | { planned: ReturnType<typeof planCrmImport> } {
  const read = readPastedTable(text)
  if (!read.ok) return { refusal: read.refusal.reason }
  let n = 0
  const planned = planCrmImport(read.table.rows, read.table.mapping, newDeal({ id: 'd', name: 'D' }), () => `p${++n}`)
  return { planned }
}

const namesOf = (text: string) => {
  const r = plan(text)
  if (!('planned' in r)) throw new Error(`refused: ${r.refusal}`)
  return r.planned.stakeholders.map((s) => s.name)
}

describe('a hostile paste into the people table', () => {
  it('exactly 1 MB of UTF-8 is read; one byte more is refused before it is parsed', () => {
    const body = 'Helen Marsh\tCEO\tBoard\nAnn Lee\t'
    const exact = body + 'é'.repeat((PASTE_LIMITS.bytes - body.length) / 2)
    expect(new TextEncoder().encode(exact).length).toBe(PASTE_LIMITS.bytes)
    expect(readPastedTable(exact).ok).toBe(true)
    expect(readPastedTable(`${exact}x`)).toMatchObject({ ok: false, refusal: { reason: 'too-large' } })
    // 700,000 Chinese characters are under 1 MB in UTF-16 units but 2.1 MB in UTF-8: refused.
    expect(readPastedTable('张'.repeat(700_000))).toMatchObject({ ok: false, refusal: { reason: 'too-large' } })
  })

  it('2,000 rows are read; 2,001 are sent to the CSV import instead', () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `Person ${i}\tTitle`).join('\n')
    expect(readPastedTable(rows(2000)).ok).toBe(true)
    expect(readPastedTable(rows(2001))).toMatchObject({ ok: false, refusal: { reason: 'too-many-rows', rows: 2001 } })
  })

  it('rows ending in CR only (old Mac Excel) are three people, not one', () => {
    expect(namesOf('Ann Lee\tCFO\rBo Chan\tCIO\rCy Dunn\tCTO')).toEqual(['Ann Lee', 'Bo Chan', 'Cy Dunn'])
  })

  it('a NUL or other control character in a cell is dropped, and the plan makes a valid deal', () => {
    const r = plan('Ann\u0000 Lee\tC\u0007FO\nBo\uD800 Chan\tCIO')
    if (!('planned' in r)) throw new Error('refused')
    expect(r.planned.stakeholders.map((s) => s.name)).toEqual(['Ann Lee', 'Bo Chan'])
    const deal = { ...newDeal({ id: 'd', name: 'D' }), stakeholders: r.planned.stakeholders, links: r.planned.links }
    expect(DealSchema.safeParse(deal).success).toBe(true)
  })

  it('10,000 columns on one row read as a table whose extra columns are ignored', () => {
    const wide = ['Ann Lee', 'CFO', 'Finance', '', ...Array.from({ length: 9996 }, (_, i) => `c${i}`)].join('\t')
    expect(namesOf(wide)).toEqual(['Ann Lee'])
  })

  it.each([
    ['=HYPERLINK("http://evil","x")'],
    ['+cmd|\' /C calc\'!A0'],
    ['-cmd|\' /C calc\'!A0'],
    ['@SUM(A1:A9)'],
    ['\t=1+1'],
    ['＝HYPERLINK("http://evil")'],
    ['＋cmd|\' /C calc\'!A0'],
    ['=cmd|\' /C calc\'!A0'],
  ])('a cell a spreadsheet would run as a formula (%j) is refused as a formula, not added as a person', (cell) => {
    const r = plan(`Ann Lee\tCFO\n${cell}\tCIO`)
    if (!('planned' in r)) throw new Error('refused')
    expect(r.planned.stakeholders.map((s) => s.name)).toEqual(['Ann Lee'])
    expect(r.planned.badRows.map((b) => b.reason)).toContain('formula')
  })

  it('names that merely start with + or - (a phone number, a hyphenated note) are kept', () => {
    expect(namesOf('Ann Lee\t+1 415 555 0100\nBo Chan\t- acting')).toEqual(['Ann Lee', 'Bo Chan'])
  })
})
