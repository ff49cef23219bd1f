/**
 * The IPC calls still running. Quitting waits for them so the last edit the page handed
 * over (a save sent from `beforeunload` as the window closes) reaches the disk first.
 */
export class InFlight {
  private readonly calls = new Set<Promise<unknown>>()

  track<T>(call: Promise<T>): Promise<T> {
    this.calls.add(call)
    const forget = () => this.calls.delete(call)
    call.then(forget, forget)
    return call
  }

  get size(): number {
    return this.calls.size
  }

  /** Resolves when no call is running (calls started meanwhile are waited for too), or after `timeoutMs`. */
  async settled(timeoutMs = 5_000): Promise<void> {
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref?.())
    const drain = (async () => {
      while (this.calls.size > 0) await Promise.allSettled([...this.calls])
    })()
    await Promise.race([drain, deadline])
  }
}
