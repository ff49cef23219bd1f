import { hostname } from 'node:os'
import { Database } from '@hocuspocus/extension-database'
import { Redis } from '@hocuspocus/extension-redis'
import { Server, type Extension, type onAuthenticatePayload, type beforeHandleMessagePayload, type onRequestPayload } from '@hocuspocus/server'
import { dealIdOfDocument, DocumentFiles, safeNodeId } from './document-files'
import { documentUpdateOf, isAlreadyIn } from './message-guard'
import { AuthorBook } from './author-guard'
import { PresenceGuard } from './presence-guard'
import { TokenRegistry } from './tokens'
import { REFUSAL, refusal } from './refusals'
import { ShadowChecks } from './shadow-checks'
import { peerCatchUp } from './peer-catch-up'

export interface CollabServerOptions {
  dataDir: string
  host?: string
  port?: number
  tokensFile: string
  /** `redis://host:port`: several server processes serve the same deals (docs/collaboration.md). */
  redisUrl?: string
  /** Names this process's document files; default `<hostname>-<port>`. */
  nodeId?: string
  /** The largest WebSocket message accepted (bytes). */
  maxMessageBytes?: number
  /** How long the server waits after a change before it stores the document (ms). */
  storeDebounceMs?: number
  log?: (line: string) => void
}

export interface CollabServer {
  url: string
  port: number
  stop(): Promise<void>
}

/**
 * Whether this node holds (or is loading or storing) the same deal under another spelling of
 * its id. Ids with the same key are one deal (shared/file-names.ts `idKey`) and both spellings
 * are stored in one file (document-files.ts), so a second live document would fork the deal
 * and each store would overwrite the other's state (docs/collaboration.md, "The server").
 */
function otherSpellingLive(hocuspocus: Pick<Server['hocuspocus'], 'documents' | 'loadingDocuments' | 'unloadingDocuments'>, documentName: string): boolean {
  const key = documentName.toLowerCase()
  const names = [...hocuspocus.documents.keys(), ...hocuspocus.loadingDocuments.keys(), ...hocuspocus.unloadingDocuments.keys()]
  return names.some((name) => name !== documentName && name.toLowerCase() === key)
}

/** 8 MB: a 1,000-person deal's whole state is about 1–2 MB; a larger message is refused (close 1009). */
export const DEFAULT_MAX_MESSAGE_BYTES = 8 * 1024 * 1024

/**
 * `war-room serve`: Hocuspocus with our durable persistence, tokens with roles, message caps,
 * and validation of every incoming update in a scratch copy (docs/collaboration.md, "The server").
 */
