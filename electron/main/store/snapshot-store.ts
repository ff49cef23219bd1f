import { join } from 'node:path'
import { z } from 'zod'
import type { Notice, SnapshotInfo } from '@shared/ipc'
import { fileStemOfId } from '@shared/file-names'
import { DealFileSchema, Id, LIMITS, Name, newId, type DealFile, type ValidDealFile } from '@shared/model'
import { AppFailure, guardWrite, loadIoFailure } from '../errors'
import { assertSafeId, type StoreDeps } from './deal-file-store'
import { listDir, readTextIfExists } from './durable-fs'
import { serializeJson } from './durable-json-file'
import { legacySnapshotBackupKey } from './paths'
import { readTextWithRetry, UnreadableFile } from './read-retry'
import { loadWithRecovery } from './recovery'
import { writeSerialized } from './serial-writer'
import { setAsideFile } from './set-aside'
import { validateJsonWith } from './validators'

/**
 * A snapshot holds one deal file, which the deal store caps at LIMITS.fileBytes; the margin
 * covers its name and date. A snapshot past this could not be read back, so it is refused.
 */
export const MAX_SNAPSHOT_FILE_CHARS = LIMITS.fileBytes + 1024 * 1024

/** Who took a snapshot of a shared deal (the laptop's collaboration user). */
const Author = z.strictObject({ name: z.string().max(200), email: z.string().max(200) })
/**
 * A shared deal's snapshot also keeps where the shared document stood (its Yjs state vector,
 * base64): the edits made after it are then known exactly, with their authors, whatever the
 * authors' clocks said (docs/collaboration.md, "Snapshots and authors"). A vector has one
 * entry per client that ever edited the deal; 64 KB is thousands of them.
 */
const SnapshotTeam = z.strictObject({ author: Author, mark: z.base64().max(64 * 1024) })
export type SnapshotTeam = { author: z.infer<typeof Author>; mark: Uint8Array }

/** Version 2 adds `team`, written only for a shared deal; a snapshot of any other deal stays version 1. */
const SnapshotFileSchema = z.strictObject({
  format: z.literal('deal-war-room.snapshot'),
  version: z.union([z.literal(1), z.literal(2)]),
  id: Id,
  name: Name,
  createdAt: z.iso.datetime(),
  team: SnapshotTeam.optional(),
  file: DealFileSchema,
})
type SnapshotFile = z.infer<typeof SnapshotFileSchema>

const Entry = z.strictObject({ file: z.string(), id: Id, name: Name, createdAt: z.iso.datetime(), author: Author.optional() })
type Entry = z.infer<typeof Entry>
const IndexSchema = z.strictObject({ format: z.literal('deal-war-room.snapshot-index'), version: z.literal(1), entries: z.array(Entry) })
const validateIndex = validateJsonWith(IndexSchema, 'snapshot index')

/**
 * The one file per deal of earlier versions: every snapshot in it, so it hit the 50 MB read
 * cap and then lost snapshots. Read once more to move them into their own files; its size
 * is bounded by one cap plus the one snapshot that pushed it over.
 */
const LegacySchema = z.strictObject({
  format: z.literal('deal-war-room.snapshots'),
  version: z.literal(1),
  snapshots: z.array(z.strictObject({ id: Id, name: Name, createdAt: z.iso.datetime(), file: DealFileSchema })),
})
const validateLegacy = validateJsonWith(LegacySchema, 'snapshot file', 2 * LIMITS.fileBytes + 1024 * 1024)

/** `<seq>-<snapshot id stem>.json`; the sequence number orders them. */
const SNAPSHOT_FILE = /^(\d{6,})-[a-z0-9_~-]+\.json$/
const INDEX_FILE = 'index.json'
/**
 * Sequences are capped at 15 digits, exact as a number and written without an exponent: a
 * copied-in name with more digits would otherwise make every later save write a name the
 * pattern does not match ("1e+21-…"), a snapshot saved but never listed again. At the cap,
 * snapshots of equal sequence are ordered by their date.
 */
const MAX_SEQ = 999_999_999_999_999
const seqOf = (file: string) => Math.min(Number(SNAPSHOT_FILE.exec(file)?.[1] ?? 0), MAX_SEQ)
const fileNameOf = (seq: number, id: string) => `${String(Math.min(seq, MAX_SEQ)).padStart(6, '0')}-${fileStemOfId(id)}.json`
/** The largest sequence among `files`, without spreading them into arguments (a huge folder would overflow the stack). */
const maxSeqOf = (files: Iterable<string>) => {
  let max = 0
  for (const f of files) max = Math.max(max, seqOf(f))
  return max
}

/**
 * Named, dated copies of a deal, one file each in `snapshots/<deal stem>/`, so their number
 * is bounded by the disk, not by one file's size cap, and none is ever dropped to make room.
 * A snapshot file is written once, durably, under a new name, and never rewritten; so it has
 * no rolling backups (what they guard against, a rewrite gone wrong, cannot happen to it).
 * `index.json` lists names and dates so the list need not read every snapshot; it is derived
 * from the files: a damaged or stale index is rebuilt from them, and losing it loses nothing.
 */
