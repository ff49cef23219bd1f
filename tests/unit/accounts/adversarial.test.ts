import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AccountFileSchema, accountIdOf, emptyAccount, MAX_ALIASES, recordDealInAccount, refreshFromAccount } from '@shared/accounts'
import { applyCommand, CommandError } from '@shared/commands'
import { newStakeholder } from '@shared/model'
import { createHandlers } from '../../../electron/main/handlers'
import { aDeal } from '../../fixtures/builders'
import { ipcCall, tempDir } from '../store/helpers'

const noDialogs = { saveFile: async () => null, openFile: async () => null }
const AT = '2026-03-01T10:00:00.000Z'

describe('accounts under hostile input', () => {
  it('a peer\'s apply-account-attributes with a bad email or an unknown card is refused with a code, the deal unchanged', () => {
    const deal = aDeal('a').withStakeholder('x', { name: 'Mei' }).build()
    const base = { stakeholderId: 'x', personId: 'p1', name: 'Mei', title: '', department: '', relationships: [], contacts: [] }
    expect(() => applyCommand(deal, { type: 'apply-account-attributes', updates: [{ ...base, email: 'not an email' }] })).toThrow(CommandError)
    expect(() => applyCommand(deal, { type: 'apply-account-attributes', updates: [{ ...base, stakeholderId: 'ghost', email: null }] })).toThrow(/no longer on the map/)
    expect(() => applyCommand(deal, { type: 'apply-account-attributes', updates: [{ ...base, name: '', email: null }] })).toThrow(CommandError)
  })

  it('set-field email: trims, clears when emptied, refuses a bad address with its own code', () => {
    const deal = aDeal('a').withStakeholder('x', { name: 'Mei', email: 'mei@x.example' }).build()
    expect(applyCommand(deal, { type: 'set-field', stakeholderId: 'x', field: 'email', value: '  li@x.example ' }).stakeholders[0].email).toBe('li@x.example')
    expect(applyCommand(deal, { type: 'set-field', stakeholderId: 'x', field: 'email', value: '' }).stakeholders[0]).not.toHaveProperty('email')
    try {
      applyCommand(deal, { type: 'set-field', stakeholderId: 'x', field: 'email', value: 'mei@' })
      expect.unreachable()
    } catch (e) {
      expect((e as CommandError).code).toBe('invalid-email')
    }
  })

  it('an account file naming a person as their own manager, or with control characters, never breaks a deal', () => {
    const deal = aDeal('a').withStakeholder('x', { name: 'Mei' }).build()
    const account = recordDealInAccount(emptyAccount('acct-x', 'X'), deal, AT).account
    const hostile = AccountFileSchema.parse({ ...account, persons: account.persons.map((p) => ({ ...p, name: 'Mei\u0007\u202e', managerId: p.id })) })
    const updates = refreshFromAccount(deal, hostile)
    const after = applyCommand(deal, { type: 'apply-account-attributes', updates })
    expect(after.stakeholders[0].name.includes('\u0007')).toBe(false)
  })

  it('a huge customer name and odd Unicode still make a safe account file name', () => {
    for (const customer of ['x'.repeat(10_000), '../../etc/passwd', 'CON', 'a\u0000b', '\u{1F600} bank', 'İ']) {
      const id = accountIdOf(customer)!
      expect(id).toMatch(/^[a-z0-9-]{1,64}$/)
    }
  })

  it('two app instances saving deals of one account at once lose neither deal\'s people', async () => {
    const dataDir = await tempDir()
    const one = createHandlers({ dataDir, dialogs: noDialogs })
    await one['workspace:load']()
    const a = await one['deal:create']({ name: 'A', customer: 'Contoso' })
    const b = await one['deal:create']({ name: 'B', customer: 'contoso' })
    const two = createHandlers({ dataDir, dialogs: noDialogs })
    await two['workspace:load']()
    await Promise.all([
      ipcCall(one, 'deal:save', applyCommand(a, { type: 'add-stakeholders', stakeholders: [newStakeholder({ name: 'Ann', position: { x: 0, y: 0 } })] })),
      ipcCall(two, 'deal:save', applyCommand(b, { type: 'add-stakeholders', stakeholders: [newStakeholder({ name: 'Bob', position: { x: 0, y: 0 } })] })),
    ])
    await one['account:for-deal'](a.id)
    const file = AccountFileSchema.parse(JSON.parse(await readFile(join(dataDir, 'accounts', `${accountIdOf('Contoso')}.json`), 'utf8')))
    expect(file.persons.map((p) => p.name).sort()).toEqual(['Ann', 'Bob'])
  })

  it('an account file replaced by another program with something invalid is set aside, never written over, and the account recovers', async () => {
    const dataDir = await tempDir()
    const h = createHandlers({ dataDir, dialogs: noDialogs })
    await h['workspace:load']()
    const a = await h['deal:create']({ name: 'A', customer: 'Contoso' })
    await ipcCall(h, 'deal:save', applyCommand(a, { type: 'add-stakeholders', stakeholders: [newStakeholder({ name: 'Ann', position: { x: 0, y: 0 } })] }))
    const path = join(dataDir, 'accounts', `${accountIdOf('Contoso')}.json`)
    await writeFile(path, 'half-synced')
    const deal = (await h['deal:open'](a.id)).deal
    await ipcCall(h, 'deal:save', applyCommand(deal, { type: 'set-field', stakeholderId: deal.stakeholders[0].id, field: 'title', value: 'CFO' }))
    const aside = (await readdir(join(dataDir, 'accounts'))).filter((n) => n.includes('.corrupt-'))
    expect(aside).toHaveLength(1)
    expect(await readFile(join(dataDir, 'accounts', aside[0]), 'utf8')).toBe('half-synced')
    expect(AccountFileSchema.parse(JSON.parse(await readFile(path, 'utf8'))).persons[0].title).toBe('CFO')
  })

  it('an account file with more aliases on a person than the app ever writes (51) is set aside whole and the last good version comes back', async () => {
    // The app keeps 50 at most (docs/method.md, "One person, several ids"), so 51 is another
    // program's file: refused like any other invalid account file, not trimmed and trusted.
    const dataDir = await tempDir()
    const h = createHandlers({ dataDir, dialogs: noDialogs })
    await h['workspace:load']()
    const a = await h['deal:create']({ name: 'A', customer: 'Contoso' })
    await ipcCall(h, 'deal:save', applyCommand(a, { type: 'add-stakeholders', stakeholders: [newStakeholder({ name: 'Ann', position: { x: 0, y: 0 } })] }))
    const path = join(dataDir, 'accounts', `${accountIdOf('Contoso')}.json`)
    const good = AccountFileSchema.parse(JSON.parse(await readFile(path, 'utf8')))
    const aliases = Array.from({ length: MAX_ALIASES + 1 }, (_, i) => `alias-${i}`)
    await writeFile(path, JSON.stringify({ ...good, persons: good.persons.map((p) => ({ ...p, aliases })) }))
    const found = await h['account:for-deal'](a.id)
    expect(found?.persons.map((p) => [p.name, p.aliases ?? []])).toEqual([['Ann', []]])
    expect(found?.notices.length).toBeGreaterThan(0)
    expect((await readdir(join(dataDir, 'accounts'))).filter((n) => n.includes('.corrupt-'))).toHaveLength(1)
  })
})
