import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AccountFileSchema, accountIdOf, type AccountFile } from '@shared/accounts'
import type { Deal, DealChanges } from '@shared/model'
import type { ChannelResults, HandlerTable, Result } from '@shared/ipc'
import { createHandlers } from '../../../electron/main/handlers'
import { invokeChannel } from '../../../electron/main/ipc'
import { manualClock, MINUTES, tempDir } from '../store/helpers'

// An autosave records its deal into the account (docs/method.md, "Accounts"); main keeps the
// account it last read or wrote, and skips a record that cannot change anything
// (docs/performance.md, "Save"). These are the saves around those shortcuts.
const SAMPLE_ID = 'sample-harbor-city-core-banking'
const noDialogs = { saveFile: async () => null, openFile: async () => null }
const cloned = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

/** The page's autosave: what changed against the revision main answered last. */
async function autosave(h: HandlerTable, base: string, deal: Deal, changedIds: string[]): Promise<string> {
  const { stakeholders, links: _links, ...fields } = cloned(deal)
  const changes: DealChanges = { base, deal: fields, stakeholderIds: stakeholders.map((s) => s.id), changed: stakeholders.filter((s) => changedIds.includes(s.id)) }
  const answer = (await invokeChannel(h, 'deal:save-changes', [changes])) as Result<ChannelResults['deal:save-changes']>
  if (!answer.ok || answer.value.stale) throw new Error(`autosave refused: ${JSON.stringify(answer)}`)
  return answer.value.revision!
}

const withCard = (deal: Deal, index: number, patch: Partial<Deal['stakeholders'][number]>): Deal => ({
  ...deal, stakeholders: deal.stakeholders.map((s, i) => (i === index ? { ...s, ...patch } : s)),
})

async function openedSample() {
  const dataDir = await tempDir()
  const clock = manualClock()
  const h = createHandlers({ dataDir, dialogs: noDialogs, clock })
  await h['workspace:load']()
  const { deal, revision } = await h['deal:open'](SAMPLE_ID)
  const path = join(dataDir, 'accounts', `${accountIdOf(deal.customer)}.json`)
  const account = async (): Promise<AccountFile> => AccountFileSchema.parse(JSON.parse(await readFile(path, 'utf8')))
  return { dataDir, clock, h, deal, revision: revision!, path, account }
}

describe('autosaves and the account', () => {
  it('after autosaves that only move cards, a changed title still reaches the account', async () => {
    const { clock, h, deal, revision, account } = await openedSample()
    let rev = revision
    let current = deal
    for (let x = 1; x <= 3; x++) {
      clock.advance(MINUTES)
      current = withCard(current, 0, { position: { x: x * 100, y: 7 } })
      rev = await autosave(h, rev, current, [current.stakeholders[0].id])
    }
    const name = current.stakeholders[0].name
    expect((await account()).persons.find((p) => p.name === name)?.title).toBe(deal.stakeholders[0].title)
    clock.advance(MINUTES)
    current = withCard(current, 0, { title: 'Chief Transformation Officer' })
    await autosave(h, rev, current, [current.stakeholders[0].id])
    expect((await account()).persons.find((p) => p.name === name)?.title).toBe('Chief Transformation Officer')
  })

  it('a person another program added to the account file between two autosaves is kept by the next one', async () => {
    const { clock, h, deal, revision, path, account } = await openedSample()
    clock.advance(MINUTES)
    let current = withCard(deal, 0, { position: { x: 1, y: 1 } })
    const rev = await autosave(h, revision, current, [current.stakeholders[0].id])
    // Another program (a second app instance on a synced folder) adds a person to the account.
    const before = await account()
    const stranger = { ...before.persons[0], id: 'person-from-elsewhere', name: 'Mira Stranger', email: 'mira@elsewhere.example', seenIn: [{ dealId: 'deal-elsewhere', stakeholderId: 'card-elsewhere' }] }
    await writeFile(path, `${JSON.stringify({ ...before, persons: [...before.persons, stranger] }, null, 2)}\n`)
    clock.advance(MINUTES)
    current = withCard(current, 1, { title: 'Head of Everything' })
    await autosave(h, rev, current, [current.stakeholders[1].id])
    const after = await account()
    expect(after.persons.map((p) => p.name)).toContain('Mira Stranger')
    expect(after.persons.find((p) => p.name === current.stakeholders[1].name)?.title).toBe('Head of Everything')
  })

  it('two app instances on one folder: the people the other one saved survive this one\'s next autosaves', async () => {
    const { dataDir, clock, h, deal, revision, account } = await openedSample()
    clock.advance(MINUTES)
    let current = withCard(deal, 0, { position: { x: 5, y: 5 } })
    let rev = await autosave(h, revision, current, [current.stakeholders[0].id])
    // The second instance makes another deal of the same customer with a new person.
    const other = createHandlers({ dataDir, dialogs: noDialogs, clock })
    await other['workspace:load']()
    const created = await other['deal:create']({ name: 'Payments hub', customer: deal.customer })
    const opened = await other['deal:open'](created.id)
    clock.advance(MINUTES)
    const person = { ...deal.stakeholders[0], id: 'card-of-ines', name: 'Ines Duarte', title: 'Head of Payments', personId: undefined, email: 'ines@harborcity.example', relationships: [], contacts: [] }
    const withInes = { ...opened.deal, stakeholders: [person] }
    await autosave(other, opened.revision!, withInes, [person.id])
    expect((await account()).persons.map((p) => p.name)).toContain('Ines Duarte')
    // This instance moves a card, then retitles someone: Ines stays in the account.
    clock.advance(MINUTES)
    current = withCard(current, 0, { position: { x: 6, y: 6 } })
    rev = await autosave(h, rev, current, [current.stakeholders[0].id])
    clock.advance(MINUTES)
    current = withCard(current, 1, { title: 'Chief Risk Officer' })
    await autosave(h, rev, current, [current.stakeholders[1].id])
    const after = await account()
    expect(after.persons.map((p) => p.name)).toContain('Ines Duarte')
    expect(after.persons.find((p) => p.name === current.stakeholders[1].name)?.title).toBe('Chief Risk Officer')
  })

  it('an account file deleted by another program between two autosaves is built again from the deals', async () => {
    const { clock, h, deal, revision, path, account } = await openedSample()
    clock.advance(MINUTES)
    let current = withCard(deal, 0, { position: { x: 2, y: 2 } })
    const rev = await autosave(h, revision, current, [current.stakeholders[0].id])
    const people = (await account()).persons.length
    await rm(path)
    clock.advance(MINUTES)
    current = withCard(current, 3, { title: 'Chief Data Officer' })
    await autosave(h, rev, current, [current.stakeholders[3].id])
    const rebuilt = await account()
    expect(rebuilt.persons).toHaveLength(people)
    expect(rebuilt.persons.find((p) => p.name === current.stakeholders[3].name)?.title).toBe('Chief Data Officer')
  })
})
