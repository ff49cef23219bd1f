import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDealFile } from '@shared/model'
import { createHandlers } from '../../../electron/main/handlers'
import { InFlight } from '../../../electron/main/in-flight'
import { registerIpc } from '../../../electron/main/ipc'
import { makeIsAppUrl } from '../../../electron/main/security-policy'
import { tempDir, manualClock } from '../store/helpers'

const APP_URL = 'file:///opt/deal-war-room/out/renderer/index.html'

describe('quitting waits for saves in flight', () => {
  it('a save handed over as the window closes is on disk once the in-flight calls settle', async () => {
    const dataDir = await tempDir()
    const handlers = createHandlers({ dataDir, clock: manualClock(), dialogs: { saveFile: async () => null, openFile: async () => null } })
    const view = await handlers['workspace:load']()
    const { deal } = await handlers['deal:open'](view.deals[0].id)

    const registered = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>()
    const inFlight = new InFlight()
    registerIpc({ handle: (ch: string, fn: never) => void registered.set(ch, fn) } as never, handlers, makeIsAppUrl({ rendererIndexUrl: APP_URL }), inFlight)

    const event = { senderFrame: { url: APP_URL } }
    void registered.get('deal:save')!(event, { ...deal, name: 'Renamed as the window closed' })
    expect(inFlight.size).toBe(1)
    await inFlight.settled()
    expect(inFlight.size).toBe(0)
    const onDisk = parseDealFile(await readFile(join(dataDir, 'deals', `${deal.id}.json`), 'utf8'))
    expect(onDisk.ok && onDisk.value.deal.name).toBe('Renamed as the window closed')
  })

  it('does not wait forever for a call that never ends', async () => {
    const inFlight = new InFlight()
    void inFlight.track(new Promise(() => {}))
    await inFlight.settled(20)
    expect(inFlight.size).toBe(1)
  })
})
