import * as Y from 'yjs'
import { ROOT, type ChangeAuthor } from '@shared/collab'

/** Who a connection's token names (tokens.ts): the one author its new log entries may claim. */
export interface ConnectionIdentity {
  name: string
  email: string
}

/** The author as compared: the name exactly (it is what "What changed" shows), the email in any case. */
export const authorKey = (author: ChangeAuthor): string => `${author.name}\u0000${author.email.trim().toLowerCase()}`

/** Yjs client id → author key: who writes a document's log entries under each client id (one laptop's session). */
export type ClientAuthors = Map<number, string>

/**
 * A document's bindings: who writes under each client id, and how far (the clock just past the
 * last entry that author delivered under it, the "mark"). Entries below a client id's mark were
 * delivered once by their author: anyone may give them back (the server lost them in a crash
 * before storing its document), and only those.
 */
export interface Bindings {
  clients: ClientAuthors
  marks: Map<number, number>
}

/** What an update would add: bindings (with the clock of the entry that makes each) and marks. */
export interface NewBindings {
  clients: Map<number, { key: string; clock: number }>
  marks: Map<number, number>
}

/** Where the book keeps a document's bindings: read at load, written (durably) when they change. */
export interface BindingStore {
  read(dealId: string): Promise<Bindings>
  write(dealId: string, bindings: Bindings): Promise<void>
}

/**
 * "What changed, and who" and snapshots name the author a log entry claims, so the server
 * checks every claim (docs/collaboration.md, "Authors are checked"). The first entries a Yjs
 * client id delivers bind it to the identity of the connection that delivered them. A new
 * entry (one the document does not have yet) must claim the identity of the connection that
 * sends it, under a client id bound to that identity or to nobody yet; or, from anyone, claim
 * the client id's own author below its mark: an entry that author delivered before. Entries the
 * document already has are dropped by Yjs and not judged. So nobody can write an entry in
 * someone else's name, under a new client id or an old one. The bindings are kept durably
 * beside the documents, so a restart keeps them, and every node reads all nodes'.
 */
export class AuthorBook {
  private readonly byDeal = new Map<string, Bindings>()

  constructor(private readonly store: BindingStore) {}

  /** Read a deal's bindings when its document is loaded (those its log shows are read when first needed). */
  async load(dealId: string): Promise<void> {
    this.byDeal.set(dealId, await this.store.read(dealId))
  }

  /**
   * Check `update`'s log entries against the bindings, synchronously (the state check and the
   * apply that follow must run in the same tick). `added` when every claim holds: what
   * `record` keeps once the update is applied. Nothing is bound here, so an update the state
   * check then refuses binds nobody.
   */
  check(dealId: string, doc: Y.Doc, update: Uint8Array, identity: ConnectionIdentity): { forged: ChangeAuthor } | { added: NewBindings } {
    const { clients: known, marks } = this.byDeal.get(dealId) ?? this.adopt(dealId, doc)
    const own = authorKey(identity)
    const added: NewBindings = { clients: new Map(), marks: new Map() }
    let fromLog: ClientAuthors | undefined
    for (const struct of Y.decodeUpdate(update).structs) {
      if (!(struct instanceof Y.Item)) continue
      const client = struct.id.client
      // What the doc already has of this client id Yjs drops unread: a re-send, whoever sends it.
      const has = Y.getState(doc.store, client)
      // Every content the log reads as values (ContentAny, and the older ContentJSON and
      // ContentEmbed too): an entry carried in any of them is an entry.
      const values: unknown[] = struct.content.getContent()
      for (let n = Math.max(0, has - struct.id.clock); n < values.length; n++) {
        const claimed = entryAuthor(values[n])
        if (!claimed) continue
        const clock = struct.id.clock + n
        // A client id whose entries reached this node another way (another node, through Redis) is bound by them.
        const bound = known.get(client) ?? added.clients.get(client)?.key ?? (fromLog ??= logBindings(doc)).get(client)
        const claim = authorKey(claimed)
        if (claim === own && (bound === undefined || bound === own)) {
          if (bound === undefined) added.clients.set(client, { key: own, clock })
          added.marks.set(client, Math.max(added.marks.get(client) ?? 0, clock + 1))
          continue
        }
        // Anyone reads a colleague's client id in the log and could write at its next clock, so
        // a claim of the client id's own author is a re-send only below what that author delivered.
        if (claim === bound && clock < (marks.get(client) ?? 0)) continue
        return { forged: claimed }
      }
    }
    return { added }
  }

  /**
   * Keep the new bindings and marks, durably, once the update they came with was applied,
   * before it is acknowledged (a mark lost in a crash would refuse a colleague's re-send).
   * Only an entry the doc now holds counts: one that waits for clocks never sent (a pending
   * struct) would otherwise take a client id a colleague's session has (awareness shows it)
   * before they write, and refuse all their entries. Its claim was checked; if it is ever
   * placed, the log shows who wrote it.
   */
  async record(dealId: string, doc: Y.Doc, added: NewBindings): Promise<void> {
    const book = this.byDeal.get(dealId) ?? this.adopt(dealId, doc)
    let changed = false
    for (const [client, { key, clock }] of added.clients) {
      if (book.clients.has(client) || Y.getState(doc.store, client) <= clock) continue
      book.clients.set(client, key)
      changed = true
    }
    for (const [client, mark] of added.marks) {
      const placed = Math.min(mark, Y.getState(doc.store, client))
      if (placed <= (book.marks.get(client) ?? 0)) continue
      book.marks.set(client, placed)
      changed = true
    }
    if (changed) await this.store.write(dealId, book)
  }

  private adopt(dealId: string, doc: Y.Doc): Bindings {
    const book = { clients: logBindings(doc), marks: new Map<number, number>() }
    this.byDeal.set(dealId, book)
    return book
  }
}

function entryAuthor(value: unknown): ChangeAuthor | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  const v = value as Record<string, unknown>
  // Only a log entry has these three; whether it sits in the log is the state check's business.
  if (!('author' in v && 'command' in v && 'targets' in v)) return null
  const author = v.author as Partial<ChangeAuthor> | null
  // A malformed author is the state check's to refuse; here it claims nobody's name.
  return { name: typeof author?.name === 'string' ? author.name : '', email: typeof author?.email === 'string' ? author.email : '' }
}

/** The author each client id wrote the document's log entries as (the first one seen). */
function logBindings(doc: Y.Doc): ClientAuthors {
  const known: ClientAuthors = new Map()
  for (let item = doc.getArray(ROOT.log)._start; item !== null; item = item.right) {
    if (known.has(item.id.client)) continue
    const first = entryAuthor(item.content.getContent()[0])
    if (first) known.set(item.id.client, authorKey(first))
  }
  return known
}
