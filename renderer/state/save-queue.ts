/**
 * Gets the latest version of a document to disk: debounced, never two saves in flight,
 * never an older version after a newer one, and retried with backoff when the disk refuses.
 * The caller keeps the document in memory; this only decides when to send it.
 */
export type SaveStatus = 'saved' | 'saving' | 'error'

export interface SaveQueueOptions<T> {
  save(doc: T): Promise<void>
  onStatus(status: SaveStatus, error?: unknown): void
  debounceMs?: number
  /** The longest an edit waits while more keep coming: a crash loses at most this much. */
  maxWaitMs?: number
  retryBaseMs?: number
  retryMaxMs?: number
  /** A refusal that trying the same version again cannot change (too large, changed outside): wait for a new edit instead of retrying. */
  isPermanent?(error: unknown): boolean
}

export class SaveQueue<T> {
  private latest: T | undefined
  private version = 0
  private savedVersion = 0
  private inFlight: Promise<void> | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private failures = 0
  private disposed = false
  /** When the oldest edit not yet handed to `save` was made. */
  private pendingSince: number | null = null
  /** The version main refused for good; it is not sent again (a new edit is). */
  private refusedVersion = -1
  private readonly debounceMs: number
  private readonly maxWaitMs: number
  private readonly retryBaseMs: number
  private readonly retryMaxMs: number

  constructor(private readonly options: SaveQueueOptions<T>) {
    this.debounceMs = options.debounceMs ?? 350
    this.maxWaitMs = options.maxWaitMs ?? 1000
    this.retryBaseMs = options.retryBaseMs ?? 1000
    this.retryMaxMs = options.retryMaxMs ?? 30_000
  }

  get dirty(): boolean {
    return this.version !== this.savedVersion
  }

  /** The newest version's number, to tell `markSaved` which version reached the disk. */
  get currentVersion(): number {
    return this.version
  }

  /** `version` reached the disk another way (a conflict resolved with the user's version). */
  markSaved(version: number): void {
    this.savedVersion = Math.max(this.savedVersion, version)
    this.options.onStatus(this.dirty ? 'saving' : 'saved')
    if (this.dirty) void this.flush()
  }

  /** A new version exists; save it soon. */
  schedule(doc: T): void {
    if (this.disposed) return
    this.latest = doc
    this.version++
    this.options.onStatus('saving')
    this.pendingSince ??= Date.now()
    // A failing disk waits for its backoff timer; otherwise debounce, but never past maxWaitMs
    // (continuous typing would otherwise postpone the save indefinitely).
    if (this.failures === 0) this.arm(Math.min(this.debounceMs, Math.max(0, this.pendingSince + this.maxWaitMs - Date.now())))
  }

  /** Save now (window blur, close). Resolves when the newest version is on disk or failed. */
  async flush(): Promise<void> {
    this.clearTimer()
    while (!this.disposed && this.dirty && this.version !== this.refusedVersion) {
      if (this.inFlight) {
        await this.inFlight
        continue
      }
      const before = this.savedVersion
      await this.run()
      if (this.savedVersion === before) return // failed: the retry timer owns it now
    }
  }

  dispose(): void {
    this.disposed = true
    this.clearTimer()
  }

  private arm(ms: number): void {
    this.clearTimer()
    this.timer = setTimeout(() => {
      this.timer = null
      void this.flush()
    }, ms)
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  private run(): Promise<void> {
    this.pendingSince = null
    const version = this.version
    const doc = this.latest as T
    this.inFlight = this.options
      .save(doc)
      .then(
        () => {
          this.failures = 0
          this.savedVersion = Math.max(this.savedVersion, version)
          if (!this.dirty) this.options.onStatus('saved')
        },
        (error: unknown) => {
          if (this.options.isPermanent?.(error)) {
            this.refusedVersion = version
            this.failures = 0
            this.options.onStatus('error', error)
            return
          }
          this.failures++
          this.options.onStatus('error', error)
          if (!this.disposed) this.arm(Math.min(this.retryMaxMs, this.retryBaseMs * 2 ** (this.failures - 1)))
        },
      )
      .finally(() => {
        this.inFlight = null
      })
    return this.inFlight
  }
}
