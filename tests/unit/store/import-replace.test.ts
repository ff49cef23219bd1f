import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Deal } from '@shared/model'
import { toDealFile } from '@shared/model'
import { createHandlers } from '../../../electron/main/handlers'
import { invokeChannel } from '../../../electron/main/ipc'
import { manualClock, MINUTES, tempDir, ipcCall } from './helpers'

/** A workspace with the sample deal edited once, so its file differs from the first-run backup. */
async function editedWorkspace() {
  const dataDir = await tempDir()
  const clock = manualClock()
  const h = createHandlers({ dataDir, clock, dialogs: { saveFile: async () => null, openFile: async () => null } })
  const view = await h['workspace:load']()
  const id = view.deals[0].id
  const { deal } = await h['deal:open'](id)
  clock.advance(1 * MINUTES) // inside the backup interval: a plain save keeps no backup
  await ipcCall(h, 'deal:save', { ...deal, name: 'Edited on this machine' })
  const dealPath = join(dataDir, 'deals', `${id}.json`)
  return { dataDir, clock, h, id, deal, roster: view.roster, dealPath, replacedBytes: await readFile(dealPath, 'utf8') }
}

const fileText = (deal: Deal, roster: Parameters<typeof toDealFile>[1]) => JSON.stringify(toDealFile(deal, roster))

describe('import that replaces a deal', () => {
  it('keeps a backup of the replaced deal, byte for byte, even inside the backup interval', async () => {
    const { h, id, deal, roster, replacedBytes, dealPath } = await editedWorkspace()
    const incoming = { ...deal, name: 'From a colleague', customer: 'Someone else' }

    const result = await invokeChannel(h, 'deal:import', [fileText(incoming, roster), { asCopy: false }])
    expect(result).toMatchObject({ ok: true, value: { id, name: 'From a colleague' } })
    expect(JSON.parse(await readFile(dealPath, 'utf8')).deal.name).toBe('From a colleague')

    const backups = await h['deal:backups'](id)
    const texts = await Promise.all(backups.map((b) => readFile(join(dealPath, '../../backups', `deal-${id}`, `${b.id}.json`), 'utf8')))
    expect(texts).toContain(replacedBytes)
    // And it is the newest: "restore newest" brings the replaced deal back.
    expect(texts[0]).toBe(replacedBytes)
    const restored = await h['deal:restore-backup'](id, 'newest')
    expect(restored.name).toBe('Edited on this machine')
  })

  it('keeps the bytes of a damaged file it replaces instead of writing over them', async () => {
    const { h, id, deal, roster, dealPath } = await editedWorkspace()
    await writeFile(dealPath, '{"truncated')
    const result = await invokeChannel(h, 'deal:import', [fileText({ ...deal, name: 'Fresh copy' }, roster), { asCopy: false }])
    expect(result.ok).toBe(true)
    const backups = await h['deal:backups'](id)
    const texts = await Promise.all(backups.map((b) => readFile(join(dealPath, '../../backups', `deal-${id}`, `${b.id}.json`), 'utf8')))
    expect(texts).toContain('{"truncated')
  })

  it('writes nothing and keeps no stray backup when the incoming file is refused', async () => {
    const { h, id, dealPath, replacedBytes } = await editedWorkspace()
    const before = await h['deal:backups'](id)
    const result = await invokeChannel(h, 'deal:import', ['{"format":"nope"}', { asCopy: false }])
    expect(result.ok).toBe(false)
    expect(await readFile(dealPath, 'utf8')).toBe(replacedBytes)
    expect(await h['deal:backups'](id)).toEqual(before)
  })

  it('an import as a copy leaves the original and its backups alone', async () => {
    const { h, id, deal, roster, dealPath, replacedBytes } = await editedWorkspace()
    const before = await h['deal:backups'](id)
    const result = await invokeChannel(h, 'deal:import', [fileText(deal, roster), { asCopy: true }])
    expect(result).toMatchObject({ ok: true })
    expect((result as { value: Deal }).value.id).not.toBe(id)
    expect(await readFile(dealPath, 'utf8')).toBe(replacedBytes)
    expect(await h['deal:backups'](id)).toEqual(before)
  })
})
