import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BackupStore, nodeDurableFs } from '../../../electron/main/store'
import { loadWithRecovery } from '../../../electron/main/store/recovery'
import { validateWorkspaceText } from '../../../electron/main/store/validators'
import { manualClock, MINUTES, tempDir } from './helpers'

describe('set-aside copies of damaged files', () => {
  async function setUp() {
    const dir = await tempDir()
    const clock = manualClock()
    const sleep = async () => undefined
    const ctx = { fs: nodeDurableFs, clock, sleep, backups: new BackupStore(nodeDurableFs, join(dir, 'backups'), clock, () => 5, sleep) }
    const file = { path: join(dir, 'workspace.json'), backupKey: 'workspace', subject: { kind: 'workspace' as const } }
    const copies = async () => (await readdir(dir)).filter((n) => n.includes('.corrupt-')).sort()
    return { dir, clock, ctx, file, copies }
  }

  it('the same damage found again is not copied again', async () => {
    const { clock, ctx, file, copies } = await setUp()
    for (let i = 0; i < 5; i++) {
      await writeFile(file.path, '{"format": broken')
      clock.advance(MINUTES)
      expect((await loadWithRecovery(ctx, file, validateWorkspaceText)).status).toBe('damaged')
    }
    expect(await copies()).toHaveLength(1)
  })

  it('keeps at most the newest three distinct copies per file', async () => {
    const { dir, clock, ctx, file, copies } = await setUp()
    const named: string[] = []
    for (let i = 0; i < 6; i++) {
      await writeFile(file.path, `{"format": broken ${i}`)
      clock.advance(MINUTES)
      const loaded = await loadWithRecovery(ctx, file, validateWorkspaceText)
      if (loaded.status === 'damaged') named.push(loaded.file)
    }
    const kept = await copies()
    expect(kept).toHaveLength(3)
    expect(kept.map((n) => join(dir, n))).toEqual(named.slice(-3).sort())
  })
})
