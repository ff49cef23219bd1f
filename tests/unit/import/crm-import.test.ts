import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CARD_SIZE } from '@shared/card-size'
import { applyCommand } from '@shared/commands'
import { autoMapColumns, parseCrmCsv, planCrmImport, type CrmMapping } from '@shared/import'
import { DealSchema, newDeal, newStakeholder, type Deal } from '@shared/model'

const fixture = (name: string): string => readFileSync(resolve(import.meta.dirname, '../../fixtures/crm', name), 'utf8')

function parsed(text: string) {
  const csv = parseCrmCsv(text)
  if (!csv.ok) throw new Error(csv.message)
  return csv
}

let counter = 0
const ids = (): string => `id-${++counter}`
const emptyDeal = (): Deal => newDeal({ id: 'deal-1', name: 'Northwind ERP' })

describe('autoMapColumns', () => {
  it('maps a Salesforce report export', () => {
    const { headers } = parsed(fixture('salesforce-report.csv'))
    const m = autoMapColumns(headers)
    expect(m).toEqual({ firstName: 0, lastName: 1, title: 2, department: 3, email: 4, phone: 5, reportsTo: 6, notes: 8 })
  })

  it('maps Salesforce Data Loader API names, whatever their case', () => {
    const m = autoMapColumns(parsed(fixture('salesforce-dataloader.csv')).headers)
    expect(m).toEqual({ crmId: 0, firstName: 1, lastName: 2, title: 3, department: 4, email: 5, reportsToId: 6 })
  })

  it('maps a Dynamics 365 export, including its "(Do Not Modify)" id column', () => {
    const m = autoMapColumns(parsed(fixture('dynamics-365.csv')).headers)
    expect(m).toEqual({ crmId: 0, fullName: 3, title: 4, department: 5, email: 6, phone: 7, reportsTo: 8 })
  })

  it('accepts the usual spelling variants and Chinese headers', () => {
    expect(autoMapColumns(['FirstName', 'last_name', 'E-mail', 'ReportsTo', 'Job Title'])).toEqual({
      firstName: 0, lastName: 1, email: 2, reportsTo: 3, title: 4,
    })
    expect(autoMapColumns(['Email Address', 'Manager', 'Full Name'])).toEqual({ email: 0, reportsTo: 1, fullName: 2 })
    expect(autoMapColumns(['姓名', '职务', '部门', '上级', '电子邮件'])).toEqual({ fullName: 0, title: 1, department: 2, reportsTo: 3, email: 4 })
  })

  it('leaves unknown columns unmapped and never maps one column twice', () => {
    expect(autoMapColumns(['Favourite colour', 'Name', 'Name'])).toEqual({ fullName: 1 })
  })
})

describe('parseCrmCsv', () => {
  it('strips a byte-order mark and reads CRLF line ends', () => {
    const csv = parsed(fixture('dynamics-365.csv'))
    expect(csv.headers[0]).toBe('(Do Not Modify) Contact')
    expect(csv.rows).toHaveLength(3)
    expect(csv.rows[2].cells[8]).toBe('Wang Fang')
  })

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    const csv = parsed('Full Name,Title,Description\r\n"Hart, Tom","VP, ""Digital""","line one\r\nline two"\r\n')
    expect(csv.rows).toEqual([{ row: 2, cells: ['Hart, Tom', 'VP, "Digital"', 'line one\r\nline two'] }])
  })

  it('detects semicolons as European Excel writes them', () => {
    const csv = parsed('Vorname;Nachname;Full Name\nA;B;Anna Berg\n')
    expect(csv.rows[0].cells).toEqual(['A', 'B', 'Anna Berg'])
  })

  it('refuses an empty file and an unclosed quote', () => {
    expect(parseCrmCsv('\ufeff  \r\n')).toMatchObject({ ok: false, reason: 'empty' })
    expect(parseCrmCsv('Full Name\n"Tom Hart\n')).toMatchObject({ ok: false, reason: 'unreadable' })
  })
})

