import WebSocket from 'ws'

/**
 * ws reports closing a socket that is still connecting as an 'error' event on the next tick.
 * The provider removes its own listeners when it replaces a socket (a reconnect right after a
 * disconnect, or `DealConnection.close`), so that event would reach no listener and be an uncaught
 * exception that ends the process. Every socket keeps one no-op listener; the provider's
 * listeners still see every error while they are attached.
 */
export class QuietWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args)
    this.on('error', () => undefined)
  }
}
