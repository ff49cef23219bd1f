import * as Y from 'yjs'
import { sampleWorkspace } from '@shared/sample-deal'
import { toDealFile, type DealFile, type Seller } from '@shared/model'
import { applyCommandsToDoc, DealProjection, localOrigin, seedDoc, type ChangeAuthor } from '@shared/collab'
import type { DealCommand } from '@shared/commands'

export const TODAY = '2026-12-02'
export const AT = '2026-12-02T04:00:00.000Z'

export function sampleFile(): DealFile {
  const { deal, roster } = sampleWorkspace(TODAY)
  return toDealFile(deal, roster)
}
export const workspaceSellers = (): Seller[] => sampleWorkspace(TODAY).roster

/** One colleague's client: a doc, its projection, its origin and author. */
export interface Client {
  doc: Y.Doc
  projection: DealProjection
  origin: ReturnType<typeof localOrigin>
  author: ChangeAuthor
  apply(...commands: DealCommand[]): DealFile
}

export function client(name: string, doc = new Y.Doc()): Client {
  const origin = localOrigin(name)
  const author = { name, email: `${name.toLowerCase()}@example.com` }
  const projection = new DealProjection(doc)
  return {
    doc, projection, origin, author,
    apply: (...commands) => applyCommandsToDoc(doc, commands, { origin, author, sellers: workspaceSellers(), at: AT, projection }),
  }
}

/** A seeded doc and `n` clients that start from its state (as if each joined the server once). */
export function team(n: number, file = sampleFile()): Client[] {
  const seed = new Y.Doc()
  seedDoc(seed, file)
  const state = Y.encodeStateAsUpdate(seed)
  return Array.from({ length: n }, (_, i) => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, state, 'server')
    return client(String.fromCharCode(65 + i), doc)
  })
}

/** Exchange every update both ways (as a server would relay them). */
export function sync(...clients: Client[]): void {
  for (const a of clients) for (const b of clients) if (a !== b) Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)), 'remote')
}