export class SnapshotStore {
  private readonly maxFileChars: number
  private readonly queues = new Map<string, Promise<unknown>>()
  private readonly migrated = new Set<string>()
  /** Snapshot marks read so far, by "<deal id lower case>/<snapshot id>" (`markOf`). */
  private readonly marks = new Map<string, Uint8Array | null>()

  constructor(
    private readonly deps: StoreDeps,
    options: { maxFileChars?: number } = {},
  ) {
    this.maxFileChars = options.maxFileChars ?? MAX_SNAPSHOT_FILE_CHARS
  }

  async list(dealId: string): Promise<{ snapshots: SnapshotInfo[]; notices: Notice[] }> {
    const { entries, notices } = await this.serial(dealId, () => this.read(dealId))
    return { snapshots: entries.map(infoOf).reverse(), notices }
  }

  /** `team`: for a shared deal, who takes it and where the shared document stands now. */
  save(dealId: string, name: string, deal: ValidDealFile, team: SnapshotTeam | null = null): Promise<SnapshotInfo> {
    return this.serial(dealId, async () => {
      const { dir, entries, notices } = await this.read(dealId)
      if (notices.some((n) => n.level === 'error')) throw new AppFailure('damaged', 'The snapshot file of this deal is damaged; it was set aside. Try again to start a new one.')
      const info: SnapshotInfo = { id: newId(), name, createdAt: this.deps.clock().toISOString(), ...(team ? { author: team.author } : {}) }
      const content: SnapshotFile = team
        ? { format: 'deal-war-room.snapshot', version: 2, id: info.id, name, createdAt: info.createdAt, team: { author: team.author, mark: Buffer.from(team.mark).toString('base64') }, file: deal }
        : { format: 'deal-war-room.snapshot', version: 1, ...info, file: deal }
      const text = serializeJson(content)
      if (text.length > this.maxFileChars) {
        const mb = Math.floor(this.maxFileChars / 1024 / 1024)
        throw new AppFailure('invalid-request', `This snapshot would be larger than ${mb} MB, too large to read back, so it was not saved.`, undefined, 'snapshot-too-large')
      }
      const file = fileNameOf(maxSeqOf(entries.map((e) => e.file)) + 1, info.id)
      await guardWrite('the snapshot', () => writeSerialized(this.deps.fs, join(dir, file), text, { maxBytes: Infinity /* its own cap, checked above */ }))
      await this.writeIndex(dir, [...entries, { file, ...info }])
      return info
    })
  }

  /** `mark`: where the shared document stood when it was taken (null for an unshared deal's). */
  async get(dealId: string, snapshotId: string): Promise<{ info: SnapshotInfo; file: DealFile; mark: Uint8Array | null }> {
    const { dir, entries } = await this.serial(dealId, () => this.read(dealId))
    const entry = entries.find((e) => e.id === snapshotId)
    if (!entry) throw new AppFailure('not-found', 'That snapshot does not exist.')
    const read = await this.readSnapshot(join(dir, entry.file))
    if (read.status === 'missing') throw new AppFailure('not-found', 'That snapshot does not exist.')
    if (read.status === 'damaged') throw new AppFailure('damaged', read.notice.message)
    const mark = read.value.team ? new Uint8Array(Buffer.from(read.value.team.mark, 'base64')) : null
    return { info: infoOf(read.value), file: read.value.file, mark }
  }

  /**
   * Where the shared document stood when `snapshotId` was taken (null for an unshared deal's),
   * without reading the snapshot's deal again each time: a comparison "until now" asks on
   * every settled edit, and a snapshot file is written once and never rewritten.
   */
  async markOf(dealId: string, snapshotId: string): Promise<Uint8Array | null> {
    const key = `${dealId.toLowerCase()}/${snapshotId}`
    const known = this.marks.get(key)
    if (known !== undefined) return known
    const { mark } = await this.get(dealId, snapshotId)
    this.marks.set(key, mark)
    return mark
  }

  /** One operation at a time per deal, so two saves never pick the same number or lose an index entry. */
  private serial<T>(dealId: string, run: () => Promise<T>): Promise<T> {
    const key = dealId.toLowerCase()
    const next = (this.queues.get(key) ?? Promise.resolve()).then(run, run)
    this.queues.set(key, next.catch(() => undefined))
    return next
  }

