import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AccountFileSchema, accountIdOf } from '@shared/accounts'
import { applyCommand } from '@shared/commands'
import { newStakeholder } from '@shared/model'
import { createHandlers } from '../../../electron/main/handlers'
import { ipcCall, manualClock, MINUTES, tempDir } from '../store/helpers'

const noDialogs = { saveFile: async () => null, openFile: async () => null }

/** The sample deal, plus a second deal for the same customer (typed differently) with three of its people. */
async function sampleAndSecondDeal() {
  const dataDir = await tempDir()
  const clock = manualClock()
  const h = createHandlers({ dataDir, dialogs: noDialogs, clock })
  const [sample] = (await h['workspace:load']()).deals
  const first = (await h['deal:open'](sample.id)).deal
  // The sample's CIO gets an email, so the second deal's card with it is the same person.
  const cio = first.stakeholders.find((s) => s.name === 'Daniel Okafor')!
  clock.advance(MINUTES)
  await ipcCall(h, 'deal:save', applyCommand(first, { type: 'set-field', stakeholderId: cio.id, field: 'email', value: 'D.Okafor@harborcity.example' }))
  const second = await h['deal:create']({ name: 'Payments hub', customer: '  harbor city BANK ' })
  const people = [
    newStakeholder({ name: 'Dan Okafor', title: 'CIO', email: 'd.okafor@harborcity.example', position: { x: 0, y: 0 }, buyingRole: 'approver', stance: 'champion' }),
    newStakeholder({ name: 'Thomas Becker', title: 'Chief Financial Officer', position: { x: 200, y: 0 } }),
    newStakeholder({ name: 'Nina Park', title: 'Head of Payments', department: 'Payments', position: { x: 400, y: 0 } }),
  ]
  clock.advance(MINUTES)
  await ipcCall(h, 'deal:save', applyCommand(second, { type: 'add-stakeholders', stakeholders: people }))
  return { dataDir, clock, h, sample: first, second: second.id, cio }
}

async function accountFile(dataDir: string) {
  const names = (await readdir(join(dataDir, 'accounts'))).filter((n) => n.endsWith('.json') && !n.includes('corrupt'))
  expect(names).toEqual([`${accountIdOf('Harbor City Bank')}.json`])
  return AccountFileSchema.parse(JSON.parse(await readFile(join(dataDir, 'accounts', names[0]), 'utf8')))
}

describe('migrating the sample data to accounts', () => {
  it('links by email, proposes name + title as a candidate, keeps the rest apart; running again changes nothing', async () => {
    const { dataDir, h, second } = await sampleAndSecondDeal()
    const opened = await h['account:for-deal'](second)
    expect(opened?.notices.map((n) => n.code)).toContain('account-linked-by-email')
    const account = await accountFile(dataDir)
    expect(account.persons).toHaveLength(12 + 2) // Okafor is one person; Becker is a candidate, not merged; Park is new
    const okafor = account.persons.filter((p) => p.email?.toLowerCase() === 'd.okafor@harborcity.example')
    expect(okafor).toHaveLength(1)
    expect(okafor[0].seenIn.map((r) => r.dealId).sort()).toHaveLength(2)
    const beckers = account.persons.filter((p) => p.name === 'Thomas Becker')
    expect(beckers).toHaveLength(2)
    expect(account.candidates).toEqual([{ personId: beckers[1].id, matchIds: [beckers[0].id], status: 'open' }])

    const bytes = await readFile(join(dataDir, 'accounts', `${account.id}.json`), 'utf8')
    await h['account:for-deal'](second)
    await h['account:overview']('Harbor City Bank')
    expect(await readFile(join(dataDir, 'accounts', `${account.id}.json`), 'utf8')).toBe(bytes)
  })

  it('opening the second deal brings the sample\'s relationships with our sellers to the linked person, in one command', async () => {
    const { h, second, cio, sample } = await sampleAndSecondDeal()
    const opened = (await h['account:for-deal'](second))!
    const deal = (await h['deal:open'](second)).deal
    const okaforUpdate = opened.updates.find((u) => u.email?.toLowerCase() === 'd.okafor@harborcity.example')!
    expect(okaforUpdate.relationships.map((r) => r.sellerId)).toEqual(cio.relationships.map((r) => r.sellerId))
    const after = applyCommand(deal, { type: 'apply-account-attributes', updates: opened.updates })
    const card = after.stakeholders.find((s) => s.email?.toLowerCase() === 'd.okafor@harborcity.example')!
    // The second deal saved last, so its name and title are the person's (newest wins); its role and stance stay its own.
    expect(card).toMatchObject({ name: 'Dan Okafor', title: 'CIO', buyingRole: 'approver', stance: 'champion' })
    const sampleSide = (await h['account:for-deal'](sample.id))!
    expect(sampleSide.updates.find((u) => u.stakeholderId === cio.id)).toMatchObject({ name: 'Dan Okafor', title: 'CIO' })
  })

  it('confirming the candidate merges the two Thomas Beckers; the view then counts one', async () => {
    const { h, second } = await sampleAndSecondDeal()
    const { overview } = await h['account:overview']('harbor city bank')
    const [candidate] = overview.candidates
    const after = await h['account:decide']('Harbor City Bank', { personId: candidate.personId, decision: 'confirm', matchId: candidate.matchIds[0] })
    expect(after.overview.people).toBe(13)
    expect(after.overview.candidates).toEqual([])
    expect(after.overview.deals.map((d) => d.id)).toContain(second)
  })

  it('saving a deal carries a title change to the other deal on its next open', async () => {
    const { h, sample, second, clock } = await sampleAndSecondDeal()
    await h['account:for-deal'](second)
    const current = (await h['deal:open'](sample.id)).deal
    const becker = current.stakeholders.find((s) => s.name === 'Aisha Rahman')!
    clock.advance(MINUTES)
    await ipcCall(h, 'deal:save', applyCommand(current, { type: 'set-field', stakeholderId: becker.id, field: 'title', value: 'CISO' }))
    // Aisha is in the sample only; add her to the second deal from the account and check she arrives with the new title.
    const opened = (await h['account:for-deal'](second))!
    expect(opened.persons.find((p) => p.name === 'Aisha Rahman')?.title).toBe('CISO')
  })

  it('a damaged account file is set aside with a notice, the deals still open, and the account is rebuilt', async () => {
    const { dataDir, h, second } = await sampleAndSecondDeal()
    await h['account:for-deal'](second)
    const path = join(dataDir, 'accounts', `${accountIdOf('Harbor City Bank')}.json`)
    await writeFile(path, '{"format":"deal-war-room.account", broken')
    const h2 = createHandlers({ dataDir, dialogs: noDialogs })
    await h2['workspace:load']()
    expect((await h2['deal:open'](second)).deal.stakeholders).toHaveLength(3)
    const again = (await h2['account:for-deal'](second))!
    expect(again.notices.some((n) => n.code === 'restored-from-backup' || n.code === 'damaged-no-backup')).toBe(true)
    expect(again.persons.length).toBeGreaterThanOrEqual(14)
    expect((await readdir(join(dataDir, 'accounts'))).some((n) => n.includes('.corrupt-'))).toBe(true)
  })

  it('an unknown customer is not found, with close names suggested', async () => {
    const { h } = await sampleAndSecondDeal()
    await expect(h['account:overview']('Harbour City Bank')).rejects.toThrow(/Did you mean: Harbor City Bank/)
  })
})

