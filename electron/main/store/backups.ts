import { join } from 'node:path'
import type { BackupInfo } from '@shared/ipc'
import { fileStamp, parseFileStamp, type Clock } from './clock'
import { listDir, type DurableFs } from './durable-fs'
import { writeFileDurably } from './durable-write'

/** At most one rolling backup per file in this window, so typing does not churn backups. */
export const BACKUP_INTERVAL_MS = 5 * 60 * 1000

/** A backup's content: text, or its UTF-8 bytes. */
export type BackupText = string | Uint8Array

export type Validate<T> = (text: string) => { ok: true; value: T } | { ok: false; message: string }

/**
 * Rolling backups per stored file, in `backups/<key>/<timestamp>.json`. A backup is a copy
 * of a state that was saved; the newest `keep()` are kept.
 */
export class BackupStore {
  /** Per key, the time of the newest backup this store wrote or listed (saves in a row skip the folder listing). */
  private readonly newestAt = new Map<string, number>()

  constructor(
    private readonly fs: DurableFs,
    private readonly dir: string,
    private readonly clock: Clock,
    private readonly keep: () => number,
  ) {}

  /**
   * Back up `text` unless the newest backup is younger than the interval. `text` may be a
   * function, called only when a backup is due: most saves need none, and serializing a
   * large deal again on every save is measurable (bench: save row).
   */
  async maybeBackup(key: string, text: BackupText | (() => BackupText)): Promise<boolean> {
    const now = this.clock().getTime()
    const known = this.newestAt.get(key)
    if (known !== undefined && now - known < BACKUP_INTERVAL_MS) return false
    // Not known to be recent: the folder decides (another process may have backed up since).
    const newest = (await this.ids(key))[0]
    const newestAt = newest ? parseFileStamp(newest)?.getTime() : undefined
    if (newestAt !== undefined) this.newestAt.set(key, newestAt)
    if (newestAt !== undefined && now - newestAt < BACKUP_INTERVAL_MS) return false
    await this.backup(key, typeof text === 'function' ? text() : text)
    return true
  }

  /** Back up now, whatever the interval (before a restore replaces the current state). */
  async backup(key: string, text: BackupText): Promise<string> {
    const existing = new Set(await this.ids(key))
    let at = this.clock().getTime()
    while (existing.has(fileStamp(new Date(at)))) at += 1
    const id = fileStamp(new Date(at))
    await writeFileDurably(this.fs, join(this.dir, key, `${id}.json`), text)
    this.newestAt.set(key, Math.max(at, this.newestAt.get(key) ?? -Infinity))
    await this.rotate(key)
    return id
  }

  /** Backup ids (timestamps), newest first. */
  async ids(key: string): Promise<string[]> {
    const names = await listDir(this.fs, join(this.dir, key))
    return names
      .filter((n) => n.endsWith('.json') && parseFileStamp(n) !== null)
      .map((n) => n.slice(0, -'.json'.length))
      .sort()
      .reverse()
  }

  async list<T>(key: string, validate: Validate<T>): Promise<BackupInfo[]> {
    const infos: BackupInfo[] = []
    for (const id of await this.ids(key)) {
      const text = await this.read(key, id)
      if (text === null) continue
      infos.push({ id, createdAt: parseFileStamp(id)!.toISOString(), bytes: new TextEncoder().encode(text).byteLength, valid: validate(text).ok })
    }
    return infos
  }

  async read(key: string, id: string): Promise<string | null> {
    if (!/^[\w-]+$/.test(id)) return null
    try {
      return new TextDecoder().decode(await this.fs.readFile(join(this.dir, key, `${id}.json`)))
    } catch {
      return null
    }
  }

  /** The newest backup that validates, skipping damaged ones. */
  async newestValid<T>(key: string, validate: Validate<T>): Promise<{ id: string; text: string; value: T } | null> {
    for (const id of await this.ids(key)) {
      const text = await this.read(key, id)
      if (text === null) continue
      const result = validate(text)
      if (result.ok) return { id, text, value: result.value }
    }
    return null
  }

  private async rotate(key: string): Promise<void> {
    const ids = await this.ids(key)
    for (const id of ids.slice(Math.max(1, this.keep()))) {
      await this.fs.unlink(join(this.dir, key, `${id}.json`)).catch(() => undefined)
    }
  }
}
