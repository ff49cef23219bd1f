import * as Y from 'yjs'
import { MAX_UPDATE_BYTES } from '@shared/collab'

export interface RemoteUpdatesOptions {
  /** The live doc: what the log, the JSON projection and the UI read. */
  live: Y.Doc
  /** The origin a colleague's change carries on the live doc (the provider). */
  remoteOrigin: () => unknown
  /** The live doc's listener for our own changes (on their way to the wire and the log). */
  ownChanges: (update: Uint8Array, origin: unknown) => void
  /** Whether the wire doc, which holds the batch already, is a valid deal (incremental check). */
  wireIsValid: () => boolean
  /** The live doc changed: the log and the readable copy are due. */
  changed: () => void
  /** The batch fails the check: nothing of it reached the live doc. */
  refuse: () => void
  /** The batch changed the live doc. */
  applied: () => void
  /** No more batches are taken (stopped, or a remote state was refused). */
  closed: () => boolean
}

/**
 * A colleague's updates on their way from the wire doc to the live doc (docs/collaboration.md,
 * "The client engine"): checked in batches, applied as a whole or not at all.
 *
 * Everything that arrived in one task (the socket's messages of one read) is merged
 * (Y.mergeUpdates), and the wire doc, which holds them already, is checked once: the live doc
 * plus the batch, as a scratch copy of the live doc with the batch applied would be, but
 * re-reading only what the batch touched (IncrementalValidator). The batch closes at the end of
 * the task (a microtask), not at the next turn of the event loop (setImmediate, which first ran
 * every other callback due: timers' writes, the other sockets): a colleague's single edit waited
 * for those (docs/collaboration-app.md, "Measured").
 */
export class RemoteUpdates {
  private batch: Uint8Array[] = []
  private scheduled = false

  constructor(private readonly options: RemoteUpdatesOptions) {}

  /** An update the wire doc took from the server. */
  push(update: Uint8Array): void {
    this.batch.push(update)
    if (this.scheduled) return
    this.scheduled = true
    queueMicrotask(() => this.applyNow())
  }

  /** Check and apply what has arrived, now (the provider's sync events come before the microtask). */
  applyNow(): void {
    this.scheduled = false
    const batch = this.batch
    this.batch = []
    if (batch.length === 0 || this.options.closed()) return
    const update = batch.length === 1 ? batch[0] : Y.mergeUpdates(batch)
    if (update.byteLength > MAX_UPDATE_BYTES || !this.options.wireIsValid()) return this.options.refuse()
    // Already there (a state the server sent back): nothing to tell the page.
    if (this.applyToLive(update)) this.options.applied()
  }

  /**
   * Apply a checked remote update to the live doc; whether it changed anything (Yjs's own test
   * for emitting an update: a non-empty delete set or a state vector that moved).
   *
   * Yjs encodes a transaction's update whenever the doc has an 'update' listener, so ours is
   * taken off while a colleague's bytes are applied: they are known already, and encoding them
   * again cost a tenth of a 1,000-person initial sync (docs/performance.md). An observer of the
   * colleague's change may edit (or undo) at once: Yjs runs that transaction inside this same
   * `Y.applyUpdate`, after the colleague's, and its bytes must reach the wire doc and count as
   * waiting like any edit of ours. So the listener comes back on as soon as a transaction of
   * another origin begins (tests/unit/adversary/remote-apply-reentrant.test.ts).
   */
  private applyToLive(update: Uint8Array): boolean {
    const { live, ownChanges } = this.options
    const remote = this.options.remoteOrigin()
    let changed = false
    const seen = (tr: Y.Transaction) => {
      if (tr.origin !== remote) return
      changed ||= tr.deleteSet.clients.size > 0 || [...tr.afterState].some(([client, clock]) => tr.beforeState.get(client) !== clock)
    }
    const begun = (tr: Y.Transaction) => {
      if (tr.origin !== remote) live.on('update', ownChanges)
    }
    live.off('update', ownChanges)
    live.on('afterTransaction', seen)
    live.on('beforeTransaction', begun)
    try {
      Y.applyUpdate(live, update, remote)
    } finally {
      live.off('beforeTransaction', begun)
      live.off('afterTransaction', seen)
      live.on('update', ownChanges)
      // Even when an observer of the change threw: what the live doc holds goes to disk.
      if (changed) this.options.changed()
    }
    return changed
  }
}
