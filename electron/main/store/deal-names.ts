import { join } from 'node:path'
import { fileStemOfId } from '@shared/file-names'
import { listDir, type DurableFs } from './durable-fs'
import { syncFolder } from './durable-write'
import { dealBackupKey, type StorePaths } from './paths'
import { withWriteSlot } from './serial-writer'

/**
 * Which file stem each deal's files use (`deals/<stem>.json`, `backups/deal-<stem>/`,
 * `snapshots/<stem>/`). The stem is `fileStemOfId` (see shared/file-names.ts); a folder
 * written before names were case-folded holds `<id>.json` and `backups/deal-<id>/`, which are
 * renamed on first use, so old data loads on every OS. Ids whose stem is the id itself
 * (random UUIDs, the common case) cost no disk call.
 */
export class DealFileNames {
  private readonly stems = new Map<string, string>()

  constructor(
    private readonly fs: DurableFs,
    private readonly paths: StorePaths,
  ) {}

  async stemOf(id: string): Promise<string> {
    let stem = this.stems.get(id)
    if (stem === undefined) {
      const wanted = fileStemOfId(id)
      stem = wanted === id ? wanted : await this.adoptOldName(id, wanted)
      this.stems.set(id, stem)
    }
    return stem
  }

  forget(id: string): void {
    this.stems.delete(id)
  }

  /**
   * Move `<id>.json` to `<stem>.json` (a case-only rename on case-insensitive disks). When a
   * case-sensitive disk holds both names, they are two deals made before this rule: the old
   * one keeps its old name, exactly as before, rather than either being overwritten. If the
   * rename fails the old name is kept too; the deal still loads.
   */
  private async adoptOldName(id: string, stem: string): Promise<string> {
    const names = await listDir(this.fs, this.paths.deals)
    if (names.includes(`${id}.json`)) {
      if (names.includes(`${stem}.json`)) return id
      try {
        await withWriteSlot(this.fs, join(this.paths.deals, `${id}.json`), (slot) => slot.moveTo(join(this.paths.deals, `${stem}.json`)))
        await syncFolder(this.fs, this.paths.deals)
      } catch (error) {
        console.warn(`Could not rename the deal file ${id}.json to ${stem}.json; it keeps its old name:`, (error as Error).message)
        return id
      }
    }
    await this.adoptOldBackups(id, stem)
    return stem
  }

  private async adoptOldBackups(id: string, stem: string): Promise<void> {
    const [from, to] = [dealBackupKey(id), dealBackupKey(stem)]
    const names = await listDir(this.fs, this.paths.backups)
    if (!names.includes(from) || names.includes(to)) return
    try {
      // The folder's slot is the one a backup of that key holds (backups.ts).
      await withWriteSlot(this.fs, join(this.paths.backups, from), (slot) => slot.moveTo(join(this.paths.backups, to)))
      await syncFolder(this.fs, this.paths.backups)
    } catch (error) {
      console.warn(`Could not rename the backups of ${id}:`, (error as Error).message)
    }
  }
}