  /** The deal's snapshots, oldest first: the index, checked against the files present. */
  private async read(dealId: string): Promise<{ dir: string; entries: Entry[]; notices: Notice[] }> {
    assertSafeId(dealId)
    const stem = await this.deps.names.stemOf(dealId)
    const dir = this.deps.paths.snapshotDir(stem)
    const notices = await this.migrateLegacy(dealId, dir)
    const files = (await listDir(this.deps.fs, dir)).filter((n) => SNAPSHOT_FILE.test(n))
    const indexText = await readTextIfExists(this.deps.fs, join(dir, INDEX_FILE)).catch(() => null)
    const index = indexText === null ? null : validateIndex(indexText)
    const indexed = new Map((index?.ok ? index.value.entries : []).map((e) => [e.file, e]))
    const present = new Set(files)
    let stale = [...indexed.keys()].some((f) => !present.has(f))
    const entries: Entry[] = []
    for (const file of files) {
      let entry = indexed.get(file)
      if (!entry) {
        // Written by a save the index never heard of (a crash between the two writes).
        const read = await this.readSnapshot(join(dir, file))
        if (read.status === 'damaged') notices.push(read.notice)
        if (read.status !== 'ok') continue
        entry = { file, ...infoOf(read.value) }
        stale = true
      }
      entries.push(entry)
    }
    entries.sort((a, b) => seqOf(a.file) - seqOf(b.file) || a.createdAt.localeCompare(b.createdAt) || a.file.localeCompare(b.file))
    if (stale) await this.writeIndex(dir, entries)
    return { dir, entries, notices }
  }

  private async readSnapshot(path: string): Promise<{ status: 'ok'; value: SnapshotFile } | { status: 'missing' } | { status: 'damaged'; notice: Notice }> {
    let text: string | null
    try {
      text = await readTextWithRetry(this.deps.fs, path, this.deps.sleep)
    } catch (error) {
      // A read error is not damage: the snapshot is left where it is and the user told.
      if (error instanceof UnreadableFile) throw new AppFailure('io', `A snapshot could not be read (${error.code}); it was left untouched.`, undefined, error.code)
      throw error
    }
    if (text === null) return { status: 'missing' }
    const result = validateJsonWith(SnapshotFileSchema, 'snapshot', this.maxFileChars, 2)(text)
    if (result.ok) return { status: 'ok', value: result.value }
    const reason = result.message
    const aside = await setAsideFile(this.deps.fs, path, this.deps.clock)
    const where = aside ? `it was set aside as ${aside}` : 'it could not be set aside and was left untouched'
    const message = `A snapshot is damaged (${reason}); ${where}. The other snapshots are fine.`
    const notice: Notice = aside
      ? { level: 'warning', code: 'snapshot-damaged-set-aside', params: { reason, aside }, file: aside, message }
      : { level: 'warning', code: 'snapshot-damaged-left-in-place', params: { reason }, file: path, message }
    return { status: 'damaged', notice }
  }

  /** Best effort: the index is derived from the snapshot files and rebuilt from them when stale. */
  private async writeIndex(dir: string, entries: Entry[]): Promise<void> {
    try {
      await writeSerialized(this.deps.fs, join(dir, INDEX_FILE), serializeJson({ format: 'deal-war-room.snapshot-index', version: 1, entries }))
    } catch (error) {
      console.warn(`Could not write the snapshot index in ${dir}; it is rebuilt on the next read:`, (error as Error).message)
    }
  }

  /**
   * Move the snapshots of the old single file into their own files. The old file stays
   * until every snapshot is written durably, and file names are fixed by position and id, so
   * a migration cut short resumes where it stopped. A damaged old file is set aside by the
   * usual recovery (its rolling backups are tried first) and reported.
   */
  private async migrateLegacy(dealId: string, dir: string): Promise<Notice[]> {
    if (this.migrated.has(dealId)) return []
    const path = this.deps.paths.legacySnapshot(dealId)
    const loaded = await loadWithRecovery(this.deps, { path, backupKey: legacySnapshotBackupKey(dealId), subject: { kind: 'snapshots', dealId } }, validateLegacy)
    // The old file could not be read now: neither migrated nor given up on; tried again next time.
    const io = loadIoFailure(loaded)
    if (io) throw io
    if (loaded.status !== 'ok') {
      this.migrated.add(dealId)
      return loaded.status === 'damaged' ? loaded.notices : []
    }
    await guardWrite('the snapshots', async () => {
      const present = new Set(await listDir(this.deps.fs, dir))
      const start = maxSeqOf(present)
      const entries: Entry[] = []
      for (const [i, s] of loaded.value.snapshots.entries()) {
        // Old snapshots number from 1; a folder that already holds newer ones puts them after.
        const existing = [...present].find((n) => n.endsWith(`-${fileStemOfId(s.id)}.json`))
        const file = existing ?? fileNameOf(start + i + 1, s.id)
        if (!existing) await writeSerialized(this.deps.fs, join(dir, file), serializeJson({ format: 'deal-war-room.snapshot', version: 1, ...s } satisfies SnapshotFile), { maxBytes: Infinity })
        entries.push({ file, id: s.id, name: s.name, createdAt: s.createdAt })
      }
      await this.writeIndex(dir, entries)
      await this.deps.fs.unlink(path)
    })
    this.migrated.add(dealId)
    return loaded.notices
  }
}

function infoOf(s: { id: string; name: string; createdAt: string; author?: SnapshotInfo['author']; team?: { author: SnapshotInfo['author'] } }): SnapshotInfo {
  const author = s.author ?? s.team?.author
  return { id: s.id, name: s.name, createdAt: s.createdAt, ...(author ? { author } : {}) }
}
