import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { applyCommand, type DealCommand } from '@shared/commands'
import { autoMapColumns, parseCrmCsv, planCrmImport } from '@shared/import'
import { cleanText, newDeal, parseDealFile, WorkspaceSchema } from '@shared/model'
import { createHandlers } from '../../../electron/main/handlers'
import { aDeal, aSeller, aStakeholder } from '../../fixtures/builders'
import { tempDir } from '../store/helpers'

const SAMPLE_ID = 'sample-harbor-city-core-banking'
const dialogs = (dir: string) => ({ saveFile: async (name: string) => join(dir, name), openFile: async () => null })

describe('cleanText', () => {
  it('drops what XML cannot hold and keeps everything else, never trimming', () => {
    expect(cleanText('AT&T\u0007 <x> "q" ')).toBe('AT&T <x> "q" ')
    expect(cleanText('a\u0000b\u000B\u000C\u001Fc\uFFFE\uFFFF')).toBe('abc')
    expect(cleanText('lone \uD800 high, lone \uDC00 low, pair 😀')).toBe('lone  high, lone  low, pair 😀')
    expect(cleanText('李娜 — Ünïcode')).toBe('李娜 — Ünïcode')
  })

  it('a single-line field turns tabs and line breaks into spaces; a multi-line one keeps them, as \\n', () => {
    expect(cleanText('Jane\tvan\r\nder\nBerg\r')).toBe('Jane van der Berg ')
    expect(cleanText('one\r\ntwo\rthree\n\tfour\u0007', 'multi')).toBe('one\ntwo\nthree\n\tfour')
  })
})

describe('commands clean what the user typed, pasted or imported', () => {
  const deal = aDeal().withStakeholder('li').build()

  it('an inspector edit, a paste and a deal rename store clean text', () => {
    const edited = [
      { type: 'set-field', stakeholderId: 'li', field: 'name', value: 'Li\u0007 Na\n' },
      { type: 'set-field', stakeholderId: 'li', field: 'title', value: 'VP\tSales' },
      { type: 'set-field', stakeholderId: 'li', field: 'notes', value: 'line\u0000 one\r\nline two' },
    ].reduce((d, c) => applyCommand(d, c as DealCommand), deal)
    expect(edited.stakeholders[0]).toMatchObject({ name: 'Li Na ', title: 'VP Sales', notes: 'line one\nline two' })

    const pasted = applyCommand(deal, { type: 'add-stakeholders', stakeholders: [aStakeholder('bo', { name: 'Bo\uFFFF', contacts: [{ sellerId: 's', date: '2026-01-01', channel: 'visit', note: 'x\u0001' }] })] })
    expect(pasted.stakeholders[1].name).toBe('Bo')
    expect(pasted.stakeholders[1].contacts[0].note).toBe('x')

    const renamed = applyCommand(deal, { type: 'set-deal-facts', patch: { name: 'AT&T\u0008 renewal', customer: 'AT&T\u001F', competitors: ['V\u0002z'] } })
    expect(renamed).toMatchObject({ name: 'AT&T renewal', customer: 'AT&T', competitors: ['Vz'] })
  })

  it('a clean edit changes nothing else (the same objects flow on)', () => {
    const edited = applyCommand(deal, { type: 'set-field', stakeholderId: 'li', field: 'title', value: 'CFO' })
    expect(edited.stakeholders[0].title).toBe('CFO')
    expect(applyCommand(deal, { type: 'replace-deal', deal })).toBe(deal)
  })
})

describe('a CRM CSV with control characters', () => {
  it('imports the people with their text cleaned, notes keeping their line breaks', () => {
    const csv = parseCrmCsv('First Name,Last Name,Title,Description\r\nLi\u0007,Na\u0001,VP\u000BSales,"call\u0000\nback"\r\n')
    if (!csv.ok) throw new Error(csv.message)
    const plan = planCrmImport(csv.rows, autoMapColumns(csv.headers), newDeal({ id: 'd', name: 'D' }))
    expect(plan.stakeholders.map((p) => [p.name, p.title])).toEqual([['Li Na', 'VPSales']])
    expect(plan.stakeholders[0].notes).toContain('call\nback')
  })
})

describe('a file written before control characters were cleaned', () => {
  const withBell = () => {
    const file = aDeal('old').withStakeholder('li').toFile([aSeller('alice')])
    file.deal.name = 'Old \u0007deal'
    file.deal.stakeholders[0].name = 'Li\u0007 Na'
    file.deal.stakeholders[0].notes = 'a\u0000b\nc'
    file.roster[0].name = 'Alice\u0001'
    return JSON.stringify(file)
  }

  it('parses, cleaned, with the newlines of notes kept', () => {
    const parsed = parseDealFile(withBell())
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.value.deal.name).toBe('Old deal')
    expect(parsed.value.deal.stakeholders[0]).toMatchObject({ name: 'Li Na', notes: 'ab\nc' })
    expect(parsed.value.roster[0].name).toBe('Alice')
  })

  it('opens in the app, cleaned, and is not set aside as damaged (deal file and workspace index)', async () => {
    const dataDir = await tempDir()
    await createHandlers({ dataDir, dialogs: dialogs(dataDir) })['workspace:load']()
    const dealPath = join(dataDir, 'deals', `${SAMPLE_ID}.json`)
    const file = JSON.parse(await readFile(dealPath, 'utf8'))
    file.deal.name = 'Harbor \u0007City'
    file.deal.stakeholders[0].name = `${file.deal.stakeholders[0].name}\u0007`
    await writeFile(dealPath, JSON.stringify(file))
    const wsPath = join(dataDir, 'workspace.json')
    const ws = JSON.parse(await readFile(wsPath, 'utf8'))
    ws.deals[0].name = 'Harbor \u0007City'
    ws.roster[0].name = `${ws.roster[0].name}\u0001`
    await writeFile(wsPath, JSON.stringify(ws))
    expect(WorkspaceSchema.safeParse(ws).success).toBe(true)

    const h = createHandlers({ dataDir, dialogs: dialogs(dataDir) }) // a restart
    const view = await h['workspace:load']()
    expect(view.damaged).toEqual([])
    expect(view.notices).toEqual([])
    expect(view.deals.map((d) => d.name)).toEqual(['Harbor City'])
    expect(view.roster[0].name).not.toContain('\u0001')
    const opened = await h['deal:open'](SAMPLE_ID)
    expect(opened.deal.name).toBe('Harbor City')
    expect(opened.deal.stakeholders[0].name).not.toContain('\u0007')
    expect((await readdir(join(dataDir, 'deals'))).filter((n) => n.includes('.corrupt-'))).toEqual([])
  })
})
