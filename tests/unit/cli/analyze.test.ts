import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { analyzeCommand } from '../../../electron/cli/commands/analyze'
import { aDeal, aSeller, aWorkspace } from '../../fixtures/builders'

const SCENARIOS = join(import.meta.dirname, '../../fixtures/scenarios')
const TODAY = '2026-03-12'

async function run(...argv: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await analyzeCommand(argv, { stdout: (s) => { stdout += s }, stderr: (s) => { stderr += s } }, () => TODAY)
  return { code, stdout, stderr }
}

let dir: string
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'war-room-analyze-')) })
afterEach(async () => { await rm(dir, { recursive: true, force: true }) })

describe('war-room analyze FILE', () => {
  it('prints the JSON report (team coverage, relationships, insights) and exits 0 even when the team has gaps', async () => {
    const { code, stdout, stderr } = await run(join(SCENARIOS, 'telco-missing-solution.json'), '--json', '--today', TODAY)
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const out = JSON.parse(stdout)
    expect(Object.keys(out)).toEqual(['deals'])
    const [deal] = out.deals
    expect(Object.keys(deal)).toEqual(['id', 'name', 'team', 'relationships', 'coverage', 'mapStatus', 'findingCounts', 'findings'])
    expect(deal).toMatchObject({ id: 'telco-5g', name: '5G core network refresh', mapStatus: 'red', coverage: { deep: 37, broad: 0, transparent: 33 } })
    expect(Object.keys(deal.team)).toEqual(['verdict', 'roles', 'findings', 'suggestions'])
    expect(deal.team.verdict).toBe('gaps')
    expect(deal.team.roles).toEqual({
      control: { covered: true, seats: [{ sellerId: 'mia-santos', qualified: false }] },
      support: { covered: false, seats: [] },
      attack: { covered: true, seats: [{ sellerId: 'pat-okafor', qualified: true }] },
    })
    expect(deal.team.findings[0]).toEqual({ code: 'missing-role', severity: 'error', role: 'support', message: expect.stringMatching(/solution seat/) })
    expect(deal.team.suggestions).toEqual([{ role: 'control', sellerIds: [] }, { role: 'support', sellerIds: [] }])
    expect(deal.relationships.netdir).toEqual({ strength: 37, band: 'weak', stale: true })
    expect(deal.findings.map((f: { code: string }) => f.code)).toContain('decision-maker-unknown')
    expect(deal.findings.every((f: { nextStep?: string }) => typeof f.nextStep === 'string')).toBe(true)
  })

  it('is reproducible with --today (also as --today=DATE)', async () => {
    const file = join(SCENARIOS, 'retail-twin-souls.json')
    const a = await run(file, '--json', '--today', '2026-03-12')
    const b = await run('--today=2026-03-12', '--json', file)
    expect(a.stdout).toBe(b.stdout)
    const later = await run(file, '--json', '--today', '2026-06-01')
    expect(JSON.parse(later.stdout).deals[0].relationships.ecom.stale).toBe(true)
    expect(JSON.parse(a.stdout).deals[0].relationships.ecom.stale).toBe(false)
  })

  it('without --json prints a readable report', async () => {
    const { code, stdout } = await run(join(SCENARIOS, 'retail-twin-souls.json'))
    expect(code).toBe(0)
    expect(stdout).toContain('Omnichannel commerce platform (retail-omni) — Lumen Retail, as of 2026-03-12')
    expect(stdout).toContain('Team: AT RISK')
    expect(stdout).toMatch(/control +account seat, wins with trust: Tia Li \(top, lead\)/)
    expect(stdout).toContain('Map status: amber')
    expect(stdout).toContain('[warning] Tia Li plays 3 roles')
    expect(stdout).toContain('Next: ')
  })

  it.each([
    { label: 'a missing file', make: async () => join(dir, 'nope.json'), stderr: /does not exist/ },
    { label: 'a file that is not JSON', make: async () => { const p = join(dir, 'x.json'); await writeFile(p, '{oops'); return p }, stderr: /not valid JSON/ },
    { label: 'a JSON file that is not a deal file', make: async () => { const p = join(dir, 'x.json'); await writeFile(p, '{"a":1}'); return p }, stderr: /not a Deal War Room deal file/ },
  ])('exits 1 on unreadable input: $label', async ({ make, stderr }) => {
    const result = await run(await make(), '--json')
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(stderr)
  })

  it('refuses a score outside 0–5 and a contact dated after today, naming the field', async () => {
    const alice = aSeller('alice')
    const file = aDeal().withStakeholder('li').withRelationship('li', alice, { value: 3 }).withContact('li', alice, '2026-04-01').toFile([alice])
    const future = join(dir, 'future.json')
    await writeFile(future, JSON.stringify(file))
    const dated = await run(future, '--today', TODAY)
    expect(dated.code).toBe(1)
    expect(dated.stderr).toContain('$.deal.stakeholders[0].contacts[0].date')

    file.deal.stakeholders[0].relationships[0].elements.value = 7
    const badScore = join(dir, 'score.json')
    await writeFile(badScore, JSON.stringify(file))
    const scored = await run(badScore)
    expect(scored.code).toBe(1)
    expect(scored.stderr).toContain('$.deal.stakeholders[0].relationships[0].elements.value')
  })

  it.each([
    { argv: [], message: /Give a deal FILE or --data DIR/ },
    { argv: ['a.json', '--today', '2026-02-30'], message: /--today must be a real date/ },
    { argv: ['a.json', '--wat'], message: /Unknown option --wat/ },
    { argv: ['a.json', '--deal', 'x'], message: /--deal works with --data/ },
  ])('exits 2 with usage on $argv', async ({ argv, message }) => {
    const result = await run(...argv)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(message)
    expect(result.stderr).toContain('Usage:')
  })
})

