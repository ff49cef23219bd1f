import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DealFileSchema, DealValidator, newDeal, parseDealFile, newStakeholder, toDealFile, type Deal, type DealFile, type ValidDeal, type ValidDealFile } from '@shared/model'
import { createHandlers } from '../../../electron/main/handlers'
import { invokeChannel } from '../../../electron/main/ipc'
import { openStores } from '../../../electron/main/store'
import { tempDir } from './helpers'

const SAMPLE_ID = 'sample-harbor-city-core-banking'
const noDialogs = { saveFile: async () => null, openFile: async () => null }

afterEach(() => {
  vi.restoreAllMocks()
})

/** A deal of `n` people, as plain JSON (what arrives over IPC: new objects every time). */
function dealOf(id: string, n: number): Deal {
  const deal = newDeal({ name: `Deal ${id}`, customer: 'Acme', id })
  return JSON.parse(JSON.stringify({ ...deal, stakeholders: Array.from({ length: n }, (_, i) => newStakeholder({ name: `Person ${i}`, position: { x: i, y: 0 } })) }))
}

describe('a deal is validated once, at the IPC boundary', () => {
  it('a save through IPC checks the deal once and the store does not check it again', async () => {
    const dataDir = await tempDir()
    const h = createHandlers({ dataDir, dialogs: noDialogs })
    await h['workspace:load']()
    const { deal } = await h['deal:open'](SAMPLE_ID)
    const checkDeal = vi.spyOn(DealValidator.prototype, 'checkDeal')
    const checkDealFile = vi.spyOn(DealValidator.prototype, 'checkDealFile')
    const result = await invokeChannel(h, 'deal:save', [{ ...JSON.parse(JSON.stringify(deal)), notes: 'one edit' }])
    expect(result.ok).toBe(true)
    // Before: the contract's checkDeal, then the store's checkDealFile over the same deal.
    expect(checkDeal).toHaveBeenCalledTimes(1)
    expect(checkDealFile).not.toHaveBeenCalled()
    const reopened = await createHandlers({ dataDir, dialogs: noDialogs })['deal:open'](SAMPLE_ID)
    expect(reopened.deal.notes).toBe('one edit')
  })

  it('restoring the newest backup validates that backup once', async () => {
    const dataDir = await tempDir()
    const h = createHandlers({ dataDir, dialogs: noDialogs })
    await h['workspace:load']() // the sample deal and its first backup
    const text = await readFile(join(dataDir, 'deals', `${SAMPLE_ID}.json`), 'utf8')
    const parse = vi.spyOn(DealFileSchema, 'safeParse')
    parseDealFile(text)
    const perFile = parse.mock.calls.length
    parse.mockClear()
    const restored = await h['deal:restore-backup'](SAMPLE_ID, 'newest')
    expect(restored.id).toBe(SAMPLE_ID)
    // Two files are read whole: the backup (to restore) and the current file (backed up first
    // when valid). Before, the backup was validated twice: while looked for, then again. The
    // backup holds the very text the list read and accepted: not parsed again either.
    expect(parse.mock.calls.length).toBe(perFile)
  })

  it('an invalid deal is refused by the contract with the schema\'s own path, and nothing is saved', async () => {
    const dataDir = await tempDir()
    const h = createHandlers({ dataDir, dialogs: noDialogs })
    await h['workspace:load']()
    const { deal } = await h['deal:open'](SAMPLE_ID)
    const bad = { ...deal, stakeholders: deal.stakeholders.map((s, i) => (i === 1 ? { ...s, stance: 'furious' } : s)) }
    const result = await invokeChannel(h, 'deal:save', [bad])
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request', issues: [{ path: '$[0].stakeholders[1].stance' }] } })
    expect((await h['deal:open'](SAMPLE_ID)).deal).toEqual(deal)
  })

  it('the store takes only a deal the validator made (a type test: each line below fails to compile without its brand)', async () => {
    const stores = openStores(await tempDir())
    const file: DealFile = toDealFile(newDeal({ name: 'Typed', customer: 'Acme', id: 'typed-1' }), [])
    const typeChecks = () => {
      // @ts-expect-error a DealFile nobody validated is not a ValidDealFile
      void stores.deals.save(file)
      // @ts-expect-error nor can one be declared one
      const forged: ValidDealFile = file
      // @ts-expect-error a plain Deal is not a ValidDeal
      const deal: ValidDeal = file.deal
      // @ts-expect-error the file of a deal needs a validated deal
      stores.deals.fileOf(file.deal, [])
      // @ts-expect-error replacing, resolving a conflict and snapshots take validated files too
      void stores.deals.replace(file)
      // @ts-expect-error as above
      void stores.deals.keepMine(file)
      // @ts-expect-error as above
      void stores.snapshots.save('typed-1', 'v1', file)
      return [forged, deal]
    }
    expect(typeChecks).toBeTypeOf('function')
    // The way in: the store's check.
    await stores.deals.save(stores.deals.checkFile(file))
    const loaded = await stores.deals.load('typed-1')
    expect(loaded.status === 'ok' && loaded.value.deal.name).toBe('Typed')
  })
})

