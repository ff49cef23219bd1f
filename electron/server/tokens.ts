import { watch, type FSWatcher } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import { z } from 'zod'

/**
 * The tokens file of `war-room serve` (docs/collaboration.md, "The server"): who may connect
 * and with which role. `[{ "token", "name", "email", "role": "editor" | "viewer" }]`.
 */
const TokenEntrySchema = z.object({
  token: z.string().min(16, 'a token must be at least 16 characters').max(512),
  name: z.string().min(1).max(200),
  email: z.string().max(320),
  role: z.enum(['editor', 'viewer']),
}).strict()
const TokensFileSchema = z.array(TokenEntrySchema).max(10_000)

export type TokenEntry = z.infer<typeof TokenEntrySchema>

export type TokensRead = { ok: true; entries: TokenEntry[] } | { ok: false; reason: string }

/**
 * Parse a tokens file. The reason never quotes the file: it holds secrets, and a reason is
 * logged. Issues name the entry by its index and the field by its name only.
 */
export function parseTokens(text: string): TokensRead {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return { ok: false, reason: 'it is not valid JSON' }
  }
  const parsed = TokensFileSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue.path.length ? `entry ${issue.path.join('.')}` : 'the file'
    // zod's messages for these checks name types and lengths, never the value itself.
    return { ok: false, reason: `${where}: ${issue.message}` }
  }
  const seen = new Set<string>()
  for (const [i, entry] of parsed.data.entries()) {
    if (seen.has(entry.token)) return { ok: false, reason: `entry ${i}: the same token is given twice` }
    seen.add(entry.token)
  }
  return { ok: true, entries: parsed.data }
}

/**
 * The tokens, re-read whenever the file changes. A file that cannot be read or parsed keeps
 * the last good set (a half-saved edit must not lock the whole team out) and says why.
 */
export class TokenRegistry {
  private byToken = new Map<string, TokenEntry>()
  private watcher: FSWatcher | null = null
  private reloading: Promise<void> = Promise.resolve()

  private constructor(private readonly path: string, private readonly log: (line: string) => void) {}

  /** Read the file once (it must be valid at start) and watch it. */
  static async open(path: string, log: (line: string) => void): Promise<TokenRegistry> {
    const registry = new TokenRegistry(path, log)
    const first = await registry.read()
    if (!first.ok) throw new Error(`The tokens file ${path} cannot be used: ${first.reason}`)
    registry.use(first.entries)
    registry.watch()
    return registry
  }

  find(token: string): TokenEntry | undefined {
    return this.byToken.get(token)
  }

  get size(): number {
    return this.byToken.size
  }

  /** Whether some token names exactly this person (name, and email in any case). */
  holds(who: { name: string; email: string }): boolean {
    const email = who.email.trim().toLowerCase()
    for (const entry of this.byToken.values()) if (entry.name === who.name && entry.email.trim().toLowerCase() === email) return true
    return false
  }

  /** Re-read now (the watcher calls it; tests await it through `reloaded`). */
  reload(): Promise<void> {
    this.reloading = this.reloading.then(async () => {
      const read = await this.read()
      if (read.ok) {
        this.use(read.entries)
        this.log(`tokens: reloaded ${read.entries.length} token(s) from ${this.path}`)
      } else {
        this.log(`tokens: ${this.path} not reloaded (${read.reason}); keeping the last good ${this.byToken.size} token(s)`)
      }
    })
    return this.reloading
  }

  close(): void {
    this.watcher?.close()
    this.watcher = null
  }

  private async read(): Promise<TokensRead> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (error) {
      return { ok: false, reason: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` }
    }
    return parseTokens(text)
  }

  private use(entries: TokenEntry[]): void {
    this.byToken = new Map(entries.map((e) => [e.token, e]))
  }

  /**
   * Watch the folder, not the file: editors and our own durable writer replace the file by
   * rename, which ends a watch on the old inode.
   */
  private watch(): void {
    const name = basename(this.path)
    let timer: NodeJS.Timeout | null = null
    this.watcher = watch(dirname(this.path), (_event, changed) => {
      if (changed !== null && changed !== name) return
      if (timer) clearTimeout(timer)
      // Several events arrive for one save; read once they settle.
      timer = setTimeout(() => void this.reload(), 50)
    })
    this.watcher.unref()
  }
}
