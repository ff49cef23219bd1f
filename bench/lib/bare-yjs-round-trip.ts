import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { Server } from '@hocuspocus/server'
import WebSocket from 'ws'
import * as Y from 'yjs'

/**
 * The baseline for the collaboration rows: two bare Yjs peers (HocuspocusProvider over ws) on a
 * bare Hocuspocus server on 127.0.0.1, no app around them. One peer sets a map key; the time
 * until the other peer's doc has it is one round trip through the server.
 */
/** A bare Hocuspocus server on 127.0.0.1 (any free port), no app around it. */
export async function startBareServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = new Server({ address: '127.0.0.1', port: 0, quiet: true, stopOnSignals: false })
  await server.listen()
  return { url: `ws://127.0.0.1:${server.address.port}`, stop: () => server.destroy() }
}

interface BarePeer {
  doc: Y.Doc
  provider: HocuspocusProvider
  /** Resolves once the provider has synced with the server. */
  synced: Promise<void>
  destroy: () => void
}

/** A bare HocuspocusProvider on `doc` (a fresh one unless given) for document `name`. */
export function barePeer(url: string, name = 'bench', doc = new Y.Doc()): BarePeer {
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket })
  const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token: 'x' })
  provider.attach()
  const synced = new Promise<void>((resolve) => (provider.synced ? resolve() : provider.on('synced', () => resolve())))
  return { doc, provider, synced, destroy: () => { provider.destroy(); socket.destroy() } }
}

export async function bareRoundTrips(count: number): Promise<number[]> {
  const server = await startBareServer()
  const a = barePeer(server.url)
  const b = barePeer(server.url)
  try {
    await Promise.all([a.synced, b.synced])
    const times: number[] = []
    for (let i = 0; i < count; i++) {
      const seen = new Promise<number>((resolve) => {
        const map = b.doc.getMap('m')
        const observe = () => {
          if (map.get('k') === i) {
            map.unobserve(observe)
            resolve(performance.now())
          }
        }
        map.observe(observe)
      })
      const t0 = performance.now()
      a.doc.getMap('m').set('k', i)
      times.push((await seen) - t0)
    }
    return times
  } finally {
    a.destroy()
    b.destroy()
    await server.stop()
  }
}
