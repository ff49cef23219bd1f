import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ChannelResults, HandlerTable, Result } from '@shared/ipc'
import type { Deal, DealChanges } from '@shared/model'
import { createHandlers } from '../../../electron/main/handlers'
import { invokeChannel } from '../../../electron/main/ipc'
import { tempDir } from '../store/helpers'

// A hostile or buggy page's deal:save-changes (shared/model/deal-changes.ts): whatever it
// forges, main writes a valid deal or nothing.
const SAMPLE_ID = 'sample-harbor-city-core-banking'
const noDialogs = { saveFile: async () => null, openFile: async () => null }
const cloned = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T
const saveChanges = (h: HandlerTable, value: unknown) => invokeChannel(h, 'deal:save-changes', [value]) as Promise<Result<ChannelResults['deal:save-changes']>>

function changes(base: string, deal: Deal, ids: string[], changed: unknown[] = []): DealChanges {
  const { stakeholders: _s, links: _l, ...fields } = cloned(deal)
  return { base, deal: fields, stakeholderIds: ids, changed: changed as DealChanges['changed'] }
}

async function opened() {
  const dataDir = await tempDir()
  const h = createHandlers({ dataDir, dialogs: noDialogs })
  await h['workspace:load']()
  const { deal, revision } = await h['deal:open'](SAMPLE_ID)
  const path = join(dataDir, 'deals', `${SAMPLE_ID}.json`)
  return { h, deal, revision: revision!, onDisk: () => readFile(path, 'utf8') }
}

describe('forged deal:save-changes', () => {
  it('a person listed twice (held, not sent) is refused and nothing is written', async () => {
    const { h, deal, revision, onDisk } = await opened()
    const before = await onDisk()
    const ids = deal.stakeholders.map((s) => s.id)
    const answer = await saveChanges(h, changes(revision, deal, [...ids, ids[0]]))
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
    expect(await onDisk()).toBe(before)
  })

  it('a person whose id differs from a held one only by case is refused as a second person with that id, or kept apart', async () => {
    const { h, deal, revision, onDisk } = await opened()
    const first = deal.stakeholders[0]
    const twin = { ...cloned(first), id: first.id.toUpperCase(), name: 'Twin' }
    const answer = await saveChanges(h, changes(revision, deal, [...deal.stakeholders.map((s) => s.id), twin.id], [twin]))
    if (answer.ok) {
      // Accepted: then as two people, each whole, none overwritten.
      const saved = JSON.parse(await onDisk()).deal.stakeholders as { id: string; name: string }[]
      expect(saved.find((s) => s.id === first.id)?.name).toBe(first.name)
      expect(saved.find((s) => s.id === twin.id)?.name).toBe('Twin')
    } else {
      expect(answer.error.code).toBe('invalid-request')
    }
  })

  it("another deal's revision, or a made-up one in this run's form, is stale and writes nothing", async () => {
    const { h, deal, revision, onDisk } = await opened()
    const before = await onDisk()
    const ids = deal.stakeholders.map((s) => s.id)
    const [run, n] = revision.split('-')
    for (const base of [`${run}-${Number(n) + 1}`, `${run}-${Number(n) - 1}`, `${run}-0`, 'x'.repeat(100), `${revision} `]) {
      expect(await saveChanges(h, changes(base, deal, ids))).toEqual({ ok: true, value: { stale: true } })
    }
    const other = { ...cloned(deal), id: 'no-such-deal' }
    expect(await saveChanges(h, changes(revision, other, ids))).toEqual({ ok: true, value: { stale: true } })
    expect(await onDisk()).toBe(before)
  })
})

describe('forged positions (changes sent without the ids: changedAt)', () => {
  function inPlace(base: string, deal: Deal, changed: unknown[], changedAt: unknown): unknown {
    const { stakeholders: _s, links: _l, ...fields } = cloned(deal)
    return { base, deal: fields, changed, changedAt }
  }

  it('a changed person put at the position of someone else is not applied: stale, and the file is as it was', async () => {
    const { h, deal, revision, onDisk } = await opened()
    const before = await onDisk()
    const first = { ...cloned(deal.stakeholders[0]), title: 'Moved onto another card' }
    expect(await saveChanges(h, inPlace(revision, deal, [first], [1]))).toEqual({ ok: true, value: { stale: true } })
    expect(await saveChanges(h, inPlace(revision, deal, [first], [deal.stakeholders.length]))).toEqual({ ok: true, value: { stale: true } })
    expect(await onDisk()).toBe(before)
  })

  for (const [what, at] of [
    ['no positions', undefined],
    ['fewer positions than people', []],
    ['a negative position', [-1]],
    ['a fractional position', [0.5]],
    ['a position as text', ['0']],
  ] as const) {
    it(`${what} is refused as a bad request and writes nothing`, async () => {
      const { h, deal, revision, onDisk } = await opened()
      const before = await onDisk()
      const first = { ...cloned(deal.stakeholders[0]), title: 'Edited' }
      const answer = await saveChanges(h, inPlace(revision, deal, [first], at))
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
      expect(await onDisk()).toBe(before)
    })
  }

  it('positions and a list of ids together are refused (one or the other)', async () => {
    const { h, deal, revision, onDisk } = await opened()
    const before = await onDisk()
    const first = { ...cloned(deal.stakeholders[0]), title: 'Edited' }
    const both = { ...changes(revision, deal, deal.stakeholders.map((s) => s.id), [first]), changedAt: [0] }
    expect(await saveChanges(h, both)).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
    expect(await onDisk()).toBe(before)
  })

  it('a changed person at its own position is saved, and an invalid one there is refused with the schema’s reason', async () => {
    const { h, deal, revision, onDisk } = await opened()
    const first = { ...cloned(deal.stakeholders[0]), title: 'Chief Everything Officer' }
    const saved = await saveChanges(h, inPlace(revision, deal, [first], [0]))
    expect(saved).toMatchObject({ ok: true, value: { stale: false } })
    const onFile = JSON.parse(await onDisk()).deal.stakeholders as Array<{ id: string; title: string }>
    expect(onFile[0]).toMatchObject({ id: first.id, title: 'Chief Everything Officer' })
    expect(onFile.map((s) => s.id)).toEqual(deal.stakeholders.map((s) => s.id))
    const next = saved.ok && !saved.value.stale ? saved.value.revision! : ''
    const before = await onDisk()
    const bad = { ...first, influence: 'omnipotent' }
    expect(await saveChanges(h, inPlace(next, deal, [bad], [0]))).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
    expect(await onDisk()).toBe(before)
  })
})