describe('the incremental validator belongs to its store', () => {
  it('two stores over two data folders each have their own validator', async () => {
    const a = openStores(join(await tempDir(), 'a'))
    const b = openStores(join(await tempDir(), 'b'))
    expect(a.deals.validator).toBeInstanceOf(DealValidator)
    expect(a.deals.validator).not.toBe(b.deals.validator)
  })

  it('what one store validated is not reused or evicted by the other', async () => {
    const a = openStores(join(await tempDir(), 'a'))
    const b = openStores(join(await tempDir(), 'b'))
    const deal = dealOf('shared-deal', 5)
    const first = a.deals.checkDeal(structuredClone(deal))
    // The other store validates the same deal and many others (more than a validator remembers).
    const inB = b.deals.checkDeal(structuredClone(deal))
    for (let i = 0; i < 12; i++) b.deals.checkDeal(dealOf(`other-${i}`, 2))
    expect(inB.stakeholders[0]).not.toBe(first.stakeholders[0])
    // Store a still knows its deal: an unchanged person is the validated object it remembered,
    // not parsed again (a shared validator would have forgotten it under b's twelve deals).
    const again = a.deals.checkDeal(structuredClone(deal))
    expect(again.stakeholders[0]).toBe(first.stakeholders[0])
  })

})

describe('an unchanged deal file is validated once: the list, the open and the account sync share it', () => {
  it('after the deal list, opening the deal and its account sync parse the file no more; an outside edit is parsed again', async () => {
    const dataDir = await tempDir()
    const h = createHandlers({ dataDir, dialogs: noDialogs })
    await h['workspace:load']() // the sample deal, written and read once
    const path = join(dataDir, 'deals', `${SAMPLE_ID}.json`)
    const text = await readFile(path, 'utf8')
    // Every way of validating a file's text starts by parsing it whole as JSON.
    const parse = vi.spyOn(JSON, 'parse')
    const wholeFiles = () => parse.mock.calls.filter(([arg]) => typeof arg === 'string' && arg.length > 2_000).length
    await h['deal:open'](SAMPLE_ID)
    await h['account:for-deal'](SAMPLE_ID)
    // Before: parsed and validated again by each, though the bytes were the very ones accepted.
    expect(wholeFiles()).toBe(0)
    await writeFile(path, text.replace('"notes": "', '"notes": "Edited outside. '))
    const reopened = await h['deal:open'](SAMPLE_ID)
    expect(wholeFiles()).toBe(1)
    expect(reopened.deal.notes).toMatch(/^Edited outside\. /)
  })

  it('the account sync after the open leaves the revision the page edits: its first autosave is not stale', async () => {
    const dataDir = await tempDir()
    const h = createHandlers({ dataDir, dialogs: noDialogs })
    await h['workspace:load']()
    const { deal, revision } = await h['deal:open'](SAMPLE_ID)
    await h['account:for-deal'](SAMPLE_ID)
    const { stakeholders, links: _links, ...fields } = JSON.parse(JSON.stringify({ ...deal, notes: 'after the sync' })) as Deal
    const answer = await invokeChannel(h, 'deal:save-changes', [{ base: revision, deal: fields, stakeholderIds: stakeholders.map((s) => s.id), changed: [] }])
    expect(answer).toMatchObject({ ok: true, value: { stale: false } })
  })
})
