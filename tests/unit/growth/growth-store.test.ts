import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { GrowthFileSchema, type SellerGrowth } from '@shared/growth'
import { CHANNELS } from '@shared/ipc'
import { LIMITS } from '@shared/model'
import { createHandlers } from '../../../electron/main/handlers'
import { diskFullFs, ipcCall, manualClock, MINUTES, tempDir } from '../store/helpers'

const dialogs = { saveFile: async () => null, openFile: async () => null }

const assessed = (sincerity: number, on = '2026-03-10'): SellerGrowth => ({
  assessment: { scores: { sincerity, focus: 3, depth: 2, equanimity: 1 }, by: 'manager', assessor: 'Mei Lin', on },
  freedoms: { customers: { reached: true, note: 'Three accounts call me first.' } },
})

describe('growth.json: the personal growth file', () => {
  it('is empty on first run, is saved durably beside the workspace and is kept across a restart', async () => {
    const dataDir = await tempDir()
    const h = createHandlers({ dataDir, dialogs })
    const first = await ipcCall(h, 'growth:load')
    expect(first.growth.sellers).toEqual({})
    expect(first.deals.map((d) => d.id)).toEqual(['sample-harbor-city-core-banking'])
    await ipcCall(h, 'growth:save', 'seller-anna', assessed(4))
    const onDisk = GrowthFileSchema.parse(JSON.parse(await readFile(join(dataDir, 'growth.json'), 'utf8')))
    expect(onDisk.sellers['seller-anna'].assessment?.scores.sincerity).toBe(4)
    const again = await ipcCall(createHandlers({ dataDir, dialogs }), 'growth:load') // a restart
    expect(again.growth.sellers['seller-anna']).toEqual(assessed(4))
  })

  it('refuses a seller who is not on the roster and a trait outside 0–5, and writes nothing', async () => {
    const dataDir = await tempDir()
    const h = createHandlers({ dataDir, dialogs })
    await expect(ipcCall(h, 'growth:save', 'nobody', assessed(4))).rejects.toMatchObject({ appError: { code: 'not-found' } })
    expect(CHANNELS['growth:save'].args.safeParse(['seller-anna', assessed(6)]).success).toBe(false)
    expect(CHANNELS['growth:save'].args.safeParse(['seller-anna', { ...assessed(3), extra: 1 }]).success).toBe(false)
    expect(CHANNELS['growth:save'].args.safeParse(['seller-anna', { freedoms: { luck: { reached: true, note: '' } } }]).success).toBe(false)
    expect(await readdir(dataDir)).not.toContain('growth.json')
  })

  it('keeps both of two saves sent at once (two sellers, two handler tables on one folder)', async () => {
    const dataDir = await tempDir()
    const a = createHandlers({ dataDir, dialogs })
    await ipcCall(a, 'growth:load')
    const b = createHandlers({ dataDir, dialogs })
    await ipcCall(b, 'growth:load') // started (a start tidies leftover temp files)
    await Promise.all([ipcCall(a, 'growth:save', 'seller-anna', assessed(4)), ipcCall(b, 'growth:save', 'seller-ben', assessed(2))])
    const { growth } = await ipcCall(createHandlers({ dataDir, dialogs }), 'growth:load')
    expect(Object.keys(growth.sellers).sort()).toEqual(['seller-anna', 'seller-ben'])
  })

  it('a damaged file is set aside, the newest valid backup restored and the user told', async () => {
    const dataDir = await tempDir()
    const clock = manualClock()
    const h = createHandlers({ dataDir, dialogs, clock })
    await ipcCall(h, 'growth:save', 'seller-anna', assessed(4))
    await writeFile(join(dataDir, 'growth.json'), '{"format":"deal-war-room.growth","vers')
    clock.advance(5 * MINUTES)
    const view = await ipcCall(createHandlers({ dataDir, dialogs, clock }), 'growth:load')
    expect(view.growth.sellers['seller-anna']).toEqual(assessed(4))
    expect(view.notices).toEqual([expect.objectContaining({ code: 'restored-from-backup', subject: { kind: 'growth' } })])
    const names = await readdir(dataDir)
    expect(names.some((n) => /^growth\.corrupt-.*\.json$/.test(n))).toBe(true)
  })

  it('a file another program made invalid while the app runs is refused, never written over', async () => {
    const dataDir = await tempDir()
    const h = createHandlers({ dataDir, dialogs })
    await ipcCall(h, 'growth:save', 'seller-anna', assessed(4))
    await writeFile(join(dataDir, 'growth.json'), 'not json at all')
    await expect(ipcCall(h, 'growth:save', 'seller-ben', assessed(1))).rejects.toMatchObject({ appError: { code: 'damaged' } })
    expect(await readFile(join(dataDir, 'growth.json'), 'utf8')).toBe('not json at all')
  })

  it('a full disk fails the save with a clear io error and leaves the saved file as it was', async () => {
    const dataDir = await tempDir()
    const { fs, state } = diskFullFs()
    const h = createHandlers({ dataDir, dialogs, fs })
    await ipcCall(h, 'growth:save', 'seller-anna', assessed(4))
    state.failing = true
    await expect(ipcCall(h, 'growth:save', 'seller-anna', assessed(0))).rejects.toMatchObject({ appError: { code: 'io', reason: 'ENOSPC' } })
    state.failing = false
    expect(JSON.parse(await readFile(join(dataDir, 'growth.json'), 'utf8')).sellers['seller-anna'].assessment.scores.sincerity).toBe(4)
  })

  it('hostile input: control characters are dropped as the file is written, an over-long note or a path-like id is refused', async () => {
    const dataDir = await tempDir()
    const h = createHandlers({ dataDir, dialogs })
    await ipcCall(h, 'growth:save', 'seller-anna', { freedoms: { mood: { reached: false, note: 'calm\u0007\u001b[2J now\uFFFF' } } })
    const saved = JSON.parse(await readFile(join(dataDir, 'growth.json'), 'utf8'))
    expect(saved.sellers['seller-anna'].freedoms.mood.note).toBe('calm[2J now')
    expect(CHANNELS['growth:save'].args.safeParse(['seller-anna', { freedoms: { mood: { reached: false, note: 'x'.repeat(LIMITS.longText + 1) } } }]).success).toBe(false)
    expect(CHANNELS['growth:save'].args.safeParse(['../workspace', { freedoms: {} }]).success).toBe(false)
    expect(CHANNELS['growth:save'].args.safeParse(['seller-anna', { freedoms: {}, assessment: { scores: { sincerity: 2.5, focus: 1, depth: 1, equanimity: 1 }, by: 'self', assessor: 'A', on: '2026-02-30' } }]).success).toBe(false)
  })

  it('a growth file from a newer app version is set aside, not misread', async () => {
    const dataDir = await tempDir()
    await ipcCall(createHandlers({ dataDir, dialogs }), 'workspace:load')
    await writeFile(join(dataDir, 'growth.json'), JSON.stringify({ format: 'deal-war-room.growth', version: 2, sellers: {} }))
    const view = await ipcCall(createHandlers({ dataDir, dialogs }), 'growth:load')
    expect(view.growth.sellers).toEqual({})
    expect(view.notices[0]).toMatchObject({ code: 'damaged-no-backup', subject: { kind: 'growth' } })
    expect(view.notices[0].message).toMatch(/newer version/)
  })
})
