import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { DealFileSchema, StakeholderSchema, newStakeholder, type Deal, type DealChanges } from '@shared/model'
import type { ChannelResults, HandlerTable, Result } from '@shared/ipc'
import { createHandlers } from '../../../electron/main/handlers'
import { invokeChannel } from '../../../electron/main/ipc'
import { tempDir } from './helpers'

// deal:save-changes (shared/model/deal-changes.ts, docs/performance.md "Save"): an autosave
// sends what changed against the version main last accepted; main rebuilds, validates and
// writes the whole deal, and answers `stale` for changes made from any other version.
const SAMPLE_ID = 'sample-harbor-city-core-banking'
const noDialogs = { saveFile: async () => null, openFile: async () => null }
/** What crossing IPC does to a value: new objects. */
const cloned = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

function changes(base: string, deal: Deal, changedIds: string[], withLinks = false): DealChanges {
  const { stakeholders, links, ...fields } = cloned(deal)
  return { base, deal: fields, stakeholderIds: stakeholders.map((s) => s.id), changed: stakeholders.filter((s) => changedIds.includes(s.id)), ...(withLinks ? { links } : {}) }
}

/** `deal:save-changes` through the contract, as the page calls it. */
const saveChanges = (h: HandlerTable, value: unknown) => invokeChannel(h, 'deal:save-changes', [value]) as Promise<Result<ChannelResults['deal:save-changes']>>

async function opened() {
  const dataDir = await tempDir()
  const h = createHandlers({ dataDir, dialogs: noDialogs })
  await h['workspace:load']()
  const { deal, revision } = await h['deal:open'](SAMPLE_ID)
  const path = join(dataDir, 'deals', `${SAMPLE_ID}.json`)
  return { dataDir, h, deal, revision: revision!, path, onDisk: async () => DealFileSchema.parse(JSON.parse(await readFile(path, 'utf8'))) }
}

