import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, LIMITS, DealValidator, newDeal, newStakeholder, parseDealFile, toDealFile, type DealFile } from '@shared/model'
import { openStores } from '../../../electron/main/store'
import { createHandlers } from '../../../electron/main/handlers'
import { invokeChannel } from '../../../electron/main/ipc'
import { manualClock, snapshotTree, tempDir } from './helpers'

const NOTE = 10_000 // LIMITS.longText: every field stays within its own limit

/** A deal file of exactly `bytes` UTF-8 bytes: many people with long notes, the last note trimmed to fit. */
function dealFileOfBytes(bytes: number, id = 'big-deal'): DealFile {
  const deal = newDeal({ name: 'Big', customer: 'Acme', id })
  const file = (): DealFile => toDealFile(deal, [])
  const size = () => new DealValidator().fileBytes(file()).byteLength
  const person = (i: number) => newStakeholder({ id: `p${String(i).padStart(6, '0')}`, name: 'Person', position: { x: 0, y: 0 }, notes: 'n'.repeat(NOTE) })
  deal.stakeholders.push(person(0))
  const empty = size()
  deal.stakeholders.push(person(1))
  const each = size() - empty // every further person adds the same bytes (fixed-width ids)
  const count = Math.ceil((bytes - empty) / each) + 1
  for (let i = 2; i < count; i++) deal.stakeholders.push(person(i))
  const last = deal.stakeholders.at(-1)!
  const over = size() - bytes
  deal.stakeholders[deal.stakeholders.length - 1] = { ...last, notes: 'n'.repeat(NOTE - over) }
  expect(size()).toBe(bytes)
  return file()
}

describe('the size cap on writes equals the cap on reads', () => {
  it('a deal file one byte over the cap is refused with too-large before anything is written; at the cap it saves and reads back', async () => {
    const dataDir = await tempDir()
    const stores = openStores(dataDir, { clock: manualClock() })
    await stores.deals.save(stores.deals.checkFile(toDealFile(newDeal({ name: 'Big', customer: 'Acme', id: 'big-deal' }), [])))
    const before = await snapshotTree(dataDir)

    const over = dealFileOfBytes(LIMITS.fileBytes + 1)
    await expect(stores.deals.save(stores.deals.checkFile(over))).rejects.toMatchObject({ appError: { code: 'too-large', size: { bytes: LIMITS.fileBytes + 1, limit: LIMITS.fileBytes } } })
    expect(await snapshotTree(dataDir)).toEqual(before)

    const at = dealFileOfBytes(LIMITS.fileBytes)
    await stores.deals.save(stores.deals.checkFile(at))
    expect((await stat(join(dataDir, 'deals', 'big-deal.json'))).size).toBe(LIMITS.fileBytes)
    const again = await openStores(dataDir).deals.load('big-deal')
    expect(again.status).toBe('ok')
    expect(again.status === 'ok' && again.value.deal.stakeholders.length).toBe(at.deal.stakeholders.length)
  }, 120_000)

  it('deal:save answers an oversized deal with a typed too-large failure and leaves the deal file as it was', async () => {
    const dataDir = await tempDir()
    const handlers = createHandlers({ dataDir, clock: manualClock(), dialogs: { saveFile: async () => null, openFile: async () => null } })
    const created = await handlers['deal:create']({ name: 'Big', customer: 'Acme' })
    await handlers['deal:open'](created.id)
    const path = join(dataDir, 'deals', `${created.id}.json`)
    const before = await readFile(path)
    const big = dealFileOfBytes(LIMITS.fileBytes + 1000, created.id).deal
    const result = await invokeChannel(handlers, 'deal:save', [{ ...big, name: created.name, updatedAt: created.updatedAt }])
    expect(result).toMatchObject({ ok: false, error: { code: 'too-large' } })
    expect(await readFile(path)).toEqual(before)
  }, 120_000)

  it('the read cap counts UTF-8 bytes, not UTF-16 units', () => {
    // 20 M CJK characters are 60 MB of UTF-8: over the cap although text.length is not.
    const cjk = JSON.stringify({ format: 'x', pad: '中'.repeat(20_000_000) })
    expect(cjk.length).toBeLessThan(LIMITS.fileBytes)
    const parsed = parseDealFile(cjk)
    expect(parsed.ok).toBe(false)
    expect(!parsed.ok && parsed.kind).toBe('too-large')
  })

  it('workspace.json: an update that would serialize past the cap is refused and the file stays as it was', async () => {
    const dataDir = await tempDir()
    const stores = openStores(dataDir, { clock: manualClock() })
    await stores.workspace.save({ format: 'deal-war-room.workspace', version: 1, settings: DEFAULT_SETTINGS, roster: [], deals: [] })
    const before = await snapshotTree(dataDir)
    // The index can only be this large through a store-level change (closeDate has no length
    // limit of its own); what matters is that the writer refuses what the reader would.
    const deals = Array.from({ length: 20_000 }, (_, i) => ({ id: `d${i}`, name: 'Deal', customer: '', stage: 'lead' as const, amount: { value: 0, currency: 'USD' }, closeDate: 'x'.repeat(2_700) }))
    expect(Buffer.byteLength(JSON.stringify({ deals }, null, 2))).toBeGreaterThan(LIMITS.fileBytes)
    await expect(stores.workspace.update((ws) => ({ ...ws, deals }))).rejects.toMatchObject({ appError: { code: 'too-large' } })
    expect(await snapshotTree(dataDir)).toEqual(before)
  }, 60_000)
})
