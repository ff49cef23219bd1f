import { describe, expect, it } from 'vitest'
import { applyCommand } from '@shared/commands'
import { newStakeholder } from '@shared/model'
import { createHandlers } from '../../../electron/main/handlers'
import { ipcCall, manualClock, MINUTES, tempDir } from '../store/helpers'
import { cli, TODAY } from './helpers'

const noDialogs = { saveFile: async () => null, openFile: async () => null }

/** The app's own data folder: the sample deal and a second deal of the same bank. */
async function twoDealsOfOneBank(): Promise<string> {
  const dataDir = await tempDir()
  const clock = manualClock(`${TODAY}T09:00:00.000Z`)
  const h = createHandlers({ dataDir, dialogs: noDialogs, clock })
  await h['workspace:load']()
  const second = await h['deal:create']({ name: 'Payments hub', customer: 'HARBOR CITY BANK' })
  clock.advance(MINUTES)
  await ipcCall(h, 'deal:save', applyCommand(second, { type: 'add-stakeholders', stakeholders: [newStakeholder({ name: 'Nina Park', title: 'Head of Payments', department: 'Payments', position: { x: 0, y: 0 } })] }))
  return dataDir
}

describe('war-room account', () => {
  it('prints the people, departments, coverage, deals and who knows the key people', async () => {
    const dir = await twoDealsOfOneBank()
    const { code, stdout } = await cli(['account', '--data', dir, '--customer', 'harbor city bank ', '--today', TODAY])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^Harbor City Bank: 13 people, 2 deals/)
    expect(stdout).toMatch(/Coverage: deep \d+, broad \d+, transparent \d+/)
    expect(stdout).toContain('Payments: 1 people; reached by nobody')
    expect(stdout).toContain('Core banking modernization (propose, open)')
    expect(stdout).toContain('Payments hub (lead, open): 1 people')
    expect(stdout).toMatch(/Daniel Okafor: Anna Kowalski \(\d+\)/)
  })

  it('--json gives the same as JSON', async () => {
    const dir = await twoDealsOfOneBank()
    const { code, stdout } = await cli(['account', '--data', dir, '--customer', 'Harbor City Bank', '--json', '--today', TODAY])
    expect(code).toBe(0)
    const out = JSON.parse(stdout)
    expect(out).toMatchObject({ customer: 'Harbor City Bank', people: 13 })
    expect(out.deals).toHaveLength(2)
    expect(out.whoKnowsWhom.find((w: { name: string }) => w.name === 'Daniel Okafor').seller.name).toBe('Anna Kowalski')
  })

  it('exit 1 on an unknown customer, suggesting close names', async () => {
    const dir = await twoDealsOfOneBank()
    const { code, stderr } = await cli(['account', '--data', dir, '--customer', 'Harbour City Bnk'])
    expect(code).toBe(1)
    expect(stderr).toContain('No deal has the customer "Harbour City Bnk". Did you mean: Harbor City Bank?')
  })

  it('exit 2 without a customer', async () => {
    const dir = await twoDealsOfOneBank()
    expect((await cli(['account', '--data', dir])).code).toBe(2)
  })
})
