import { join } from 'node:path'
import { emptyGrowthFile, GrowthFileSchema, type GrowthFile } from '@shared/growth'
import type { Notice } from '@shared/ipc'
import { issuesOf } from '@shared/model'
import { AppFailure, guardWrite } from '../errors'
import { keepBackup, type StoreDeps } from './deal-file-store'
import { readTextIfExists } from './durable-fs'
import { serializeJson } from './durable-json-file'
import { loadWithRecovery } from './recovery'
import { withWriteSlot } from './serial-writer'
import { assertReadable } from './size-cap'
import { validateJsonWith } from './validators'

export const GROWTH_BACKUP_KEY = 'growth'
const validateGrowthText = validateJsonWith(GrowthFileSchema, 'growth file')

/**
 * `growth.json` in the data folder: each seller's trait assessment and freedoms notes
 * (docs/growth.md). Personal data, so it has a file of its own: no deal file, deck, shared
 * deal or workspace file carries it. A damaged file is set aside with a notice and the newest
 * valid backup restored, as for every stored file (recovery.ts). Every change re-reads the
 * file inside its write slot, so two windows (or two app instances) lose no update; a file
 * made invalid by another program meanwhile is refused, never written over.
 */
export class GrowthStore {
  constructor(private readonly deps: StoreDeps) {}

  get path(): string {
    return join(this.deps.paths.dataDir, 'growth.json')
  }

  /** The growth file as stored (empty when there is none yet) and what the user must be told. */
  async load(): Promise<{ growth: GrowthFile; notices: Notice[] }> {
    const loaded = await loadWithRecovery(this.deps, { path: this.path, backupKey: GROWTH_BACKUP_KEY, subject: { kind: 'growth' } }, validateGrowthText)
    if (loaded.status === 'ok') return { growth: loaded.value, notices: loaded.notices }
    if (loaded.status === 'missing') return { growth: emptyGrowthFile(), notices: [] }
    // Unreadable or damaged without a backup: the page shows an empty profile and the notice.
    return { growth: emptyGrowthFile(), notices: loaded.notices }
  }

  /** Apply `change` to the file as it is on disk now and save it durably; the saved file. */
  update(change: (growth: GrowthFile) => GrowthFile): Promise<GrowthFile> {
    return withWriteSlot(this.deps.fs, this.path, async (slot) => {
      const text = await guardWrite('the growth file', () => readTextIfExists(this.deps.fs, this.path))
      let current = emptyGrowthFile()
      if (text !== null) {
        const read = validateGrowthText(text)
        if (!read.ok) throw new AppFailure('damaged', `growth.json is not valid (${read.message}); it was left untouched. Restart the app to set it aside and restore a backup.`)
        current = read.value
      }
      const checked = GrowthFileSchema.safeParse(change(structuredClone(current)))
      if (!checked.success) throw new AppFailure('invalid-request', 'The growth change is not valid and was not saved.', issuesOf(checked.error))
      const out = serializeJson(checked.data)
      assertReadable(out, 'The growth file')
      await guardWrite('the growth file', () => slot.write(out))
      await keepBackup(this.deps.backups, GROWTH_BACKUP_KEY, out)
      return checked.data
    })
  }
}
