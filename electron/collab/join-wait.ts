/**
 * Joining a deal the server has not got yet. With several nodes, a node that just loaded the
 * document may still be fetching it from the others through Redis (docs/collaboration.md,
 * "Several nodes"): wait a moment for it before saying the deal is not there.
 */
export class JoinWait {
  private timer: NodeJS.Timeout | null = null

  constructor(private readonly ms: number, private readonly gaveUp: () => void) {}

  /** Begin waiting; a wait already begun goes on. */
  begin(): void {
    if (this.timer) return
    this.timer = setTimeout(this.gaveUp, this.ms)
  }

  /** The deal has arrived: whether it was being waited for (the wait ends). */
  arrived(): boolean {
    if (!this.timer) return false
    clearTimeout(this.timer)
    this.timer = null
    return true
  }

  /** The sync stops: no more waiting. */
  stop(): void {
    if (this.timer) clearTimeout(this.timer)
  }
}
