import { readFile, readdir, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Deal } from '@shared/model'
import { createHandlers } from '../../../electron/main/handlers'
import { nodeDurableFs, type DurableFs } from '../../../electron/main/store'
import { invokeChannel } from '../../../electron/main/ipc'
import { manualClock, tempDir, ipcCall } from './helpers'

/** A workspace with the sample deal opened, as the page has it. */
async function setUp() {
  const dataDir = await tempDir()
  const handlers = createHandlers({ dataDir, clock: manualClock(), dialogs: { saveFile: async () => null, openFile: async () => null } })
  const [sample] = (await handlers['workspace:load']()).deals
  const { deal } = await handlers['deal:open'](sample.id)
  const path = join(dataDir, 'deals', `${deal.id}.json`)
  /** Another program (a sync client, an editor) rewrites the file. */
  const editOutside = async (change: (file: { deal: Deal }) => void) => {
    const file = JSON.parse(await readFile(path, 'utf8'))
    change(file)
    await writeFile(path, JSON.stringify(file, null, 2) + '\n')
    return readFile(path)
  }
  return { dataDir, handlers, deal: structuredClone(deal), path, editOutside }
}

const renamed = (deal: Deal, name: string): Deal => ({ ...deal, stakeholders: deal.stakeholders.map((s, i) => (i === 0 ? { ...s, name } : s)) })