describe('an autosave sends only what changed', () => {
  it('moving one card writes the whole deal with the card moved, byte for byte what a whole-deal save writes', async () => {
    const { h, deal, revision, onDisk, path } = await opened()
    expect(revision).toMatch(/\S/)
    const moved: Deal = { ...deal, stakeholders: deal.stakeholders.map((s, i) => (i === 0 ? { ...s, position: { x: 777, y: -5 } } : s)) }
    const answer = await saveChanges(h, changes(revision, moved, [moved.stakeholders[0].id]))
    expect(answer.ok && !answer.value.stale).toBe(true)
    const viaChanges = await onDisk()
    expect(viaChanges.deal.stakeholders[0].position).toEqual({ x: 777, y: -5 })
    expect(viaChanges.deal.stakeholders.map((s) => s.id)).toEqual(deal.stakeholders.map((s) => s.id))
    const patchedText = await readFile(path, 'utf8')
    // The same deal saved whole, on another data folder: the same file but the save time.
    const other = await opened()
    await invokeChannel(other.h, 'deal:save', [cloned(moved)])
    const strip = (text: string) => text.replace(/"updatedAt": "[^"]*"/, '')
    expect(strip(patchedText)).toBe(strip(await readFile(other.path, 'utf8')))
  })

  it('chains: each save answers the revision the next one is made against; an older one is stale and writes nothing', async () => {
    const { h, deal, revision, onDisk, path } = await opened()
    const first = { ...deal, notes: 'first' }
    const a = await saveChanges(h, changes(revision, first, []))
    if (!a.ok || a.value.stale) throw new Error('first save refused')
    const second = { ...first, stakeholders: first.stakeholders.map((s, i) => (i === 1 ? { ...s, title: 'Chief of Staff' } : s)) }
    const b = await saveChanges(h, changes(a.value.revision!, second, [second.stakeholders[1].id]))
    expect(b.ok && !b.value.stale).toBe(true)
    expect((await onDisk()).deal.stakeholders[1].title).toBe('Chief of Staff')
    const before = await readFile(path, 'utf8')
    // Made from the first version, not the one main holds now: refused as stale, nothing written.
    const stale = await saveChanges(h, changes(revision, { ...deal, notes: 'from long ago' }, []))
    expect(stale).toEqual({ ok: true, value: { stale: true } })
    expect(await readFile(path, 'utf8')).toBe(before)
  })

  it('a revision from another handler table (a restarted app, another window) is stale there', async () => {
    const { dataDir, deal, revision } = await opened()
    const restarted = createHandlers({ dataDir, dialogs: noDialogs })
    await restarted['workspace:load']()
    await restarted['deal:open'](SAMPLE_ID)
    const answer = await saveChanges(restarted, changes(revision, { ...deal, notes: 'x' }, []))
    expect(answer).toEqual({ ok: true, value: { stale: true } })
  })

  it('adds, removes and reorders people, and replaces the lines only when they are sent', async () => {
    const { h, deal, revision, onDisk } = await opened()
    const added = cloned(newStakeholder({ name: 'New Person', position: { x: 1, y: 2 } }))
    const people = [added, ...deal.stakeholders].reverse()
    const grown: Deal = { ...deal, stakeholders: people }
    const a = await saveChanges(h, changes(revision, grown, [added.id]))
    if (!a.ok || a.value.stale) throw new Error(`refused: ${JSON.stringify(a)}`)
    const saved = await onDisk()
    expect(saved.deal.stakeholders.map((s) => s.id)).toEqual(people.map((s) => s.id))
    // Not sent: the lines main holds are kept.
    expect(saved.deal.links).toEqual(deal.links)
    // One person removed with their lines (sent, since they changed).
    const gone = deal.stakeholders[0].id
    const shrunk: Deal = { ...grown, stakeholders: people.filter((s) => s.id !== gone), links: deal.links.filter((l) => l.from !== gone && l.to !== gone) }
    const b = await saveChanges(h, changes(a.value.revision!, shrunk, [], true))
    if (!b.ok || b.value.stale) throw new Error(`refused: ${JSON.stringify(b)}`)
    const after = await onDisk()
    expect(after.deal.stakeholders.some((s) => s.id === gone)).toBe(false)
    expect(after.deal.links).toEqual(shrunk.links)
    // A removal whose lines still name the person is refused by the whole deal's checks.
    const linked = shrunk.links[0].from
    const dangling = { ...changes(b.value.revision!, shrunk, []), stakeholderIds: shrunk.stakeholders.filter((s) => s.id !== linked).map((s) => s.id) }
    const c = await saveChanges(h, dangling)
    expect(!c.ok && c.error.code).toBe('invalid-request')
    expect((await onDisk()).deal.stakeholders.some((s) => s.id === linked)).toBe(true)
  })

  it('refuses an invalid changed person with the schema\'s own path, and writes nothing', async () => {
    const { h, deal, revision, path } = await opened()
    const before = await readFile(path, 'utf8')
    const parse = vi.spyOn(StakeholderSchema, 'safeParse')
    const bad = { ...deal, stakeholders: deal.stakeholders.map((s, i) => (i === 0 ? { ...s, influence: 'enormous' } : s)) } as unknown as Deal
    const answer = await saveChanges(h, changes(revision, bad, [deal.stakeholders[0].id]))
    expect(answer.ok).toBe(false)
    if (!answer.ok) {
      expect(answer.error.code).toBe('invalid-request')
      expect(answer.error.issues?.some((i) => i.path.includes('influence'))).toBe(true)
    }
    // Only the one changed person was parsed on the fast path (the others are the validated objects).
    expect(parse.mock.calls.length).toBeLessThanOrEqual(2)
    parse.mockRestore()
    expect(await readFile(path, 'utf8')).toBe(before)
  })

  it('refuses malformed changes: a changed person not among the ids, one sent twice, an id main never held', async () => {
    const { h, deal, revision } = await opened()
    const stranger = cloned(newStakeholder({ name: 'Stranger', position: { x: 0, y: 0 } }))
    const notListed = { ...changes(revision, deal, []), changed: [stranger] }
    const r1 = await saveChanges(h, notListed)
    expect(!r1.ok && r1.error.code).toBe('invalid-request')
    const twice = changes(revision, deal, [deal.stakeholders[0].id])
    const r2 = await saveChanges(h, { ...twice, changed: [twice.changed[0], twice.changed[0]] })
    expect(!r2.ok && r2.error.code).toBe('invalid-request')
    // An id neither sent nor held: the page's base is not main's version.
    const unknown = { ...changes(revision, deal, []), stakeholderIds: [...deal.stakeholders.map((s) => s.id), stranger.id] }
    expect(await saveChanges(h, unknown)).toEqual({ ok: true, value: { stale: true } })
    const r4 = await saveChanges(h, { base: revision, deal: 'nope', stakeholderIds: [], changed: [] })
    expect(!r4.ok && r4.error.code).toBe('invalid-request')
  })

  it('an edit made outside the app since the open is still a conflict, not overwritten', async () => {
    const { h, deal, revision, path } = await opened()
    const outside = (await readFile(path, 'utf8')).replace('"notes": "', '"notes": "edited in a text editor. ')
    await writeFile(path, outside)
    const answer = await saveChanges(h, changes(revision, { ...deal, notes: 'mine' }, []))
    expect(!answer.ok && answer.error.code).toBe('conflict')
    expect(await readFile(path, 'utf8')).toBe(outside)
  })
})