it('--help prints the usage on stdout and exits 0', async () => {
  const result = await run('--help')
  expect(result).toMatchObject({ code: 0, stderr: '' })
  expect(result.stdout).toContain('war-room analyze --data DIR')
})

describe('war-room analyze --data DIR', () => {
  const amy = aSeller('amy', { level: 'senior', kinds: ['account'] })
  const sol = aSeller('sol', { level: 'top', kinds: ['solution'] })
  const pat = aSeller('pat', { level: 'mid', kinds: ['project'] })
  const dealN = (i: number, stage: 'propose' | 'won' = 'propose') =>
    aDeal(`d${i}`).named(`Deal ${i}`).stage(stage).seat(amy, 'account').seat(sol, 'solution').seat(pat, 'project')

  async function dataDir(deals: ReturnType<typeof dealN>[], settings = {}) {
    await mkdir(join(dir, 'deals'))
    const built = deals.map((d) => d.build())
    await writeFile(join(dir, 'workspace.json'), JSON.stringify(aWorkspace([amy, sol, pat], built, settings)))
    for (const d of deals) {
      const file = d.toFile([amy, sol, pat])
      await writeFile(join(dir, 'deals', `${file.deal.id}.json`), JSON.stringify(file))
    }
  }

  it('analyses every deal, counting each seller\'s open deals across the folder', async () => {
    await dataDir([dealN(1), dealN(2), dealN(3, 'won')], { maxOpenDealsPerSeller: 1 })
    const { code, stdout } = await run('--data', dir, '--json', '--today', TODAY)
    expect(code).toBe(0)
    const { deals } = JSON.parse(stdout)
    expect(deals.map((d: { id: string }) => d.id)).toEqual(['d1', 'd2', 'd3'])
    const overloaded = (i: number) => deals[i].team.findings.filter((f: { code: string }) => f.code === 'overloaded-seller').map((f: { sellerIds: string[] }) => f.sellerIds[0])
    expect(overloaded(0)).toEqual(['amy', 'sol', 'pat'])
    // the won deal is not open, but its sellers still sit on two open deals
    expect(overloaded(2)).toEqual(['amy', 'sol', 'pat'])
    expect(deals[0].team.verdict).toBe('at-risk')
  })

  it('--deal picks one deal; an unknown id exits 1', async () => {
    await dataDir([dealN(1), dealN(2)])
    const one = await run('--data', dir, '--deal', 'd2', '--json')
    expect(JSON.parse(one.stdout).deals.map((d: { id: string }) => d.id)).toEqual(['d2'])
    expect(JSON.parse(one.stdout).deals[0].team.verdict).toBe('covered')
    const none = await run('--data', dir, '--deal', 'd9')
    expect(none.code).toBe(1)
    expect(none.stderr).toContain('No readable deal with id "d9"')
  })

  it('skips a damaged deal file with a message and still analyses the others', async () => {
    await dataDir([dealN(1)])
    await writeFile(join(dir, 'deals', 'broken.json'), '{"format":"deal-war-room.deal"')
    const { code, stdout, stderr } = await run('--data', dir, '--json')
    expect(code).toBe(0)
    expect(stderr).toMatch(/Skipped .*broken\.json: The file is not valid JSON/)
    expect(JSON.parse(stdout).deals).toHaveLength(1)
  })

  it('exits 1 when the folder has no readable workspace.json', async () => {
    const missing = await run('--data', dir)
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/workspace\.json: it does not exist/)
    await writeFile(join(dir, 'workspace.json'), '{"format":"deal-war-room.workspace","version":1}')
    const invalid = await run('--data', dir)
    expect(invalid.code).toBe(1)
    expect(invalid.stderr).toContain('is not a valid workspace file')
  })
})
