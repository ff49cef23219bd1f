import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DealSchema, DealValidator, MAX_ISSUES, parseDealFile, toDealFile } from '@shared/model'
import { aDeal } from '../../fixtures/builders'
import { validateCommand } from '../../../electron/cli/commands/validate'
import { createHandlers } from '../../../electron/main/handlers'
import { hostileDealFileText } from '../../fixtures/hostile-deal'
import { tempDir } from '../store/helpers'

const MB = 1024 * 1024

describe('validation stops after a fixed number of problems', () => {
  it('a 1 MB file of 20,000 stakeholders with empty contacts gives at most 201 issues, the last saying there are more', () => {
    const result = parseDealFile(hostileDealFileText(1 * MB))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues.length).toBeLessThanOrEqual(MAX_ISSUES + 1)
    expect(result.issues.at(-1)!.message).toMatch(/more problems/)
    expect(result.message).toMatch(/more than 200 problems/)
    // The reply a preview sends to the page stays small.
    expect(JSON.stringify(result).length).toBeLessThan(100_000)
  })

  it('a 6 MB hostile file is refused with bounded issues and bounded memory', () => {
    const text = hostileDealFileText(6 * MB)
    expect(text.length).toBeGreaterThan(5.5 * MB)
    const before = process.memoryUsage().heapUsed
    const result = parseDealFile(text)
    const grown = process.memoryUsage().heapUsed - before
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues.length).toBeLessThanOrEqual(MAX_ISSUES + 1)
    expect(grown).toBeLessThan(300 * MB)
  })

  it('keeps every issue, with its JSON path, while there are fewer than the cap', () => {
    const result = parseDealFile(hostileDealFileText(0, 5))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues.length).toBeLessThanOrEqual(MAX_ISSUES)
    expect(result.issues).toContainEqual({ path: '$.deal.stakeholders[4].contacts[0].sellerId', message: expect.stringMatching(/expected string/) })
    expect(result.issues).toContainEqual({ path: '$.deal.stakeholders[0].name', message: expect.stringMatching(/expected string/) })
    expect(result.issues.some((i) => /more problems/.test(i.message))).toBe(false)
  })
})

describe('reference checks are bounded too', () => {
  /** Fields all valid, then 60,000 lines (the cap) from one person to people who do not exist. */
  const danglingLines = () => {
    const deal = aDeal('dangling').withStakeholder('li').build()
    const links = Array.from({ length: 60_000 }, (_, i) => ({ id: `l${i}`, from: 'li', to: `nobody-${i}`, kind: 'influences' as const }))
    return { ...toDealFile(deal, []), deal: { ...deal, links } }
  }

  it('a file of 60,000 lines to nowhere reports at most 201 problems', () => {
    const result = parseDealFile(JSON.stringify(danglingLines()))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues.length).toBeLessThanOrEqual(MAX_ISSUES + 1)
    expect(result.issues[0]).toEqual({ path: '$.deal.links[0].to', message: 'Line points at unknown stakeholder "nobody-0"' })
    expect(result.truncated).toBe(true)
  })

  it('the schema\'s own refinement and the save validator stop at the cap', () => {
    const file = danglingLines()
    const schema = DealSchema.safeParse(file.deal)
    expect(schema.success).toBe(false)
    expect(schema.error!.issues.length).toBeLessThanOrEqual(MAX_ISSUES)
    const checked = new DealValidator().checkDealFile(JSON.parse(hostileDealFileText(6 * MB)))
    expect(checked.ok).toBe(false)
    if (!checked.ok) expect(checked.error.issues.length).toBeLessThanOrEqual(MAX_ISSUES + 1)
  })
})

describe('war-room validate on a hostile file', () => {
  it('prints at most 201 problem lines, each with its JSON path, and exits 1', async () => {
    const dir = await tempDir()
    const file = join(dir, 'hostile.warroom.json')
    await writeFile(file, hostileDealFileText(6 * MB))
    let stdout = ''
    let stderr = ''
    const code = await validateCommand([file], { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) })
    expect(code).toBe(1)
    const lines = stderr.trimEnd().split('\n')
    const problems = lines.slice(1)
    expect(problems.length).toBeLessThanOrEqual(MAX_ISSUES + 1)
    expect(problems.slice(0, -1).every((l) => /^\$\.deal\.stakeholders\[\d+\]/.test(l))).toBe(true)
    expect(problems.at(-1)).toMatch(/more problems/)
    expect(stdout).toBe('')
  })
})

describe('start-up with a hostile file in the data folder', () => {
  it('lists that deal as damaged with the reason, and the other deals load', async () => {
    const dataDir = await tempDir()
    const first = createHandlers({ dataDir, dialogs: { saveFile: async () => null, openFile: async () => null } })
    const seeded = await first['workspace:load']()
    const good = seeded.deals.map((d) => d.id)
    expect(good.length).toBeGreaterThan(0)
    // A second deal in the index whose file is hostile (no backup to restore).
    const wsPath = join(dataDir, 'workspace.json')
    const ws = JSON.parse(await (await import('node:fs/promises')).readFile(wsPath, 'utf8'))
    ws.deals.push({ ...ws.deals[0], id: 'hostile' })
    await writeFile(wsPath, JSON.stringify(ws, null, 2))
    await mkdir(join(dataDir, 'deals'), { recursive: true })
    await writeFile(join(dataDir, 'deals', 'hostile.json'), hostileDealFileText(6 * MB))

    const before = process.memoryUsage().heapUsed
    const view = await createHandlers({ dataDir, dialogs: { saveFile: async () => null, openFile: async () => null } })['workspace:load']()
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(300 * MB)
    expect(view.deals.map((d) => d.id)).toEqual(good)
    expect(view.damaged).toHaveLength(1)
    expect(view.damaged[0]).toMatchObject({ id: 'hostile' })
    expect(view.damaged[0].reason).toMatch(/more than 200 problems/)
  })
})
