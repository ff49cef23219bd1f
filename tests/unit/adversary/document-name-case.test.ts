import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { DEAL_ID, EDITORS, Lab, teamDeal, until } from '../collab-server/harness'

let lab: Lab
afterEach(() => lab.cleanUp())

/** A bare Hocuspocus client asking for `name`: what a hostile or buggy peer can send. */
function rawClient(url: string, token: string, name: string) {
  const doc = new Y.Doc()
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket })
  const state = { failed: null as string | null, synced: false }
  const provider = new HocuspocusProvider({
    websocketProvider: socket, name, document: doc, token,
    onAuthenticationFailed: ({ reason }) => void (state.failed = reason),
    onSynced: () => void (state.synced = true),
  })
  provider.attach()
  return { doc, state, close: () => (provider.destroy(), socket.destroy()) }
}

describe('document names that differ only by case', () => {
  // Ids with the same key are one deal (shared/file-names.ts idKey); the server stores both
  // spellings in one file (docs/<stem>/<node>.ydoc), so two live documents for one deal
  // would overwrite each other's stored state.
  it('are one deal: a second spelling of an open deal is refused, not served as a fork', async () => {
    lab = new Lab()
    const server = await lab.server()
    const a = await lab.client({ dataDir: await lab.dataFolder(teamDeal()), serverUrl: server.url })
    await a.whenInSync()

    const fork = rawClient(server.url, EDITORS[1].token, `deal/${DEAL_ID.toUpperCase()}`)
    await until(() => fork.state.failed !== null || fork.state.synced, 'the server answers the second spelling')
    fork.close()
    expect(fork.state).toEqual({ failed: 'no-access', synced: false })

    // The deal's own spelling is still served.
    const same = rawClient(server.url, EDITORS[1].token, `deal/${DEAL_ID}`)
    await until(() => same.state.failed !== null || same.state.synced, 'the server answers the deal')
    expect(same.state.synced).toBe(true)
    expect(same.doc.getMap('people').size).toBe(3)
    same.close()
  })
})
