import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import * as Y from 'yjs'

/**
 * The page-to-page peer of the remote-edit rows (bench/suites/collab-app.run.ts): a bare
 * HocuspocusProvider in the page, on the bare server given as `?server=`, and a Y.Map
 * observer that writes the value into a DOM node. Nothing of the app: no IPC, no checks, no
 * derived deal, no React. `window.__bareSet(v)` sets the value; `__bareSynced` says when in sync.
 */
const server = new URLSearchParams(location.search).get('server')
if (!server) throw new Error('provider.html needs ?server=ws://…')
const doc = new Y.Doc()
const socket = new HocuspocusProviderWebsocket({ url: server })
const provider = new HocuspocusProvider({ websocketProvider: socket, name: 'bench', document: doc, token: 'x' })
provider.attach()
const map = doc.getMap<string>('m')
const out = document.getElementById('value')!
map.observe(() => {
  out.textContent = map.get('k') ?? ''
})
const page = window as unknown as { __bareSynced: boolean; __bareSet: (value: string) => void }
page.__bareSynced = false
provider.on('synced', () => {
  page.__bareSynced = true
})
page.__bareSet = (value) => map.set('k', value)
