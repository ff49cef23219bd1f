import { open, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LIMITS, toDealFile, type Deal, type Seller } from '@shared/model'
import { importCommand } from '../../../electron/cli/commands/import'
import { runCli } from '../../../electron/cli/run'
import { createHandlers } from '../../../electron/main/handlers'
import { snapshotTree, tempDir } from '../store/helpers'

const FILES = join(import.meta.dirname, '../../fixtures/files')

async function run(...argv: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await importCommand(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) })
  return { code, stdout, stderr }
}

/** A data folder as the app leaves it on first run (the sample deal), and that deal as a file a colleague sends. */
async function dataFolder() {
  const dataDir = await tempDir()
  const h = createHandlers({ dataDir, dialogs: { saveFile: async () => null, openFile: async () => null } })
  const view = await h['workspace:load']()
  const { deal } = await h['deal:open'](view.deals[0].id)
  return { dataDir, deal, roster: view.roster }
}

/** The app opened afresh on the folder, to see what the command left there. */
const reopen = (dataDir: string) => createHandlers({ dataDir, dialogs: { saveFile: async () => null, openFile: async () => null } })

async function dealFile(deal: Deal, roster: Seller[], name = 'from-colleague.warroom.json') {
  const path = join(await tempDir(), name)
  await writeFile(path, JSON.stringify(toDealFile(deal, roster), null, 2))
  return path
}

describe('war-room import FILE --data DIR', () => {
  it('imports a new deal through the app\'s preview and import, printing the preview and the new id', async () => {
    const { dataDir } = await dataFolder()
    const other = JSON.parse(await readFile(join(FILES, 'valid-deal.warroom.json'), 'utf8'))
    other.deal.id = 'deal-from-elsewhere'
    const path = join(await tempDir(), 'elsewhere.warroom.json')
    await writeFile(path, JSON.stringify(other))
    const r = await run(path, '--data', dataDir)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/Deal: Core banking modernization \(Harbor City Bank\)/)
    expect(r.stdout).toMatch(/12 stakeholders, \d+ lines, \d+ seats/)
    expect(r.stdout).toMatch(/Sellers:\n {2}Anna Kowalski: matched by email\n/)
    expect(r.stdout).toContain('Imported as deal-from-elsewhere')
    expect((await reopen(dataDir)['workspace:load']()).deals.map((d) => d.id)).toContain('deal-from-elsewhere')
  })

  it('a deal already there without --as-copy or --replace: exit 1, asks to choose, changes nothing', async () => {
    const { dataDir, deal, roster } = await dataFolder()
    const file = await dealFile({ ...deal, name: 'Their version' }, roster)
    const before = await snapshotTree(dataDir)
    const r = await run(file, '--data', dataDir)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/already in .*choose --as-copy .* or --replace/s)
    expect(await snapshotTree(dataDir)).toEqual(before)
  })

  it('--as-copy keeps both: a new id and " (copy)", the original untouched', async () => {
    const { dataDir, deal, roster } = await dataFolder()
    const original = await readFile(join(dataDir, 'deals', `${deal.id}.json`), 'utf8')
    const r = await run(await dealFile(deal, roster), '--data', dataDir, '--as-copy')
    expect(r.code).toBe(0)
    const id = /Imported as (\S+)/.exec(r.stdout)?.[1]
    expect(id).not.toBe(deal.id)
    expect((await reopen(dataDir)['workspace:load']()).deals.find((d) => d.id === id)?.name).toBe(`${deal.name} (copy)`)
    expect(await readFile(join(dataDir, 'deals', `${deal.id}.json`), 'utf8')).toBe(original)
  })

  it('--replace replaces it and keeps the replaced version as a backup it names', async () => {
    const { dataDir, deal, roster } = await dataFolder()
    const replaced = await readFile(join(dataDir, 'deals', `${deal.id}.json`), 'utf8')
    const r = await run(await dealFile({ ...deal, name: 'Their version' }, roster), '--data', dataDir, '--replace')
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(`Replaced ${deal.id}`)
    const backupId = /backup (\S+)/.exec(r.stdout)?.[1]
    expect(await readFile(join(dataDir, 'backups', `deal-${deal.id}`, `${backupId}.json`), 'utf8')).toBe(replaced)
    expect((await reopen(dataDir)['deal:open'](deal.id)).deal.name).toBe('Their version')
  })

  it('an invalid file is refused with its JSON paths, a too-large one before it is read; nothing changes', async () => {
    const { dataDir } = await dataFolder()
    const before = await snapshotTree(dataDir)
    const bad = await run(join(FILES, 'broken-deal.warroom.json'), '--data', dataDir)
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('$.deal.links[3].to: Line points at unknown stakeholder "x"')
    const huge = join(await tempDir(), 'huge.warroom.json')
    const handle = await open(huge, 'w')
    await handle.truncate(LIMITS.fileBytes + 1)
    await handle.close()
    expect(await run(huge, '--data', dataDir)).toMatchObject({ code: 1, stderr: expect.stringMatching(/larger than 50 MB/) })
    const pdf = join(await tempDir(), 'proposal.pdf')
    await writeFile(pdf, '%PDF')
    expect(await run(pdf, '--data', dataDir)).toMatchObject({ code: 1, stderr: expect.stringMatching(/Only deal files \(\.json\)/) })
    expect(await run(join(FILES, 'nope.warroom.json'), '--data', dataDir)).toMatchObject({ code: 1 })
    expect(await snapshotTree(dataDir)).toEqual(before)
  })

  it('refuses a folder that is not a data folder, and bad usage exits 2 with the usage', async () => {
    const empty = await tempDir()
    expect(await run(join(FILES, 'valid-deal.warroom.json'), '--data', empty)).toMatchObject({ code: 1, stderr: expect.stringMatching(/not a Deal War Room data folder/) })
    expect(await snapshotTree(empty)).toEqual({})
    expect(await run(join(FILES, 'valid-deal.warroom.json'))).toMatchObject({ code: 2, stderr: expect.stringMatching(/Usage: war-room import FILE --data DIR/) })
    expect(await run(join(FILES, 'valid-deal.warroom.json'), '--data', empty, '--as-copy', '--replace')).toMatchObject({ code: 2 })
    expect(await run('--help')).toMatchObject({ code: 0, stdout: expect.stringMatching(/--as-copy/) })
    let listed = ''
    await runCli(['--help'], { stdout: (s) => void (listed += s), stderr: () => undefined })
    expect(listed).toMatch(/import\s+Import a deal file/)
  })
})
