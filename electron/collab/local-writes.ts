import * as Y from 'yjs'
import { isSeeded, type DealProjection } from '@shared/collab'
import type { Stores } from '../main/store'
import { errnoCode } from '../main/store/durable-fs'
import { AppFailure } from '../main/errors'
import type { SharedDealFiles, ShareRecord } from './local-files'

export interface LocalWritesOptions {
  files: SharedDealFiles
  stores: Stores
  doc: Y.Doc
  /** The live projection, once the sync has started. */
  projection: () => DealProjection | null
  now: () => Date
  /** How long after a change the update log is written (ms). */
  logDebounceMs?: number
  /** How long after a change the JSON projection is rewritten (ms). */
  projectionDebounceMs?: number
  /** How long after a failed write it is tried again (ms). */
  retryMs?: number
  /** Each time the log is written: what goes to disk with it (the count of changes waiting). */
  withLog?: () => void
  /** A write began failing, or every failing write went through again. */
  onHealth?: (saved: boolean) => void
}

type WriteKind = 'log' | 'projection' | 'share'

/**
 * What a shared deal keeps on this laptop, written on a debounce and one at a time: the durable
 * Yjs update log beside the deal (edits made offline survive a restart), the share record and
 * the deal's readable JSON copy, through main's store (docs/collaboration-app.md).
 *
 * A write that fails (a full disk, a transient IO error) is tried again after `retryMs` without
 * waiting for another edit, and `saved` is false until it goes through: offline, the log is
 * the only copy of the user's edits, so the top bar must not say they are kept here while the
 * disk refuses them (docs/collaboration.md, "Adversarial findings"). `DealSync.stop()` rethrows
 * a failure still standing after its last flush.
 */
export class LocalWrites {
  private logTimer: NodeJS.Timeout | null = null
  private projectionTimer: NodeJS.Timeout | null = null
  private shareTimer: NodeJS.Timeout | null = null
  private logWrite: Promise<void> = Promise.resolve()
  private projectionWrite: Promise<void> = Promise.resolve()
  private shareWrite: Promise<void> = Promise.resolve()
  /** The share record to write next (the newest asked for). */
  private shareDue: ShareRecord | null = null
  /** The writes failing now, with their latest failure. */
  private readonly failing = new Map<WriteKind, unknown>()
  private closed = false
  /** The first write refused for another reason than the disk's. */
  private other: unknown = null

  constructor(private readonly options: LocalWritesOptions) {}

  /** The doc changed: both copies are due. */
  changed(): void {
    this.scheduleLog()
    this.scheduleProjection()
  }

  /** Write the share record (after the ones asked for before it). */
  writeShare(record: ShareRecord): void {
    this.shareDue = record
    this.writeShareNow()
  }

  /** Write the log and the projection now (the debounced writes, without waiting for the timers). */
  async flush(): Promise<void> {
    if (this.logTimer) this.writeLogNow()
    if (this.projectionTimer) this.writeProjectionNow()
    if (this.shareTimer) this.writeShareNow()
    await Promise.all([this.logWrite, this.projectionWrite, this.shareWrite])
  }

  /** No retries after this (the sync stopped); `flush()` still writes what is due once. */
  close(): void {
    this.closed = true
  }

  /** Every write so far reached the disk (or the last try of each did). */
  get saved(): boolean {
    return this.failing.size === 0
  }

  /** A write still failing, if any (else a write refused for another reason than the disk). */
  get error(): unknown {
    return this.failing.values().next().value ?? this.other
  }

  private run(kind: WriteKind, before: Promise<void>, write: () => Promise<void>, retry: () => void): Promise<void> {
    return before.then(write).then(
      () => this.settle(kind, null),
      (error: unknown) => {
        // Only the disk's refusals are retried and shown; another (the store refusing to write
        // over a JSON copy changed outside) is kept for stop() and waits for the next change.
        if (!isDiskError(error)) return void (this.other ??= error)
        this.settle(kind, error)
        if (!this.closed) retry()
      },
    )
  }

  private settle(kind: WriteKind, error: unknown): void {
    const wasSaved = this.saved
    if (error === null) this.failing.delete(kind)
    else this.failing.set(kind, error)
    if (wasSaved !== this.saved) this.options.onHealth?.(this.saved)
  }

  private get retryMs(): number {
    return this.options.retryMs ?? 1_000
  }

  private scheduleLog(delay = this.options.logDebounceMs ?? 50): void {
    if (this.logTimer) return
    this.logTimer = setTimeout(() => this.writeLogNow(), delay)
  }

  private writeLogNow(): void {
    if (this.logTimer) clearTimeout(this.logTimer)
    this.logTimer = null
    const state = Y.encodeStateAsUpdate(this.options.doc)
    this.logWrite = this.run('log', this.logWrite, () => this.options.files.writeLog(state), () => this.scheduleLog(this.retryMs))
    this.options.withLog?.()
  }

  private writeShareNow(): void {
    if (this.shareTimer) clearTimeout(this.shareTimer)
    this.shareTimer = null
    const record = this.shareDue
    if (!record) return
    this.shareWrite = this.run('share', this.shareWrite, () => this.options.files.writeShare(record), () => {
      this.shareTimer ??= setTimeout(() => this.writeShareNow(), this.retryMs)
    })
  }

  private scheduleProjection(delay = this.options.projectionDebounceMs ?? 200): void {
    if (this.projectionTimer) return
    this.projectionTimer = setTimeout(() => this.writeProjectionNow(), delay)
  }

  private writeProjectionNow(): void {
    if (this.projectionTimer) clearTimeout(this.projectionTimer)
    this.projectionTimer = null
    const projection = this.options.projection()
    if (!isSeeded(this.options.doc) || !projection) return
    // The readable copy is stamped when it is written, as a save is: commands change the doc,
    // not its `updatedAt`, and the account's newest-wins carry (docs/method.md, "Accounts")
    // must see the team's edits as newer than what this laptop recorded before them.
    const projected = projection.file()
    const file = { ...projected, deal: { ...projected.deal, updatedAt: this.options.now().toISOString() } }
    const { deals } = this.options.stores
    this.projectionWrite = this.run('projection', this.projectionWrite, () => deals.save(deals.checkFile(file)).then(() => undefined), () => this.scheduleProjection(this.retryMs))
  }
}

/** The disk refused (full, read-only, locked, an IO error), directly or as the store's `io` failure. */
function isDiskError(error: unknown): boolean {
  return /^E[A-Z]+$/.test(errnoCode(error) ?? '') || (error instanceof AppFailure && error.appError.code === 'io')
}
