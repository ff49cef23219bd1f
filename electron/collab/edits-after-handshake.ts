import * as Y from 'yjs'

/**
 * Our edits reach the wire doc (and so the server) only once the server has all our earlier
 * ones. An edit sent during a reconnect's handshake would arrive before the catch-up it builds
 * on: Yjs would apply its deletions at once and hold back its structs, its log entry among
 * them, and the server refuses a change no entry of its update names (docs/collaboration.md,
 * "Authors are checked"). So edits are held from a disconnect until the provider has answered
 * the server's sync step 1 (that answer carries everything of ours the server lacks), then
 * sent as one update.
 */
export class EditsAfterHandshake {
  private open = false
  private held: Uint8Array[] = []

  constructor(private readonly wire: Y.Doc, private readonly origin: unknown) {}

  send(update: Uint8Array): void {
    if (this.open) Y.applyUpdate(this.wire, update, this.origin)
    else this.held.push(update)
  }

  /** The socket closed or is closing: hold edits until the next handshake. */
  close(): void {
    this.open = false
  }

  /** The server's sync step 1 has been answered: send what was held, then pass edits on. */
  release(): void {
    this.open = true
    const held = this.held
    this.held = []
    if (held.length > 0) Y.applyUpdate(this.wire, held.length === 1 ? held[0] : Y.mergeUpdates(held), this.origin)
  }
}