describe('planCrmImport', () => {
  it('creates stakeholders and reports-to lines by name from a Salesforce report, listing the bad row', () => {
    const csv = parsed(fixture('salesforce-report.csv'))
    const plan = planCrmImport(csv.rows, autoMapColumns(csv.headers), emptyDeal(), ids)
    expect(plan.stakeholders.map((s) => s.name)).toEqual(['Maria Gomez', 'Tom Hart', 'Priya Nair', 'Jon Park'])
    expect(plan.badRows).toEqual([{ row: 5, reason: 'missing-name' }])
    const name = (id: string) => plan.stakeholders.find((s) => s.id === id)!.name
    expect(plan.links.map((l) => `${name(l.from)} > ${name(l.to)}`)).toEqual(['Tom Hart > Maria Gomez', 'Priya Nair > Tom Hart'])
    expect(plan.linkWarnings).toEqual([{ row: 6, reason: 'manager-not-found', detail: 'Alex Unknown' }])
    const priya = plan.stakeholders[2]
    expect(priya).toMatchObject({ title: 'Director, Infrastructure', department: 'IT', buyingRole: 'unknown', stance: 'unknown' })
    expect(priya.notes).toBe('Ran the last RFP, says "no more big-bang projects"\nEmail: priya.nair@northwind.example')
  })

  it('links by CRM id from a Data Loader export and warns about an id pointing at nobody', () => {
    const csv = parsed(fixture('salesforce-dataloader.csv'))
    const plan = planCrmImport(csv.rows, autoMapColumns(csv.headers), emptyDeal(), ids)
    expect(plan.links).toHaveLength(2)
    expect(plan.linkWarnings).toEqual([{ row: 5, reason: 'manager-not-found', detail: '0035g00000ZZZZZ' }])
  })

  it('reads a Dynamics export with full names, including a Chinese name', () => {
    const csv = parsed(fixture('dynamics-365.csv'))
    const plan = planCrmImport(csv.rows, autoMapColumns(csv.headers), emptyDeal(), ids)
    expect(plan.stakeholders.map((s) => s.name)).toEqual(['Wang Fang', 'Li Wei', '张伟'])
    expect(plan.links).toHaveLength(2)
    expect(plan.badRows).toEqual([])
  })

  it('joins a Chinese first and last name family name first', () => {
    const plan = planCrmImport([{ row: 2, cells: ['伟', '张'] }], { firstName: 0, lastName: 1 }, emptyDeal(), ids)
    expect(plan.stakeholders[0].name).toBe('张伟')
  })

  it('resolves reports-to by email and to people already on the map', () => {
    const boss = newStakeholder({ id: 'boss', name: 'Maria Gomez', position: { x: 0, y: 0 } })
    const deal = { ...emptyDeal(), stakeholders: [boss] }
    const mapping: CrmMapping = { fullName: 0, email: 1, reportsTo: 2 }
    const plan = planCrmImport([
      { row: 2, cells: ['Tom Hart', 'tom@x.example', 'maria gomez'] },
      { row: 3, cells: ['Priya Nair', 'priya@x.example', 'TOM@x.example'] },
      { row: 4, cells: ['maria  gomez', '', ''] },
    ], mapping, deal, ids)
    const tom = plan.stakeholders[0].id
    expect(plan.links.map((l) => [l.from, l.to])).toEqual([[tom, 'boss'], [plan.stakeholders[1].id, tom]])
    expect(plan.badRows).toEqual([{ row: 4, reason: 'already-on-map', detail: 'maria gomez' }])
  })

  it('refuses duplicates within the file and warns on ambiguous or self references', () => {
    const mapping: CrmMapping = { fullName: 0, email: 1, reportsTo: 2 }
    const plan = planCrmImport([
      { row: 2, cells: ['Sam Lee', 'sam1@x.example', ''] },
      { row: 3, cells: ['Sam Lee', 'sam2@x.example', ''] },
      { row: 4, cells: ['Ann Wu', 'sam1@x.example', ''] },
      { row: 5, cells: ['Bo Li', '', 'Sam Lee'] },
      { row: 6, cells: ['Cy Ho', '', 'Cy Ho'] },
    ], mapping, emptyDeal(), ids)
    expect(plan.stakeholders.map((s) => s.name)).toEqual(['Sam Lee', 'Sam Lee', 'Bo Li', 'Cy Ho'])
    expect(plan.badRows).toEqual([{ row: 4, reason: 'duplicate-in-file', detail: 'Ann Wu' }])
    expect(plan.linkWarnings.map((w) => [w.row, w.reason])).toEqual([[5, 'manager-ambiguous'], [6, 'manager-is-self']])
  })

  it('refuses a row whose title is longer than the model allows instead of cutting it', () => {
    const plan = planCrmImport([{ row: 2, cells: ['Tom', 'x'.repeat(201)] }], { fullName: 0, title: 1 }, emptyDeal(), ids)
    expect(plan.stakeholders).toEqual([])
    expect(plan.badRows).toEqual([{ row: 2, reason: 'too-long', detail: 'title' }])
  })

  it('places new cards below the existing map, managers above reports, none overlapping', () => {
    const existing = [0, 1, 2].map((i) => newStakeholder({ id: `e${i}`, name: `E${i}`, influence: 'high', position: { x: 100 + i * 300, y: i * 50 } }))
    const deal = { ...emptyDeal(), stakeholders: existing }
    const rows = Array.from({ length: 20 }, (_, i) => ({ row: i + 2, cells: [`P${i}`, i === 0 ? '' : 'P0'] }))
    const plan = planCrmImport(rows, { fullName: 0, reportsTo: 1 }, deal, ids)
    const bottom = Math.max(...existing.map((s) => s.position.y + CARD_SIZE.high.height))
    const boxes = [...existing, ...plan.stakeholders].map((s) => ({ ...s.position, ...CARD_SIZE[s.influence] }))
    for (const s of plan.stakeholders) expect(s.position.y).toBeGreaterThan(bottom)
    expect(plan.stakeholders[1].position.y).toBeGreaterThan(plan.stakeholders[0].position.y)
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]]
        const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
        expect(overlap, `cards ${i} and ${j} overlap`).toBe(false)
      }
    }
  })

  it('yields a plan that applies as one valid add-stakeholders command', () => {
    const csv = parsed(fixture('salesforce-report.csv'))
    const deal = emptyDeal()
    const plan = planCrmImport(csv.rows, autoMapColumns(csv.headers), deal)
    const next = applyCommand(deal, { type: 'add-stakeholders', stakeholders: plan.stakeholders, links: plan.links })
    expect(DealSchema.safeParse(next).success).toBe(true)
    expect(next.stakeholders).toHaveLength(4)
    expect(deal.stakeholders).toHaveLength(0)
  })
})