describe('edits made outside the app', () => {
  it('a save after another program changed the file is refused as a conflict; theirs stays, mine is kept aside', async () => {
    const { dataDir, handlers, deal, path, editOutside } = await setUp()
    const theirs = await editOutside((f) => void (f.deal.notes = 'edited in a text editor'))
    const result = await invokeChannel(handlers, 'deal:save', [renamed(deal, 'Mine')])
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', conflict: { dealId: deal.id, theirs: { valid: true } } } })
    expect(await readFile(path)).toEqual(theirs)
    const copy = !result.ok ? result.error.conflict!.copyFile : ''
    expect(await readdir(join(dataDir, 'deals'))).toContain(copy)
    // Mine was written to a temp file before the check refused it: none is left behind.
    expect((await readdir(join(dataDir, 'deals'))).filter((n) => n.endsWith('.tmp'))).toEqual([])
    expect(JSON.parse(await readFile(join(dataDir, 'deals', copy), 'utf8')).deal.stakeholders[0].name).toBe('Mine')
  })

  it('our own saves in a row are never mistaken for outside edits', async () => {
    const { handlers, deal } = await setUp()
    for (let i = 0; i < 5; i++) expect((await invokeChannel(handlers, 'deal:save', [renamed(deal, `v${i}`)])).ok).toBe(true)
  })

  it('a file only touched (new time, same bytes, as sync clients do) is not a conflict', async () => {
    const { handlers, deal, path } = await setUp()
    await utimes(path, new Date('2030-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z'))
    expect((await invokeChannel(handlers, 'deal:save', [renamed(deal, 'Mine')])).ok).toBe(true)
    await utimes(path, new Date('2031-01-01T00:00:00Z'), new Date('2031-01-01T00:00:00Z'))
    expect((await invokeChannel(handlers, 'deal:save', [renamed(deal, 'Mine again')])).ok).toBe(true)
    expect(JSON.parse(await readFile(path, 'utf8')).deal.stakeholders[0].name).toBe('Mine again')
  })

  it('a half-synced (invalid JSON) outside file is reported as such and never overwritten without keep-mine', async () => {
    const { handlers, deal, path } = await setUp()
    await writeFile(path, '{"format": "deal-war-room.deal", "ver')
    const result = await invokeChannel(handlers, 'deal:save', [renamed(deal, 'Mine')])
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', conflict: { theirs: { valid: false, problem: 'not-json' } } } })
    expect(await invokeChannel(handlers, 'deal:resolve-conflict', [{ choice: 'take-theirs', mine: renamed(deal, 'Mine'), copyName: 'x' }])).toMatchObject({ ok: false, error: { code: 'invalid-file' } })
    expect(await readFile(path, 'utf8')).toBe('{"format": "deal-war-room.deal", "ver')
    expect(await invokeChannel(handlers, 'deal:resolve-conflict', [{ choice: 'keep-mine', mine: renamed(deal, 'Mine'), copyName: 'x' }])).toMatchObject({ ok: true })
    expect(JSON.parse(await readFile(path, 'utf8')).deal.stakeholders[0].name).toBe('Mine')
    // Theirs was backed up before it was replaced.
    const backups = await handlers['deal:backups'](deal.id)
    expect(backups.some((b) => !b.valid)).toBe(true)
  })

  it('keep mine overwrites theirs after backing it up; later saves go through', async () => {
    const { handlers, deal, path, editOutside } = await setUp()
    await editOutside((f) => void (f.deal.notes = 'theirs'))
    await invokeChannel(handlers, 'deal:save', [renamed(deal, 'Mine')])
    const kept = await ipcCall(handlers, 'deal:resolve-conflict', { choice: 'keep-mine', mine: renamed(deal, 'Mine'), copyName: 'x' })
    expect(kept.deal?.stakeholders[0].name).toBe('Mine')
    const onDisk = JSON.parse(await readFile(path, 'utf8'))
    expect(onDisk.deal.stakeholders[0].name).toBe('Mine')
    expect(onDisk.deal.notes).toBe(deal.notes)
    const backups = await handlers['deal:backups'](deal.id)
    const texts = await Promise.all(backups.map(async (b) => (await handlers['deal:restore-backup'](deal.id, b.id)).notes))
    expect(texts).toContain('theirs')
  })

  it('take theirs reloads the outside version and keeps mine as a backup; the next save is based on theirs', async () => {
    const { handlers, deal, path, editOutside } = await setUp()
    await editOutside((f) => void (f.deal.notes = 'theirs'))
    await invokeChannel(handlers, 'deal:save', [renamed(deal, 'Mine')])
    const taken = await ipcCall(handlers, 'deal:resolve-conflict', { choice: 'take-theirs', mine: renamed(deal, 'Mine'), copyName: 'x' })
    expect(taken.deal?.notes).toBe('theirs')
    expect(JSON.parse(await readFile(path, 'utf8')).deal.notes).toBe('theirs')
    expect((await handlers['deal:backups'](deal.id)).length).toBeGreaterThan(0)
    expect((await invokeChannel(handlers, 'deal:save', [{ ...taken.deal!, stage: 'qualify' }])).ok).toBe(true)
  })

  it('keep both: theirs stays as this deal, mine becomes a new deal named as asked', async () => {
    const { dataDir, handlers, deal, path, editOutside } = await setUp()
    await editOutside((f) => void (f.deal.notes = 'theirs'))
    await invokeChannel(handlers, 'deal:save', [renamed(deal, 'Mine')])
    const both = await ipcCall(handlers, 'deal:resolve-conflict', { choice: 'keep-both', mine: renamed(deal, 'Mine'), copyName: `${deal.name} (my copy)` })
    expect(both.deal?.notes).toBe('theirs')
    expect(both.copy?.id).not.toBe(deal.id)
    expect(both.copy?.name).toBe(`${deal.name} (my copy)`)
    expect(JSON.parse(await readFile(path, 'utf8')).deal.notes).toBe('theirs')
    const view = await handlers['workspace:load']()
    expect(view.deals.map((d) => d.name)).toContain(`${deal.name} (my copy)`)
    expect((await readdir(join(dataDir, 'deals'))).filter((n) => n.includes('.mine-'))).toEqual([])
  })

  it('another program writing the file the moment our save puts it in place is caught by the next save, not taken for ours', async () => {
    const dataDir = await tempDir()
    let editAfterRename: ((to: string) => Promise<void>) | null = null
    // The disk as a sync client sees it: it rewrites the deal file right after our rename.
    const fs: DurableFs = {
      ...nodeDurableFs,
      async rename(from, to) {
        await nodeDurableFs.rename(from, to)
        const edit = editAfterRename
        editAfterRename = null
        await edit?.(to)
      },
    }
    const handlers = createHandlers({ dataDir, fs, clock: manualClock(), dialogs: { saveFile: async () => null, openFile: async () => null } })
    const [sample] = (await handlers['workspace:load']()).deals
    const deal = structuredClone((await handlers['deal:open'](sample.id)).deal)
    editAfterRename = async (to) => {
      const file = JSON.parse(await readFile(to, 'utf8'))
      file.deal.notes = 'written by the sync client'
      await writeFile(to, JSON.stringify(file, null, 2) + '\n')
    }
    expect((await invokeChannel(handlers, 'deal:save', [renamed(deal, 'Mine')])).ok).toBe(true)
    const path = join(dataDir, 'deals', `${deal.id}.json`)
    expect(JSON.parse(await readFile(path, 'utf8')).deal.notes).toBe('written by the sync client')
    const next = await invokeChannel(handlers, 'deal:save', [renamed(deal, 'Mine again')])
    expect(next).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(JSON.parse(await readFile(path, 'utf8')).deal.notes).toBe('written by the sync client')
  })
})
