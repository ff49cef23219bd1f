import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CollabEvent, HandlerTable } from '@shared/ipc'
import { withPeople } from '@shared/deal-push'
import { newId, newStakeholder, type Deal } from '@shared/model'
import { createHandlers } from '../../../electron/main/handlers'
import { memoryOnlyVault, type TokenVault } from '../../../electron/main/collab/token-vault'
import { startCollabServer, type CollabServer } from '../../../electron/server/collab-server'
import { ipcCall } from '../store/helpers'

export const ANNA = { token: 'unit-token-anna-kowalski-01', name: 'Anna Kowalski', email: 'anna@example.com', role: 'editor' }
export const BRUNO = { token: 'unit-token-bruno-keller-002', name: 'Bruno Keller', email: 'bruno@example.com', role: 'editor' }
export const CHEN = { token: 'unit-token-chen-jing-viewer3', name: 'Chen Jing', email: 'chen@example.com', role: 'viewer' }
export const SAMPLE_ID = 'sample-harbor-city-core-banking'

/** A new deal in `laptop`'s workspace (every laptop has the first-run sample, so a shared deal is a new one). */
export async function newDeal(laptop: Laptop, name = 'Northwind rollout'): Promise<string> {
  await ipcCall(laptop.handlers, 'workspace:load')
  const deal = await ipcCall(laptop.handlers, 'deal:create', { name, customer: 'Northwind' })
  return deal.id
}

/** One laptop: main's handler table over its own data folder, with the pushes it made. */
/** What the share and join channels take for one of the tokens above. */
export const who = (t: typeof ANNA, serverUrl: string) => ({ serverUrl, token: t.token, name: t.name, email: t.email })

/**
 * Anna alone on a deal with one person (Dana), shared, then the server stops: her laptop is
 * offline. The start of every restart-while-offline test; the server's port, to bring it back.
 */
export async function sharedThenOffline(lab: CollabLab): Promise<{ a: Laptop; dealId: string; person: string; port: number }> {
  const server = await lab.server()
  const a = await lab.laptop()
  const dealId = await newDeal(a)
  const person = newId()
  const { deal } = await ipcCall(a.handlers, 'deal:open', dealId)
  await ipcCall(a.handlers, 'deal:save', { ...deal, stakeholders: [newStakeholder({ id: person, name: 'Dana Whitfield', position: { x: 0, y: 0 } })] })
  await ipcCall(a.handlers, 'collab:share', dealId, who(ANNA, server.url))
  await eventually(() => ipcCall(a.handlers, 'collab:state', dealId), (s) => s?.status.kind === 'connected')
  await server.stop()
  await eventually(() => ipcCall(a.handlers, 'collab:state', dealId), (s) => s?.status.kind === 'offline')
  return { a, dealId, person, port: server.port }
}

/**
 * The usual start of a team test: a server, Anna's laptop sharing a new deal (after `beforeShare`,
 * e.g. an ordinary save) and Bruno's laptop joining it by its id.
 */
export async function sharedBetweenTwo(lab: CollabLab, beforeShare?: (a: Laptop, dealId: string) => Promise<void>) {
  const server = await lab.server()
  const a = await lab.laptop()
  const b = await lab.laptop()
  const dealId = await newDeal(a)
  await beforeShare?.(a, dealId)
  await ipcCall(a.handlers, 'collab:share', dealId, who(ANNA, server.url))
  await ipcCall(b.handlers, 'workspace:load')
  await ipcCall(b.handlers, 'collab:join', { ...who(BRUNO, server.url), dealId })
  return { server, a, b, dealId }
}

export interface Laptop {
  dataDir: string
  handlers: HandlerTable
  events: CollabEvent[]
  /** The deal each push of main gave the page, in order (a `people` push applied to the one before it, as the page does). */
  deals: Deal[]
  vault: TokenVault
  stopAll(): Promise<void>
}

/** Servers, laptops and folders a test made, all removed after it. */
export class CollabLab {
  private readonly dirs: string[] = []
  private readonly servers: CollabServer[] = []
  private readonly laptops: Laptop[] = []
  tokensFile = ''
  serverDir = ''

  async dir(prefix: string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), prefix))
    this.dirs.push(dir)
    return dir
  }

  /** A real team server on 127.0.0.1 (collab-server's), on `port` (0: any free port). */
  async server(port = 0): Promise<CollabServer> {
    if (!this.tokensFile) {
      this.serverDir = await this.dir('collab-app-server-')
      this.tokensFile = join(this.serverDir, 'tokens.json')
      await writeFile(this.tokensFile, JSON.stringify([ANNA, BRUNO, CHEN]))
    }
    const server = await startCollabServer({ dataDir: join(this.serverDir, 'data'), tokensFile: this.tokensFile, host: '127.0.0.1', port, log: process.env.COLLAB_LOG ? (l) => console.log('[server]', l) : () => undefined, storeDebounceMs: 20 })
    this.servers.push(server)
    return server
  }

  async laptop(vault: TokenVault = memoryOnlyVault(), dataDir?: string): Promise<Laptop> {
    const dir = dataDir ?? (await this.dir('collab-app-laptop-'))
    const events: CollabEvent[] = []
    const deals: Deal[] = []
    const lastOf = new Map<string, { seq: number; deal: Deal }>()
    const seen = (e: CollabEvent) => {
      events.push(e)
      if (e.kind !== 'deal' && e.kind !== 'people') return
      const last = lastOf.get(e.dealId)
      if (e.kind === 'people' && last?.seq !== e.seq - 1) throw new Error(`push ${e.seq} of ${e.dealId} follows ${last?.seq ?? 'nothing'}`)
      const deal = e.kind === 'deal' ? e.deal : withPeople(last!.deal, e.people)
      lastOf.set(e.dealId, { seq: e.seq, deal })
      deals.push(deal)
    }
    let stopAll: () => Promise<void> = async () => undefined
    const handlers = createHandlers({
      dataDir: dir,
      dialogs: { saveFile: async () => null, openFile: async () => null },
      collab: { vault, emit: seen, onStopAll: (s) => (stopAll = s), projectionDelayMs: 10 },
    })
    const laptop: Laptop = { dataDir: dir, handlers, events, deals, vault, stopAll: () => stopAll() }
    this.laptops.push(laptop)
    return laptop
  }

  async cleanUp(): Promise<void> {
    await Promise.allSettled(this.laptops.map((l) => l.stopAll()))
    await Promise.allSettled(this.servers.map((s) => s.stop()))
    await Promise.allSettled(this.dirs.map((d) => rm(d, { recursive: true, force: true })))
    this.dirs.length = this.servers.length = this.laptops.length = 0
    this.tokensFile = this.serverDir = ''
  }
}

/** Poll until `read` gives a value `ok` accepts (never a fixed sleep). */
export async function eventually<T>(read: () => T | Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs
  let last: T
  for (;;) {
    last = await read()
    if (ok(last)) return last
    if (Date.now() > until) throw new Error(`Timed out; last value: ${JSON.stringify(last)?.slice(0, 500)}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}
