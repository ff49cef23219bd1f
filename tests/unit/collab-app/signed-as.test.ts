import { afterEach, describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ipcCall } from '../store/helpers'
import { ANNA, BRUNO, CollabLab, eventually, newDeal } from './helpers'

describe('the app signs its changes with the name the server knows the token by (docs/collaboration.md, "Authors are checked")', () => {
  const lab = new CollabLab()
  afterEach(() => lab.cleanUp())

  it('a name typed differently in the share dialog is replaced by the token\'s, so the server accepts every change and names it right', async () => {
    const server = await lab.server()
    const a = await lab.laptop()
    const b = await lab.laptop()
    const dealId = await newDeal(a)
    await ipcCall(a.handlers, 'collab:share', dealId, { serverUrl: server.url, token: ANNA.token, name: 'Anna K.', email: 'anna.k@home.example' })
    await ipcCall(b.handlers, 'workspace:load')
    await ipcCall(b.handlers, 'collab:join', { serverUrl: server.url, token: BRUNO.token, name: BRUNO.name, email: BRUNO.email, dealId })
    await ipcCall(a.handlers, 'collab:apply', dealId, [{ type: 'set-deal-facts', patch: { stage: 'negotiate' } }])
    const seen = await eventually(async () => (await ipcCall(b.handlers, 'collab:log', dealId, 5)).find((e) => e.targets.includes('deal') && e.command === 'set-deal-facts'), Boolean)
    expect(seen!.author).toEqual({ name: ANNA.name, email: ANNA.email })
    expect((await ipcCall(a.handlers, 'collab:state', dealId))?.status.kind).toBe('connected')
    expect(JSON.parse(await readFile(join(a.dataDir, 'collab-user.json'), 'utf8'))).toMatchObject({ name: ANNA.name, email: ANNA.email })
  })
})
