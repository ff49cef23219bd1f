import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DealFileSchema, toDealFile } from '@shared/model'
import { sampleWorkspace } from '@shared/sample-deal'
import { createHandlers } from '../../../electron/main/handlers'
import { invokeChannel } from '../../../electron/main/ipc'
import { manualClock, MINUTES, tempDir, ipcCall } from './helpers'

const noDialogs = { saveFile: async () => null, openFile: async () => null }
const SAMPLE_ID = 'sample-harbor-city-core-banking'

describe('snapshots', () => {
  it('saves named, dated copies of a deal and gives them back, newest first, after a restart', async () => {
    const dataDir = await tempDir()
    const clock = manualClock()
    const h = createHandlers({ dataDir, dialogs: noDialogs, clock })
    await h['workspace:load']()
    const first = await h['snapshot:save'](SAMPLE_ID, 'Before the CFO meeting')
    const { deal } = await h['deal:open'](SAMPLE_ID)
    await ipcCall(h, 'deal:save', { ...deal, stage: 'negotiate' })
    clock.advance(30 * MINUTES)
    const second = await h['snapshot:save'](SAMPLE_ID, 'After the CFO meeting')
    expect(second.createdAt > first.createdAt).toBe(true)

    const again = createHandlers({ dataDir, dialogs: noDialogs, clock })
    expect((await again['snapshot:list'](SAMPLE_ID)).map((s) => s.name)).toEqual(['After the CFO meeting', 'Before the CFO meeting'])
    expect((await again['snapshot:get'](SAMPLE_ID, first.id)).deal.stage).toBe('propose')
    expect((await again['snapshot:get'](SAMPLE_ID, second.id)).deal.stage).toBe('negotiate')
    expect(await invokeChannel(again, 'snapshot:get', [SAMPLE_ID, 'missing'])).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })

  it('a damaged snapshot file of the earlier format is set aside, restored from its backup and moved to one file per snapshot', async () => {
    const dataDir = await tempDir()
    const h = createHandlers({ dataDir, dialogs: noDialogs })
    const { roster } = await h['workspace:load']()
    const { deal } = await h['deal:open'](SAMPLE_ID)
    const old = JSON.stringify({ format: 'deal-war-room.snapshots', version: 1, snapshots: [{ id: 'kept', name: 'Kept', createdAt: '2026-03-01T09:00:00.000Z', file: toDealFile(deal, roster) }] })
    await mkdir(join(dataDir, 'backups', `snapshots-${SAMPLE_ID}`), { recursive: true })
    await writeFile(join(dataDir, 'backups', `snapshots-${SAMPLE_ID}`, '2026-03-01T09-00-00-000Z.json'), old)
    await mkdir(join(dataDir, 'snapshots'), { recursive: true })
    await writeFile(join(dataDir, 'snapshots', `${SAMPLE_ID}.json`), '{"format":')
    expect((await h['snapshot:list'](SAMPLE_ID)).map((s) => s.name)).toEqual(['Kept'])
    const names = await readdir(join(dataDir, 'snapshots'))
    expect(names.filter((n) => n.includes('.corrupt-'))).toHaveLength(1)
    expect(names).not.toContain(`${SAMPLE_ID}.json`)
    expect((await h['snapshot:get'](SAMPLE_ID, 'kept')).info.name).toBe('Kept')
  })
})

describe('the sample deal', () => {
  it('is a valid deal file with 12 people in 4 departments, 4 sellers seated, and something for the team check to say', async () => {
    const today = '2026-03-12'
    const { deal, roster } = sampleWorkspace(today)
    expect(DealFileSchema.safeParse(toDealFile(deal, roster)).success).toBe(true)
    expect(deal.stakeholders).toHaveLength(12)
    expect(new Set(deal.stakeholders.map((s) => s.department)).size).toBe(4)
    expect(new Set(deal.links.map((l) => l.kind))).toEqual(new Set(['reports-to', 'influences', 'ally', 'conflict']))
    expect(new Set(deal.team.map((t) => t.sellerId))).toEqual(new Set(roster.map((s) => s.id)))
    expect(new Set(roster.map((s) => s.level)).size).toBeGreaterThanOrEqual(3)
    // Dates follow `today`: every contact is in the past, the close date ahead.
    const contacts = deal.stakeholders.flatMap((s) => s.contacts.map((c) => c.date))
    expect(contacts.length).toBeGreaterThanOrEqual(5)
    expect(contacts.every((d) => d < today)).toBe(true)
    expect(deal.closeDate! > today).toBe(true)

    const dataDir = await tempDir()
    const view = await createHandlers({ dataDir, dialogs: noDialogs, clock: manualClock(`${today}T09:00:00.000Z`) })['workspace:load']()
    expect(view.deals[0].teamVerdict).not.toBe('covered')
    expect(view.deals[0].mapStatus).toBeDefined()
  })
})
