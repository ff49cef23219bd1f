import type { RefusalReason, SyncStatus } from './status'

export interface SyncStatusKeeperOptions {
  /** Whether this laptop's disk takes the log, the share record and the JSON copy (local-writes.ts). */
  saved: () => boolean
  /** Whether the server has every update of ours (the provider has none unconfirmed). */
  serverHasAll: () => boolean
  /** Told when what the top bar shows changes (main and the CLI). */
  onStatus?: (status: SyncStatus) => void
}

/**
 * One shared deal's sync status (docs/collaboration.md, "The client engine"): the connection's
 * state, what the top bar shows of it, and who waits for it to change (`whenInSync`).
 */
export class SyncStatusKeeper {
  private state: SyncStatus = { kind: 'syncing' }
  private readonly listeners = new Set<() => void>()

  constructor(private readonly options: SyncStatusKeeperOptions) {}

  /** The connection's state, whatever the disk says. */
  get current(): SyncStatus {
    return this.state
  }

  /**
   * What the top bar shows. While this laptop's disk refuses the log, the share record or the
   * JSON copy, that comes first: offline, the edits would otherwise be said to be kept here when
   * they are only in memory (docs/collaboration.md, "Adversarial findings").
   */
  get shown(): SyncStatus {
    if (!this.options.saved() && this.state.kind !== 'refused') return { kind: 'refused', reason: 'not-saved-here' }
    return this.state
  }

  set(status: SyncStatus): void {
    const shown = JSON.stringify(this.shown)
    this.state = status
    if (shown !== JSON.stringify(this.shown)) this.options.onStatus?.(this.shown)
    this.wake()
  }

  /** The disk began or stopped refusing our writes: the status shown changed. */
  tell(): void {
    this.options.onStatus?.(this.shown)
    this.wake()
  }

  /** Re-read after calls that may refuse (TypeScript keeps the narrowing from before them). */
  isRefused(): boolean {
    return this.state.kind === 'refused'
  }

  /** Refused for a reason other than "cannot reach": final for this session. */
  isFinallyRefused(): boolean {
    return this.state.kind === 'refused' && this.state.reason !== 'unreachable'
  }

  /** Resolves when the server has everything we have and we have everything it has; rejects on refusal. */
  whenInSync(): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const s = this.state
        if (s.kind === 'connected' && this.options.serverHasAll()) return done(resolve)
        if (s.kind === 'refused' && s.reason !== 'unreachable') return done(() => reject(new SyncRefused(s.reason)))
      }
      const done = (finish: () => void) => {
        this.listeners.delete(check)
        finish()
      }
      this.listeners.add(check)
      check()
    })
  }

  private wake(): void {
    for (const listener of [...this.listeners]) listener()
  }
}

/** `whenInSync` rejects with this: the reason is the status's. */
export class SyncRefused extends Error {
  constructor(readonly reason: RefusalReason) {
    super(reason)
  }
}
