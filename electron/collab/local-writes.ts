import * as Y from 'yjs'
import { isSeeded, type DealProjection } from '@shared/collab'
import type { Stores } from '../main/store'
import type { SharedDealFiles } from './local-files'

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
  /** Each time the log is written: what goes to disk with it (the count of changes waiting). */
  withLog?: () => void
}

/**
 * What a shared deal keeps on this laptop, written on a debounce and one at a time: the durable
 * Yjs update log beside the deal (edits made offline survive a restart) and the deal's readable
 * JSON copy, through main's store (docs/collaboration-app.md). A write's failure is kept for
 * `DealSync.stop()` rather than left unhandled.
 */
export class LocalWrites {
  private logTimer: NodeJS.Timeout | null = null
  private projectionTimer: NodeJS.Timeout | null = null
  private logWrite: Promise<void> = Promise.resolve()
  private projectionWrite: Promise<void> = Promise.resolve()
  /** Other writes under way (the share record): `flush()` waits for them too. */
  private readonly others = new Set<Promise<void>>()
  /** The first failure writing the log, the projection or the share record. */
  private failure: unknown = null

  constructor(private readonly options: LocalWritesOptions) {}

  /** The doc changed: both copies are due. */
  changed(): void {
    this.scheduleLog()
    this.scheduleProjection()
  }

  /** Write the log and the projection now (the debounced writes, without waiting for the timers). */
  async flush(): Promise<void> {
    if (this.logTimer) this.writeLogNow()
    if (this.projectionTimer) this.writeProjectionNow()
    await Promise.all([this.logWrite, this.projectionWrite, ...this.others])
  }

  /** The first write that failed, if any. */
  get error(): unknown {
    return this.failure
  }

  /** Keep a write's failure instead of an unhandled rejection; `flush()` waits for it. */
  track(write: Promise<void>): Promise<void> {
    const tracked = write.catch((error: unknown) => {
      this.failure ??= error
    })
    this.others.add(tracked)
    void tracked.then(() => this.others.delete(tracked))
    return tracked
  }

  private scheduleLog(): void {
    if (this.logTimer) return
    this.logTimer = setTimeout(() => this.writeLogNow(), this.options.logDebounceMs ?? 50)
  }

  private writeLogNow(): void {
    if (this.logTimer) clearTimeout(this.logTimer)
    this.logTimer = null
    const state = Y.encodeStateAsUpdate(this.options.doc)
    this.logWrite = this.track(this.logWrite.then(() => this.options.files.writeLog(state)))
    this.options.withLog?.()
  }

  private scheduleProjection(): void {
    if (this.projectionTimer) return
    this.projectionTimer = setTimeout(() => this.writeProjectionNow(), this.options.projectionDebounceMs ?? 200)
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
    this.projectionWrite = this.track(this.projectionWrite.then(() => deals.save(deals.checkFile(file))))
  }
}
