import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startCollabServer, type CollabServer } from '../../../electron/server/collab-server'
import type { Who } from '../poms/CollabPage'
import { openApp, type App } from './app'
import { DealsPage } from '../poms/DealsPage'

interface Token { token: string; name: string; email: string; role: string }

/**
 * A real team server on 127.0.0.1 (collab-server's) over a data folder of its own, for the
 * two-laptop specs: stopped and started again on the same port, as a server that goes away and
 * comes back, with a tokens file a spec may rewrite (a token withdrawn).
 */
export class TeamServer {
  private server: CollabServer | null = null
  private port = 0

  private constructor(private readonly dir: string, private readonly tokensFile: string) {}

  static async start(prefix: string, tokens: readonly Token[]): Promise<TeamServer> {
    const dir = await mkdtemp(join(tmpdir(), prefix))
    const team = new TeamServer(dir, join(dir, 'tokens.json'))
    await team.setTokens(tokens)
    await team.restart()
    return team
  }

  get url(): string {
    return `ws://127.0.0.1:${this.port}`
  }

  /** Start (again) on the same port, with the tokens file as it is now. */
  async restart(): Promise<void> {
    this.server = await startCollabServer({ dataDir: join(this.dir, 'data'), tokensFile: this.tokensFile, host: '127.0.0.1', port: this.port, log: () => undefined, storeDebounceMs: 50 })
    this.port = this.server.port
  }

  async stop(): Promise<void> {
    await this.server?.stop()
    this.server = null
  }

  async setTokens(tokens: readonly Token[]): Promise<void> {
    await writeFile(this.tokensFile, JSON.stringify(tokens))
  }

  /** What the share and join dialogs take for one of the tokens. */
  who(t: Token): Who {
    return { serverUrl: this.url, token: t.token, name: t.name, email: t.email }
  }

  async remove(): Promise<void> {
    await this.stop()
    await rm(this.dir, { recursive: true, force: true })
  }
}

/** Two laptops (app pages with data folders of their own) on the deals list, at 1280 × 720 unless `size` says. */
export async function twoLaptops(a?: App, size = { width: 1280, height: 720 }): Promise<[App, App]> {
  const apps: [App, App] = [a ?? (await openApp()), await openApp()]
  for (const app of apps) {
    await app.page.setViewportSize(size)
    await new DealsPage(app.page).waitUntilShown()
  }
  return apps
}
