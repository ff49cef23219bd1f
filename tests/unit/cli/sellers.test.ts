import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { toDealFile } from '@shared/model'
import { aDeal, aSeller, aWorkspace } from '../../fixtures/builders'
import { tempDir } from '../store/helpers'
import { cli } from './helpers'

const roster = [
  aSeller('jun', { name: 'June Park', level: 'junior', kinds: ['project'] }),
  aSeller('mae', { name: 'Mae Song', level: 'mid', kinds: ['project'] }),
  aSeller('tia', { name: 'Tia Li', level: 'top', kinds: ['account', 'solution'] }),
]

/** A data folder with a won, a lost and an open deal; Tia holds two seats in the open one. */
async function folder(): Promise<string> {
  const dir = await tempDir('war-room-sellers-')
  const deals = [
    aDeal('won').named('Won deal', 'Acme').stage('won').seat('mae', 'project', { lead: true }).seat('tia', 'account').build(),
    aDeal('lost').named('Lost deal', 'Beta').stage('lost').seat('mae', 'project').build(),
    aDeal('open').named('Open deal', 'Acme').stage('negotiate').seat('mae', 'project').seatIn('tia', 'account', 'solution').build(),
  ]
  await mkdir(join(dir, 'deals'), { recursive: true })
  await writeFile(join(dir, 'workspace.json'), JSON.stringify(aWorkspace(roster, deals, { maxOpenDealsPerSeller: 1 })))
  for (const d of deals) await writeFile(join(dir, 'deals', `${d.id}.json`), JSON.stringify(toDealFile(d, roster)))
  // Private growth data beside them: never printed.
  await writeFile(join(dir, 'growth.json'), JSON.stringify({ format: 'deal-war-room.growth', version: 1, sellers: { mae: { freedoms: { mood: { reached: false, note: 'SECRET-NOTE' } } } } }))
  return dir
}

describe('war-room sellers --data DIR', () => {
  it('--json gives each seller\'s level, souls, seats by role with outcomes, load and next soul', async () => {
    const dir = await folder()
    const { code, stdout, stderr } = await cli(['sellers', '--data', dir, '--json'])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const { sellers } = JSON.parse(stdout)
    expect(sellers.map((s: { id: string }) => s.id)).toEqual(['jun', 'mae', 'tia'])
    expect(sellers[0]).toMatchObject({ level: 'junior', souls: [], nextSoul: 'attack', load: { openDeals: 0, limit: 1, overloaded: false } })
    expect(sellers[1]).toMatchObject({
      level: 'mid', souls: ['attack'], nextSoul: 'control',
      seats: { attack: { held: 3, won: 1, lost: 1, open: { negotiate: 1 } }, control: { held: 0 } },
      load: { openDeals: 1, overloaded: false },
    })
    expect(sellers[2]).toMatchObject({ souls: ['attack', 'control', 'support'], nextSoul: null, seats: { control: { held: 2, won: 1 }, support: { held: 1 } } })
    expect(stdout).not.toContain('SECRET-NOTE')
  })

  it('prints a readable table by default', async () => {
    const { code, stdout } = await cli(['sellers', '--data', await folder()])
    expect(code).toBe(0)
    const [head, jun, mae, tia] = stdout.trimEnd().split('\n')
    expect(head).toMatch(/^NAME +LEVEL +SOULS +CONTROL +SUPPORT +ATTACK +LOAD +NEXT SOUL$/)
    expect(jun).toMatch(/^June Park +Junior +none yet .* 0\/1 +Attack$/)
    expect(mae).toMatch(/^Mae Song +Mid-level +Attack .*3 \(1W 1L 1 open\)/)
    expect(tia).toMatch(/all mastered$/)
  })

  it('--seller NAME narrows to one seller, by name (case and spacing ignored) or id', async () => {
    const dir = await folder()
    const byName = JSON.parse((await cli(['sellers', '--data', dir, '--seller', '  mae   SONG ', '--json'])).stdout)
    expect(byName.sellers.map((s: { id: string }) => s.id)).toEqual(['mae'])
    const byId = JSON.parse((await cli(['sellers', '--data', dir, '--seller=tia', '--json'])).stdout)
    expect(byId.sellers.map((s: { id: string }) => s.id)).toEqual(['tia'])
  })

  it('an unknown --seller exits 1 with a clear message naming the roster', async () => {
    const dir = await folder()
    const { code, stdout, stderr } = await cli(['sellers', '--data', dir, '--seller', 'Nobody Here'])
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toContain('No seller named "Nobody Here" on the roster of')
    expect(stderr).toContain('June Park, Mae Song, Tia Li')
  })

  it('exits 1 on a missing folder, 2 without --data; a damaged deal file is skipped and named', async () => {
    const missing = await cli(['sellers', '--data', join(await tempDir(), 'nope')])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/No data folder at/)
    expect((await cli(['sellers'])).code).toBe(2)
    const dir = await folder()
    await writeFile(join(dir, 'deals', 'broken.json'), '{oops')
    const { code, stderr, stdout } = await cli(['sellers', '--data', dir, '--json'])
    expect(code).toBe(0)
    expect(stderr).toMatch(/Skipped .*broken\.json/)
    expect(JSON.parse(stdout).sellers).toHaveLength(3)
  })
})
