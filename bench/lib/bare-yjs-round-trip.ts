import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { Server } from '@hocuspocus/server'
import WebSocket from 'ws'
import * as Y from 'yjs'

/**
 * The baseline for the collaboration rows: two bare Yjs peers (HocuspocusProvider over ws) on a
 * bare Hocuspocus server on 127.0.0.1, no app around them. One peer sets a map key; the time
 * until the other peer's doc has it is one round trip through the server.
 */
export async function bareRoundTrips(count: number): Promise<number[]> {
  const server = new Server({ address: '127.0.0.1', port: 0, quiet: true, stopOnSignals: false })
  await server.listen()
  const url = `ws://127.0.0.1:${server.address.port}`
  const peer = () => {
    const doc = new Y.Doc()
    const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket })
    const provider = new HocuspocusProvider({ websocketProvider: socket, name: 'bench', document: doc, token: 'x' })
    provider.attach()
    return { doc, provider, socket }
  }
  const a = peer()
  const b = peer()
  try {
    await Promise.all([a, b].map((p) => new Promise<void>((resolve) => (p.provider.synced ? resolve() : p.provider.on('synced', () => resolve())))))
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
    for (const p of [a, b]) {
      p.provider.destroy()
      p.socket.destroy()
    }
    await server.destroy()
  }
}
