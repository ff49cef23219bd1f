import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CHANNELS, type Api, type Channel } from '@shared/ipc'
import { DealFileSchema } from '@shared/model'
import { createHandlers } from '../../electron/main/handlers'
import { invokeChannel } from '../../electron/main/ipc'
import type { HandlerTable } from '@shared/ipc'
import { useDealStore } from '../../renderer/state/deal-store'
import { useWorkspaceStore } from '../../renderer/state/workspace-store'

// The page's autosave sends only what changed (renderer/state/deal-sender.ts), against real
// handlers over a real data folder: what lands on disk is the whole deal as the user has it.
const SAMPLE_ID = 'sample-harbor-city-core-banking'
const noDialogs = { saveFile: async () => null, openFile: async () => null }
const dirs: string[] = []
afterEach(async () => {
  await useDealStore.getState().close()
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })))
})

/** window.api as the preload makes it, each call crossing "IPC" (new objects) into `handlers()`. */
function bridge(handlers: () => HandlerTable) {
  const calls: Array<{ channel: Channel; args: unknown[] }> = []
  const api = Object.fromEntries(Object.entries(CHANNELS).map(([channel, { method }]) => [method, (...args: unknown[]) => {
    calls.push({ channel: channel as Channel, args })
    return invokeChannel(handlers(), channel, JSON.parse(JSON.stringify(args)))
  }]))
  ;(window as unknown as { api: Api }).api = { ...api, onMenuAction: () => () => undefined } as unknown as Api
  return calls
}

describe('autosave sends what changed', () => {
  it('one card moved sends that card alone; after main restarts, the whole deal; the disk has every edit', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'war-room-autosave-'))
    dirs.push(dataDir)
    let handlers = createHandlers({ dataDir, dialogs: noDialogs })
    const calls = bridge(() => handlers)
    await useWorkspaceStore.getState().load()
    await useDealStore.getState().open(SAMPLE_ID)
    const deal = useDealStore.getState().deal!
    const [first, second] = deal.stakeholders
    const onDisk = async () => DealFileSchema.parse(JSON.parse(await readFile(join(dataDir, 'deals', `${SAMPLE_ID}.json`), 'utf8'))).deal

    useDealStore.getState().dispatch({ type: 'move-stakeholders', moves: [{ id: first.id, position: { x: 4321, y: 12 } }] })
    await useDealStore.getState().flush()
    const sent = calls.filter((c) => c.channel === 'deal:save-changes' || c.channel === 'deal:save')
    expect(sent.map((c) => c.channel)).toEqual(['deal:save-changes'])
    const changes = sent[0].args[0] as { changed: Array<{ id: string }>; links?: unknown }
    expect(changes.changed.map((s) => s.id)).toEqual([first.id])
    expect(changes.links).toBeUndefined()
    expect((await onDisk()).stakeholders.find((s) => s.id === first.id)?.position).toEqual({ x: 4321, y: 12 })

    // Main restarted (a new handler table): the page's revision is unknown there, so the whole deal goes.
    handlers = createHandlers({ dataDir, dialogs: noDialogs })
    await handlers['workspace:load']()
    calls.length = 0
    useDealStore.getState().dispatch({ type: 'move-stakeholders', moves: [{ id: second.id, position: { x: -99, y: 7 } }] })
    await useDealStore.getState().flush()
    expect(calls.filter((c) => c.channel.startsWith('deal:save')).map((c) => c.channel)).toEqual(['deal:save-changes', 'deal:save'])
    const saved = await onDisk()
    expect(saved.stakeholders.find((s) => s.id === second.id)?.position).toEqual({ x: -99, y: 7 })
    expect(saved.stakeholders.find((s) => s.id === first.id)?.position).toEqual({ x: 4321, y: 12 })

    // And changes again from there on.
    calls.length = 0
    useDealStore.getState().dispatch({ type: 'move-stakeholders', moves: [{ id: first.id, position: { x: 1, y: 1 } }] })
    await useDealStore.getState().flush()
    expect(calls.filter((c) => c.channel.startsWith('deal:save')).map((c) => c.channel)).toEqual(['deal:save-changes'])
    expect((await onDisk()).stakeholders.find((s) => s.id === first.id)?.position).toEqual({ x: 1, y: 1 })
  })
})
