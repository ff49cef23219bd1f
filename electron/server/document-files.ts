import { join } from 'node:path'
import * as Y from 'yjs'
import { z } from 'zod'
import type { Bindings } from './author-guard'
import { fileStemOfId } from '@shared/file-names'
import { errnoCode, listDir, nodeDurableFs, type DurableFs } from '../main/store/durable-fs'
import { writeSerialized } from '../main/store/serial-writer'

/** Document names the server serves: one Y.Doc per shared deal (docs/collaboration.md). */
export const DOCUMENT_NAME = /^deal\/([A-Za-z0-9_-]{1,64})$/

export function dealIdOfDocument(documentName: string): string | null {
  return DOCUMENT_NAME.exec(documentName)?.[1] ?? null
}

/** The largest stored document state: far above a 1,000-person deal (a few MB), below memory trouble. */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024

/**
 * The server's persistence: each deal's document state in `DIR/docs/<stem>/<node>.ydoc`,
 * written through the app's durable writer (temp file, fsync, rename, fsync of the folder;
 * one write at a time per file).
 *
 * Why a file per server node: with `--redis` several processes serve the same deals over
 * one data folder. Each writes only its own file, so no two processes ever replace the
 * same file; loading merges every node's file (`Y.mergeUpdates`), and since each file holds
 * a full state, whatever any node stored is served again. See docs/collaboration.md.
 */
export class DocumentFiles {
  constructor(
    private readonly dataDir: string,
    private readonly nodeId: string,
    private readonly fs: DurableFs = nodeDurableFs,
  ) {}

  private folderOf(dealId: string): string {
    return join(this.dataDir, 'docs', fileStemOfId(dealId))
  }

  /** The merged stored state of a deal's document, or null when no node has stored one. */
  async fetch(dealId: string): Promise<Uint8Array | null> {
    const folder = this.folderOf(dealId)
    const names = (await listDir(this.fs, folder)).filter((n) => n.endsWith('.ydoc') && !n.startsWith('.'))
    const states: Uint8Array[] = []
    for (const name of names) {
      try {
        const bytes = await this.fs.readFile(join(folder, name))
        if (bytes.byteLength > 0) states.push(bytes)
      } catch (error) {
        if (errnoCode(error) !== 'ENOENT') throw error
      }
    }
    if (states.length === 0) return null
    return states.length === 1 ? states[0] : Y.mergeUpdates(states)
  }

  /**
   * Who writes under which Yjs client id, and how far (author-guard.ts), from every node's
   * `<node>.authors.json` (each node writes only its own; marks merge to the furthest). A
   * damaged file binds nobody: entries of those client ids are then bound again by the next
   * connection that sends one (or by the log, for those the document holds).
   */
  async readAuthors(dealId: string): Promise<Bindings> {
    const folder = this.folderOf(dealId)
    const names = (await listDir(this.fs, folder)).filter((n) => n.endsWith(AUTHORS_SUFFIX) && !n.startsWith('.'))
    const all: Bindings = { clients: new Map(), marks: new Map() }
    for (const name of names) {
      const text = await this.fs.readFile(join(folder, name)).then((b) => new TextDecoder().decode(b), () => null)
      const parsed = text === null ? null : AuthorsFileSchema.safeParse(safeJson(text))
      if (!parsed?.success) continue
      for (const [client, key] of Object.entries(parsed.data.clients)) if (!all.clients.has(Number(client))) all.clients.set(Number(client), key)
      for (const [client, mark] of Object.entries(parsed.data.marks ?? {})) all.marks.set(Number(client), Math.max(mark, all.marks.get(Number(client)) ?? 0))
    }
    return all
  }

  async writeAuthors(dealId: string, bindings: Bindings): Promise<void> {
    const record = (map: Map<number, string | number>) => Object.fromEntries([...map].map(([client, value]) => [String(client), value]))
    const file = { format: 'deal-war-room.server-authors', version: 2, clients: record(bindings.clients), marks: record(bindings.marks) }
    await writeSerialized(this.fs, join(this.folderOf(dealId), `${this.nodeId}${AUTHORS_SUFFIX}`), JSON.stringify(file))
  }

  async store(dealId: string, state: Uint8Array): Promise<void> {
    await writeSerialized(this.fs, join(this.folderOf(dealId), `${this.nodeId}.ydoc`), state, { maxBytes: MAX_DOCUMENT_BYTES })
  }
}

const AUTHORS_SUFFIX = '.authors.json'
const ClientId = z.string().regex(/^\d{1,10}$/)
/** Version 2 adds `marks` (client id → clock); a version 1 file binds with no marks. */
const AuthorsFileSchema = z.strictObject({
  format: z.literal('deal-war-room.server-authors'),
  version: z.union([z.literal(1), z.literal(2)]),
  clients: z.record(ClientId, z.string().max(500)),
  marks: z.record(ClientId, z.number().int().nonnegative()).optional(),
})

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

/** A node id safe as a file name: letters, digits, "-" and "_". */
export function safeNodeId(raw: string): string {
  const cleaned = raw.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 64)
  return cleaned || 'node'
}
