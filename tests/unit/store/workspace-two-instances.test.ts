import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { WorkspaceSchema, emptyWorkspace } from '@shared/model'
import { openStores } from '../../../electron/main/store'
import { tempDir } from './helpers'

const entry = (id: string) => ({ id, name: `Deal ${id}`, customer: '', stage: 'lead' as const, amount: { value: 0, currency: 'USD' }, closeDate: null })
const seller = (id: string) => ({ id, name: `Seller ${id}`, kinds: ['project' as const], level: 'top' as const })

describe('two stores on one data folder (two app instances)', () => {
  it('interleaved updates through each keep both: a deal added via one, a seller via the other', async () => {
    const dataDir = await tempDir()
    const a = openStores(dataDir)
    await a.workspace.save(emptyWorkspace())
    const b = openStores(dataDir)
    await b.workspace.load()
    await a.workspace.load()

    await a.workspace.update((ws) => ({ ...ws, deals: [entry('deal-a'), ...ws.deals] }))
    await b.workspace.update((ws) => ({ ...ws, roster: [...ws.roster, seller('seller-b')] }))
    await a.workspace.update((ws) => ({ ...ws, settings: { ...ws.settings, backupCount: 4 } }))
    await Promise.all([
      b.workspace.update((ws) => ({ ...ws, deals: [entry('deal-b'), ...ws.deals] })),
      a.workspace.update((ws) => ({ ...ws, roster: [...ws.roster, seller('seller-a')] })),
    ])

    const onDisk = WorkspaceSchema.parse(JSON.parse(await readFile(join(dataDir, 'workspace.json'), 'utf8')))
    expect(onDisk.deals.map((d) => d.id).sort()).toEqual(['deal-a', 'deal-b'])
    expect(onDisk.roster.map((s) => s.id).sort()).toEqual(['seller-a', 'seller-b'])
    expect(onDisk.settings.backupCount).toBe(4)
  })
})
