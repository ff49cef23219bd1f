import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { toDealFile, type DealFile } from '@shared/model'
import { startCollabServer, type CollabServer, type CollabServerOptions } from '../../../electron/server/collab-server'
import { DealSync, type DealSyncOptions } from '../../../electron/collab/deal-sync'
import { aDeal, aSeller, aWorkspace } from '../../fixtures/builders'

export const EDITORS = [
  { token: 'editor-token-anna-kowalski', name: 'Anna Kowalski', email: 'anna@example.com', role: 'editor' },
  { token: 'editor-token-bruno-keller0', name: 'Bruno Keller', email: 'bruno@example.com', role: 'editor' },
] as const
export const VIEWER = { token: 'viewer-token-chen-jing0000', name: 'Chen Jing', email: 'chen@example.com', role: 'viewer' } as const

/** Folders and servers a test made, removed after it. */
export class Lab {
  private readonly dirs: string[] = []
  private readonly servers: CollabServer[] = []
  private readonly clients: DealSync[] = []

  async dir(prefix = 'collab-'): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), prefix))
    this.dirs.push(dir)
    return dir
  }

  /** A tokens file with the two editors and the viewer (plus `extra`). */
  async tokensFile(extra: object[] = []): Promise<string> {
    const path = join(await this.dir('tokens-'), 'tokens.json')
    await writeFile(path, JSON.stringify([...EDITORS, VIEWER, ...extra]))
    return path
  }

  /** An in-process server on 127.0.0.1 with a port of its own. */
  async server(options: Partial<CollabServerOptions> = {}): Promise<CollabServer> {
    const server = await startCollabServer({
      dataDir: options.dataDir ?? (await this.dir('server-')),
      tokensFile: options.tokensFile ?? (await this.tokensFile()),
      host: '127.0.0.1',
      port: 0,
      log: process.env.COLLAB_DEBUG ? (l: string) => console.log(l) : () => undefined,
      ...options,
    })
    this.servers.push(server)
    return server
  }

  /** A data folder like the app's with `file` in it. */
  async dataFolder(file?: DealFile): Promise<string> {
    const dir = await this.dir('data-')
    await mkdir(join(dir, 'deals'), { recursive: true })
    const deal = file?.deal
    await writeFile(join(dir, 'workspace.json'), JSON.stringify(aWorkspace(file?.roster ?? [], deal ? [deal] : [], { language: 'en' })))
    if (file) await writeFile(join(dir, 'deals', `${file.deal.id}.json`), JSON.stringify(file))
    return dir
  }

  /** A started client; stopped after the test. */
  async client(options: Partial<DealSyncOptions> & Pick<DealSyncOptions, 'dataDir' | 'serverUrl'>, who: { token: string; name: string; email: string } = EDITORS[0]): Promise<DealSync> {
    const sync = new DealSync({
      dealId: DEAL_ID,
      token: who.token,
      user: { name: who.name, email: who.email, color: '#3366cc' },
      logDebounceMs: 5,
      projectionDebounceMs: 20,
      ...options,
    })
    this.clients.push(sync)
    await sync.start()
    return sync
  }

  /** The usual start: a server, Anna's client sharing the team deal, Bruno's joining it; both in sync. */
  async pair(options: Partial<CollabServerOptions> = {}): Promise<{ server: CollabServer; a: DealSync; b: DealSync }> {
    const server = await this.server(options)
    const a = await this.client({ dataDir: await this.dataFolder(teamDeal()), serverUrl: server.url })
    await a.whenInSync()
    const b = await this.client({ dataDir: await this.dataFolder(), serverUrl: server.url }, EDITORS[1])
    await b.whenInSync()
    return { server, a, b }
  }

  forget(client: DealSync): void {
    this.clients.splice(this.clients.indexOf(client), 1)
  }

  /** Stop every client (each flushes its files) and forget them; the servers keep running. */
  async stopClients(): Promise<void> {
    await Promise.allSettled(this.clients.splice(0).map((c) => c.stop()))
  }

  async cleanUp(): Promise<void> {
    await this.stopClients()
    await Promise.allSettled(this.servers.map((s) => s.stop()))
    await Promise.all(this.dirs.map((d) => rm(d, { recursive: true, force: true })))
  }
}

export const DEAL_ID = 'deal-shared-1'
export const ANNA = aSeller('s-anna', { name: 'Anna Kowalski', email: 'anna@example.com' })
export const BRUNO = aSeller('s-bruno', { name: 'Bruno Keller', email: 'bruno@example.com' })

/** A small deal with three people, the file a team shares. */
export function teamDeal(people = 3): DealFile {
  let builder = aDeal(DEAL_ID).named('Core banking', 'Harbor City Bank').seat(ANNA, 'account')
  for (let i = 1; i <= people; i++) builder = builder.withStakeholder(`p${i}`, { name: `Person ${i}`, title: `Title ${i}` })
  return toDealFile(builder.build(), [ANNA, BRUNO])
}

/** Poll until `probe` returns true (never a sleep: the state is what is waited for). */
export async function until(probe: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!(await probe())) {
    if (Date.now() > end) throw new Error(`Timed out waiting for: ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

export function person(sync: DealSync, id: string) {
  return sync.file().deal.stakeholders.find((s) => s.id === id)
}
