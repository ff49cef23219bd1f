import type { ShareRecord } from './local-files'
import type { OwnUndo } from './own-undo'

export interface WaitingChangesOptions {
  /** The origin of this laptop's edits on the live doc. */
  origin: unknown
  /** Per-user undo (own-undo.ts), once the sync has started: an undo or a redo is a change too. */
  ownUndo: () => OwnUndo | null
  /** The share record as last read or written; null until the deal is first shared or joined. */
  share: () => ShareRecord | null
  /** Write the share record (it goes to disk with the log). */
  writeShare: (share: ShareRecord) => void
}

/**
 * How many of this laptop's changes the server has not confirmed: the top bar's "offline, n
 * waiting". The count goes to disk with the log, as the share record's `waiting`, so a restart
 * offline still shows it (docs/collaboration.md, "The client engine").
 */
export class WaitingChanges {
  count = 0

  constructor(private readonly options: WaitingChangesOptions) {}

  /** A change of the live doc that did not come from the server; `origin` is its transaction's. */
  noteLocal(origin: unknown): void {
    const undo = this.options.ownUndo()
    // A keystroke that continues the edit before it is the same change waiting (unless that one
    // has reached the server): a burst of typing is one change.
    if ((origin === this.options.origin && (!undo?.continuing || this.count === 0)) || origin === undo?.manager) this.count++
  }

  /** The server has confirmed every update of ours. */
  confirmed(): void {
    this.count = 0
    this.save()
  }

  /** Put the count in the share record, when it is not there already. */
  save(): void {
    const share = this.options.share()
    if (!share || (share.waiting ?? 0) === this.count) return
    this.options.writeShare({ ...share, waiting: this.count })
  }
}