export async function startCollabServer(options: CollabServerOptions): Promise<CollabServer> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`))
  const host = options.host ?? '127.0.0.1'
  const tokens = await TokenRegistry.open(options.tokensFile, log)
  const maxPayload = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES
  let files: DocumentFiles | null = null
  const book = new AuthorBook({
    read: async (dealId) => (files ? files.readAuthors(dealId) : { clients: new Map(), marks: new Map() }),
    write: async (dealId, bindings) => void (files && (await files.writeAuthors(dealId, bindings))),
  })
  const checks = new ShadowChecks()
  const presence = new PresenceGuard((who) => tokens.holds(who))

  const guard: Extension = {
    extensionName: 'deal-war-room-guard',
    // Before the Redis and database extensions: nothing is loaded for a refused connection.
    priority: 2000,
    async onAuthenticate(data: onAuthenticatePayload) {
      const dealId = dealIdOfDocument(data.documentName)
      if (!dealId) throw refusal(REFUSAL.noAccess)
      if (otherSpellingLive(server.hocuspocus, data.documentName)) throw refusal(REFUSAL.noAccess)
      const entry = data.token ? tokens.find(data.token) : undefined
      if (!entry) throw refusal(REFUSAL.badToken)
      // Server-enforced: Hocuspocus drops a read-only connection's updates and tells its client.
      if (entry.role === 'viewer') data.connectionConfig.readOnly = true
      return { user: { name: entry.name, email: entry.email, role: entry.role } }
    },
    async beforeHandleMessage({ update: message, document, connection }: beforeHandleMessagePayload) {
      if (message.byteLength > maxPayload) throw refusal(REFUSAL.tooLarge)
      const user = connection.context?.user as { name: string; email: string } | undefined
      // Presence shows the token's identity, viewers' too (docs/collaboration.md, "Awareness (presence)").
      const presenceRefused = user ? presence.guard(message, document.awareness, user, connection.webSocket) : null
      if (presenceRefused) {
        log(`refused presence on ${document.name} from ${user?.email}: ${presenceRefused === 'not-yours' ? "a state for a colleague's client id" : 'a malformed or oversized awareness message'}`)
        throw refusal(REFUSAL.invalidPresence)
      }
      const update = documentUpdateOf(message)
      if (update === null || connection.readOnly || isAlreadyIn(document, update)) return
      const dealId = dealIdOfDocument(document.name)
      const authors = user && dealId ? book.check(dealId, document, update, user) : { added: { clients: new Map(), marks: new Map() } }
      if ('forged' in authors) {
        log(`refused an update to ${document.name} from ${user?.email}: a change log entry claims another author`)
        throw refusal(REFUSAL.invalidUpdate)
      }
      // Checked in the document's shadow and, if it passes, applied now, in the same tick as
      // the check: Hocuspocus runs this hook for the next message before it applies this one,
      // so a later check would otherwise judge its update against a state without this one
      // (two updates, each valid alone, never checked together). Hocuspocus then applies it
      // again, which changes nothing, and acknowledges.
      const checked = checks.checkAndApply(document, update, connection)
      if (!checked.ok) {
        log(`refused an update to ${document.name} from ${connection.context?.user?.email ?? 'a client'}: ${checked.reason} ${checked.message} ${JSON.stringify(checked.issues.slice(0, 5))}`)
        throw refusal(REFUSAL.invalidUpdate)
      }
      if (dealId) await book.record(dealId, document, authors.added)
    },

    async onRequest({ request, response }: onRequestPayload) {
      if (request.method === 'GET' && (request.url === '/health' || request.url?.startsWith('/health?'))) {
        response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
        response.end(JSON.stringify({ ok: true, documents: server.hocuspocus.getDocumentsCount(), connections: server.hocuspocus.getConnectionsCount() }))
        // Hocuspocus stops the chain on a rejection without an error.
        throw null
      }
      // Who a token names: the app signs its change log entries with this, the identity the
      // server checks them against (docs/collaboration.md, "Authors are checked").
      if (request.method === 'GET' && request.url === '/whoami') {
        const header = request.headers.authorization ?? ''
        const entry = header.startsWith('Bearer ') ? tokens.find(header.slice('Bearer '.length)) : undefined
        response.writeHead(entry ? 200 : 401, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
        response.end(JSON.stringify(entry ? { name: entry.name, email: entry.email, role: entry.role } : { error: 'bad-token' }))
        throw null
      }
    },
  }

  const extensions: Extension[] = [guard]
  if (options.redisUrl) {
    const redis = new Redis(redisConfiguration(options.redisUrl))
    extensions.push(redis, peerCatchUp(redis, log))
  }
  extensions.push(
    new Database({
      fetch: async ({ documentName }) => {
        const dealId = dealIdOfDocument(documentName)
        if (!dealId || !files) return null
        await book.load(dealId)
        return files.fetch(dealId)
      },
      store: async ({ documentName, state }) => {
        const dealId = dealIdOfDocument(documentName)
        if (dealId && files) await files.store(dealId, state)
      },
    }),
  )

  const server = new Server(
    {
      name: 'deal-war-room',
      address: host,
      port: options.port ?? 1234,
      quiet: true,
      stopOnSignals: false,
      debounce: options.storeDebounceMs ?? 500,
      maxDebounce: 5_000,
      extensions,
      yDocOptions: { gc: true, gcFilter: () => true },
    },
    { maxPayload },
  )
  await server.listen()
  const port = server.address.port
  files = new DocumentFiles(options.dataDir, safeNodeId(options.nodeId ?? `${hostname()}-${port}`))
  const url = `ws://${host.includes(':') ? `[${host}]` : host}:${port}`

  let stopping: Promise<void> | null = null
  return {
    url,
    port,
    stop() {
      // destroy() closes every connection; closing the last one of a document stores it at once.
      stopping ??= (async () => {
        const t0 = Date.now()
        // Keep-alive HTTP sockets (a /health check) would hold the process open for seconds.
        server.httpServer.closeIdleConnections()
        await server.destroy()
        // Hocuspocus closes each document's connection but leaves the sockets open; end them,
        // so clients see the server gone (and reconnect to the next one) as when the process exits.
        for (const socket of server.webSocketServer.clients) socket.terminate()
        server.httpServer.closeAllConnections()
        // ws's close() leaves upgraded sockets open: end them, so every client sees the server go
        // (and says "offline") as it would when the process exits.
        for (const client of server.webSocketServer.clients) client.terminate()
        tokens.close()
        log(`stopped in ${Date.now() - t0} ms`)
      })()
      return stopping
    },
  }
}

function redisConfiguration(url: string) {
  const parsed = new URL(url)
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new Error(`--redis must be a redis:// URL, not ${parsed.protocol}`)
  return {
    host: parsed.hostname || '127.0.0.1',
    port: Number(parsed.port || 6379),
    options: {
      ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
      ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
      ...(parsed.pathname.length > 1 ? { db: Number(parsed.pathname.slice(1)) } : {}),
      ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    },
  }
}

