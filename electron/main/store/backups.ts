import { join } from 'node:path'
import type { BackupInfo } from '@shared/ipc'
import { fileStamp, parseFileStamp, type Clock } from './clock'
import { listDir, type DurableFs } from './durable-fs'
import { readTextWithRetry, realSleep, type Sleep } from './read-retry'
import { withWriteSlot, writeSerialized } from './serial-writer'

/** At most one rolling backup per file in this window, so typing does not churn backups. */
export const BACKUP_INTERVAL_MS = 5 * 60 * 1000

/** A backup's content: text, or its UTF-8 bytes. */
export type BackupText = string | Uint8Array

export type Validate<T> = (text: string) => { ok: true; value: T } | { ok: false; message: string }

/**
 * A backup's name: `<seq>-<stamp>`. The sequence number orders backups (the clock can jump
 * back: a wrong BIOS clock, a time zone fix); the stamp only says when, for the user.
 * Names of older data folders, `<stamp>` alone, read as sequence 0, ordered by stamp.
 */
/** The largest sequence a name may carry (15 digits, what parseBackupId reads back). */
const MAX_SEQ = 999_999_999_999_999

export function parseBackupId(id: string): { seq: number; createdAt: Date } | null {
  const m = /^(?:(\d{1,15})-)?(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)$/.exec(id)
  const createdAt = m ? parseFileStamp(m[2]) : null
  return m && createdAt ? { seq: m[1] ? Number(m[1]) : 0, createdAt } : null
}

function newestFirst(a: string, b: string): number {
  const pa = parseBackupId(a)!
  const pb = parseBackupId(b)!
  return pb.seq - pa.seq || pb.createdAt.getTime() - pa.createdAt.getTime()
}

/**
 * Rolling backups per stored file, in `backups/<key>/<seq>-<timestamp>.json`. A backup is a
 * copy of a state that was saved; the newest `keep()` by sequence number are kept.
 */
export class BackupStore {
  /** Per key, the time of the newest backup (by sequence) this store wrote or listed (saves in a row skip the folder listing). */
  private readonly newestAt = new Map<string, number>()

  constructor(
    private readonly fs: DurableFs,
    private readonly dir: string,
    private readonly clock: Clock,
    private readonly keep: () => number,
    private readonly sleep: Sleep = realSleep,
  ) {}

  /**
   * Back up `text` unless the newest backup is younger than the interval. `text` may be a
   * function, called only when a backup is due: most saves need none, and serializing a
   * large deal again on every save is measurable (bench: save row).
   */
  async maybeBackup(key: string, text: BackupText | (() => BackupText)): Promise<boolean> {
    const now = this.clock().getTime()
    // A newest backup "in the future" means the clock went back: it is not recent.
    const recent = (at: number | undefined) => at !== undefined && now - at >= 0 && now - at < BACKUP_INTERVAL_MS
    if (recent(this.newestAt.get(key))) return false
    // Not known to be recent: the folder decides (another process may have backed up since).
    const newest = (await this.ids(key))[0]
    const newestAt = newest ? parseBackupId(newest)?.createdAt.getTime() : undefined
    if (newestAt !== undefined) this.newestAt.set(key, newestAt)
    if (recent(newestAt)) return false
    await this.backup(key, typeof text === 'function' ? text() : text)
    return true
  }

  /**
   * Back up now, whatever the interval (before a restore replaces the current state). One
   * backup of a key at a time (its folder's write slot): two at once would pick one number.
   */
  backup(key: string, text: BackupText): Promise<string> {
    return withWriteSlot(this.fs, join(this.dir, key), () => this.backupInSlot(key, text))
  }

  private async backupInSlot(key: string, text: BackupText): Promise<string> {
    const ids = await this.ids(key)
    // Capped: past 15 digits the name would not parse, so the backup could never be listed,
    // restored or rotated. A folder that reached the cap (a copied-in or hand-made name) keeps
    // writing at the cap, where the stamp orders backups of equal sequence.
    const seq = Math.min((ids.length ? parseBackupId(ids[0])!.seq : 0) + 1, MAX_SEQ)
    const at = this.clock()
    const id = `${String(seq).padStart(6, '0')}-${fileStamp(at)}`
    // The bytes as they were, whatever their size: a backup is never refused for being one.
    await writeSerialized(this.fs, join(this.dir, key, `${id}.json`), text, { maxBytes: Infinity })
    this.newestAt.set(key, at.getTime())
    await this.rotate(key)
    return id
  }

  /** Backup ids (`<seq>-<stamp>`, or `<stamp>` in older folders), newest first by sequence. */
  async ids(key: string): Promise<string[]> {
    const names = await listDir(this.fs, join(this.dir, key))
    return names
      .filter((n) => n.endsWith('.json'))
      .map((n) => n.slice(0, -'.json'.length))
      .filter((id) => parseBackupId(id) !== null)
      .sort(newestFirst)
  }

  async list<T>(key: string, validate: Validate<T>): Promise<BackupInfo[]> {
    const infos: BackupInfo[] = []
    for (const id of await this.ids(key)) {
      const text = await this.read(key, id)
      if (text === null) continue
      infos.push({ id, createdAt: parseBackupId(id)!.createdAt.toISOString(), bytes: new TextEncoder().encode(text).byteLength, valid: validate(text).ok })
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

  /**
   * The newest backup that validates, skipping damaged ones. A backup that cannot be read
   * (after retries) throws `UnreadableFile`: it is not damaged, and settling for an older
   * one would lose the edits in between.
   */
  async newestValid<T>(key: string, validate: Validate<T>): Promise<{ id: string; text: string; value: T } | null> {
    for (const id of await this.ids(key)) {
      const text = await readTextWithRetry(this.fs, join(this.dir, key, `${id}.json`), this.sleep)
      if (text === null) continue
      const result = validate(text)
      if (result.ok) return { id, text, value: result.value }
    }
    return null
  }

  /** Drops the oldest by sequence, so the copy just written (e.g. before a restore) always stays. */
  private async rotate(key: string): Promise<void> {
    const ids = await this.ids(key)
    for (const id of ids.slice(Math.max(1, this.keep()))) {
      await this.fs.unlink(join(this.dir, key, `${id}.json`)).catch(() => undefined)
    }
  }
}
