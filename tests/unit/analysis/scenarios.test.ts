import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDealFile } from '@shared/model'
import { analyzeDeal, validateAgainstToday, type FindingCode } from '@shared/analysis'

const DIR = join(import.meta.dirname, '../../fixtures/scenarios')
const TODAY = '2026-03-12'

function load(name: string) {
  const parsed = parseDealFile(readFileSync(join(DIR, name), 'utf8'))
  if (!parsed.ok) throw new Error(`${name}: ${parsed.message} ${JSON.stringify(parsed.issues)}`)
  return parsed.value
}

describe('scenario fixtures: one realistic deal per situation', () => {
  it.each(readdirSync(DIR).filter((n) => n.endsWith('.json')))('%s is a valid deal file with no date after %s', (name) => {
    expect(validateAgainstToday(load(name), TODAY)).toEqual([])
  })

  it.each<{ file: string; verdict: string; map: string; codes: FindingCode[] }>([
    { file: 'bank-core-covered.json', verdict: 'covered', map: 'green', codes: [] },
    {
      file: 'telco-missing-solution.json', verdict: 'gaps', map: 'red',
      // The weak key player is also stale: one finding with both reasons.
      codes: ['missing-role', 'decision-maker-unknown', 'unqualified-seat', 'key-player-weak', 'no-coach', 'single-threaded', 'department-uncovered', 'department-uncovered'],
    },
    { file: 'retail-twin-souls.json', verdict: 'at-risk', map: 'amber', codes: ['multi-seat', 'single-point', 'key-player-stale', 'department-uncovered'] },
    {
      file: 'insurer-opponent.json', verdict: 'covered', map: 'red',
      // The opponent is also weak, and a weak key player is also stale: one finding each.
      codes: ['opponent-high-influence', 'key-player-weak', 'single-threaded', 'department-uncovered', 'department-uncovered'],
    },
  ])('$file: team $verdict, map $map', ({ file, verdict, map, codes }) => {
    const { deal, roster } = load(file)
    const result = analyzeDeal({ deal, roster, openDeals: [], settings: {}, today: TODAY })
    expect(result.team.verdict).toBe(verdict)
    expect(result.mapStatus).toBe(map)
    expect(result.findings.map((f) => f.code)).toEqual(codes)
  })
})
