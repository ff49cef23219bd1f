import { writeFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../electron/cli/run'
import { createHandlers } from '../../../electron/main/handlers'
import { snapshotTree, tempDir } from '../store/helpers'

const FILES = join(import.meta.dirname, '../../fixtures/files')

async function cli(...argv: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) })
  return { code, stdout, stderr }
}

describe('war-room validate', () => {
  it('accepts a valid deal file with exit code 0', async () => {
    const r = await cli('validate', join(FILES, 'valid-deal.warroom.json'))
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/valid deal file — "Core banking modernization" \(Harbor City Bank\), 12 stakeholders/)
  })

  it('prints every reference error with its JSON path and exits 1', async () => {
    const r = await cli('validate', join(FILES, 'broken-deal.warroom.json'))
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('$.deal.links[3].to: Line points at unknown stakeholder "x"')
    expect(r.stderr).toContain(`$.deal.team[0].sellerId: Seller "seller-ghost" is not in the file's roster`)
  })

  it('prints every value error with its JSON path', async () => {
    const r = await cli('validate', join(FILES, 'bad-values.warroom.json'))
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/\$\.deal\.stakeholders\[1\]\.stance: Invalid option/)
    expect(r.stderr).toContain('$.deal.stakeholders[2].relationships[0].elements.depth: A score is at most 5')
  })

  it('says why a truncated, newer-version, missing or non-deal file is refused', async () => {
    expect(await cli('validate', join(FILES, 'truncated.warroom.json'))).toMatchObject({ code: 1, stderr: expect.stringMatching(/not valid JSON/) })
    expect(await cli('validate', join(FILES, 'newer-version.warroom.json'))).toMatchObject({ code: 1, stderr: expect.stringMatching(/newer version of Deal War Room/) })
    expect(await cli('validate', join(FILES, 'nope.json'))).toMatchObject({ code: 1, stderr: expect.stringMatching(/does not exist/) })
    const dir = await tempDir()
    await writeFile(join(dir, 'x.json'), '{"hello":1}')
    expect(await cli('validate', join(dir, 'x.json'))).toMatchObject({ code: 1, stderr: expect.stringMatching(/not a Deal War Room deal file/) })
  })

  it('answers bad usage with exit code 2 and the usage text', async () => {
    expect(await cli('validate')).toMatchObject({ code: 2, stderr: expect.stringMatching(/Usage: war-room validate FILE/) })
    expect(await cli('frobnicate')).toMatchObject({ code: 2, stderr: expect.stringMatching(/Unknown command "frobnicate"/) })
    const help = await cli('--help')
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/validate .*\n.*list/s)
  })
})

describe('war-room list', () => {
  it('lists the deals of a data folder without changing it, damaged ones marked', async () => {
    const dataDir = await tempDir()
    const h = createHandlers({ dataDir, dialogs: { saveFile: async () => null, openFile: async () => null } })
    await h['workspace:load']()
    const extra = await h['deal:create']({ name: 'Plant cloud migration', customer: 'Acme Steel' })
    await writeFile(join(dataDir, 'deals', `${extra.id}.json`), '{"truncated')
    await mkdir(join(dataDir, 'deals'), { recursive: true })
    const before = await snapshotTree(dataDir)

    const r = await cli('list', '--data', dataDir)
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/Core banking modernization\s+Harbor City Bank\s+Propose\s+\$18,500,000\s+12\s+ok/) // the app's words
    expect(r.stdout).toMatch(new RegExp(`${extra.id}.*damaged: The file is not valid JSON`))
    const json = JSON.parse((await cli('list', '--data', dataDir, '--json')).stdout)
    expect(json.deals).toHaveLength(2)
    expect(json.deals.find((d: { stage: string }) => d.stage === 'propose')).toMatchObject({ amount: '18500000 USD' }) // raw in JSON
    expect(await snapshotTree(dataDir)).toEqual(before)
  })

  it('an empty folder lists nothing, a missing one is refused; no --data is a usage error', async () => {
    const empty = await tempDir()
    expect(await cli('list', '--data', empty)).toMatchObject({ code: 0, stdout: expect.stringMatching(/No deals/) })
    expect(await cli('list', '--data', join(empty, 'missing'))).toMatchObject({ code: 1, stderr: `No data folder at ${join(empty, 'missing')}\n` })
    expect(await cli('list')).toMatchObject({ code: 2 })
  })
})
