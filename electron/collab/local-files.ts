import { join } from 'node:path'
import * as Y from 'yjs'
import { z } from 'zod'
import { fileStemOfId } from '@shared/file-names'
import { errnoCode, nodeDurableFs, readTextIfExists, type DurableFs } from '../main/store/durable-fs'
import type { FileIdentity } from '../main/store/held-target'
import { withWriteSlot, writeSerialized } from '../main/store/serial-writer'

/** The largest local update log read back: far above a 1,000-person deal's state. */
const MAX_LOG_BYTES = 64 * 1024 * 1024

const shareFields = {
  serverUrl: z.string().min(1).max(2048),
  documentName: z.string().min(1).max(200),
  sharedAt: z.string().max(64),
  role: z.enum(['editor', 'viewer']),
  /** The name the server knows this laptop's token by: what a headless import signs its changes with. */
  signedAs: z.strictObject({ name: z.string().max(200), email: z.string().max(200) }).optional(),
  /** How many of this laptop's changes the server had not confirmed when the log was last written: the top bar's "n waiting" after a restart offline. */
  waiting: z.number().int().min(0).max(1_000_000_000).optional(),
}

/** `deals/<stem>.share.json`: where a shared deal is synced (docs/collaboration.md). The token is never in it. */
export const ShareRecordSchema = z.strictObject(shareFields)
export type ShareRecord = z.infer<typeof ShareRecordSchema>

/**
 * Reading a record is kinder than writing one (docs/collaboration.md, "Adversarial findings"):
 * a field another build added is dropped, and a damaged `waiting` (only the top bar's count)
 * reads as none, so neither turns a shared deal into a private one.
 */
const ShareRecordRead = z.object({ ...shareFields, waiting: shareFields.waiting.catch(undefined) })

/** The share record is there but cannot be read: the deal is shared, but where and how is lost. */
export class ShareRecordDamaged extends Error {
  readonly code = 'share-damaged'
}

/** A shared deal's two files beside its JSON projection, written through the store's durable writer. */
export class SharedDealFiles {
  readonly logPath: string
  readonly sharePath: string

  constructor(dataDir: string, dealId: string, private readonly fs: DurableFs = nodeDurableFs) {
    const stem = fileStemOfId(dealId)
    this.logPath = join(dataDir, 'deals', `${stem}.ydoc`)
    this.sharePath = join(dataDir, 'deals', `${stem}.share.json`)
  }

  /** The log file as this instance last read or wrote it (null: there was none). */
  private knownLog: FileIdentity | null = null

  /** The compacted update log, or null when there is none yet. */
  async readLog(): Promise<Uint8Array | null> {
    try {
      const info = await this.fs.stat(this.logPath)
      if (info.size > MAX_LOG_BYTES) throw new Error(`${this.logPath} is ${info.size} bytes, more than a deal's log can be`)
      const bytes = await this.fs.readFile(this.logPath)
      this.knownLog = info
      return bytes.byteLength ? bytes : null
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return null
      throw error
    }
  }

  /**
   * Replace the log with the document's whole state (one update: already compacted). A log
   * another writer wrote since we last read or wrote it (the CLI's `war-room sync`, a second
   * window on this data folder) is merged in, not replaced: it may hold edits made offline
   * that only it has (docs/collaboration.md, "Adversarial findings").
   */
  writeLog(state: Uint8Array): Promise<void> {
    return withWriteSlot(this.fs, this.logPath, async (slot) => {
      for (let attempt = 0; ; attempt++) {
        const seen = await this.logIdentity()
        const data = seen && !sameFile(seen, this.knownLog) ? await this.withTheirs(state) : state
        // Another process wrote between our look and our rename: look again (a few times).
        const check = async (target: { identity(): Promise<FileIdentity> } | null) => {
          if (attempt < 3 && !sameFile(target ? await target.identity() : null, seen)) throw new LogMoved()
        }
        try {
          await slot.write(data, check, MAX_LOG_BYTES)
        } catch (error) {
          if (error instanceof LogMoved) continue
          throw error
        }
        this.knownLog = await this.logIdentity()
        return
      }
    })
  }

  private async logIdentity(): Promise<FileIdentity | null> {
    try {
      const { size, mtimeMs, ino } = await this.fs.stat(this.logPath)
      return { size, mtimeMs, ino }
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return null
      throw error
    }
  }

  /** Our state with the log on disk merged in; a log that cannot be read as an update is replaced as before. */
  private async withTheirs(state: Uint8Array): Promise<Uint8Array> {
    try {
      const theirs = await this.fs.readFile(this.logPath)
      if (theirs.byteLength === 0 || theirs.byteLength > MAX_LOG_BYTES) return state
      return Y.mergeUpdates([theirs, state])
    } catch {
      return state
    }
  }

  async readShare(): Promise<ShareRecord | null> {
    const text = await readTextIfExists(this.fs, this.sharePath)
    if (text === null) return null
    let raw: unknown
    try {
      raw = JSON.parse(text)
    } catch {
      throw new ShareRecordDamaged(`${this.sharePath} is not valid JSON`)
    }
    const parsed = ShareRecordRead.safeParse(raw)
    if (!parsed.success) throw new ShareRecordDamaged(`${this.sharePath} is not a valid share record`)
    return parsed.data
  }

  /** Share again over a damaged record: it is kept beside as `.share.json.damaged`; the update log stays. */
  async setDamagedShareAside(): Promise<void> {
    await withWriteSlot(this.fs, this.sharePath, (slot) => slot.moveTo(this.sharePath + '.damaged'))
  }

  writeShare(record: ShareRecord): Promise<void> {
    return writeSerialized(this.fs, this.sharePath, JSON.stringify(ShareRecordSchema.parse(record), null, 2) + '\n')
  }

  /**
   * Leave: the deal stays as a local deal (its JSON), no longer synced. A log that cannot be
   * read as an update is set aside as `.ydoc.damaged`, not removed: the edits it held may be
   * on no other laptop (docs/collaboration.md, "Adversarial findings").
   */
  async removeShare(): Promise<void> {
    await withWriteSlot(this.fs, this.sharePath, (slot) => slot.remove())
    const damaged = await this.readLog().then((log) => log !== null && !readsAsUpdate(log), () => false)
    await withWriteSlot(this.fs, this.logPath, (slot) => (damaged ? slot.moveTo(this.logPath + '.damaged') : slot.remove()))
  }
}

class LogMoved extends Error {}

function readsAsUpdate(log: Uint8Array): boolean {
  try {
    Y.applyUpdate(new Y.Doc(), log)
    return true
  } catch {
    return false
  }
}

function sameFile(a: FileIdentity | null, b: FileIdentity | null): boolean {
  if (!a || !b) return a === b
  return a.size === b.size && a.mtimeMs === b.mtimeMs && (a.ino ?? 0) === (b.ino ?? 0)
}

/** Ids of the shared deals in a data folder (those with a share record). */
export async function sharedDealStems(dataDir: string, fs: DurableFs = nodeDurableFs): Promise<string[]> {
  let names: string[]
  try {
    names = await fs.readdir(join(dataDir, 'deals'))
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return []
    throw error
  }
  return names.filter((n) => n.endsWith('.share.json') && !n.startsWith('.')).map((n) => n.slice(0, -'.share.json'.length)).sort()
}
