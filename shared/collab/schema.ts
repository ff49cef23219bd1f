import * as Y from 'yjs'

/**
 * The shared deal's document layout (docs/collaboration.md is its full description, for a
 * client in any language). One Y.Doc per shared deal, named `deal/<dealId>`.
 */
export const ROOT = {
  meta: 'meta',
  people: 'people',
  links: 'links',
  team: 'team',
  sellers: 'sellers',
  log: 'log',
} as const
export const ROOT_NAMES: ReadonlySet<string> = new Set(Object.values(ROOT))

/**
 * A Y.Map has no order across clients, the deal's lists do: every entry of `people`,
 * `links`, `team`, `sellers` and a person's `relationships` carries this key, a number; the
 * list is sorted by it, then by key. A new entry takes the largest number + 1.
 * Keys starting with `$` are never a deal field.
 */
export const ORDER_KEY = '$o'
/** In `meta`: the deal file format version the doc holds; its presence means "seeded". */
export const VERSION_KEY = '$version'

/** A person's fields that are Y types, not plain values (every other field is a plain value). */
export const PERSON_LISTS = {
  /** Y.Array of plain contact objects, append-only (a removal deletes the one element). */
  contacts: 'contacts',
  /** Y.Array of Y.Map (one per action, its fields as plain values), so `done` toggles in place. */
  actions: 'actions',
  /** Y.Map sellerId → order number: a set. */
  ownerIds: 'ownerIds',
  /** Y.Map sellerId → plain relationship object (with `$o`). */
  relationships: 'relationships',
} as const
export const PERSON_LIST_KEYS: ReadonlySet<string> = new Set(Object.values(PERSON_LISTS))

export const documentName = (dealId: string): string => `deal/${dealId}`

/** The origin of every transaction this client makes: one frozen object per client (contract, "Origins"). */
export interface LocalOrigin {
  readonly kind: 'local'
  readonly clientId: string
}
export function localOrigin(clientId: string): LocalOrigin {
  return Object.freeze({ kind: 'local', clientId })
}
/** Seeding is nobody's undo step. */
export const SEED_ORIGIN = Object.freeze({ kind: 'seed' as const })

export interface ChangeAuthor {
  name: string
  email: string
}

/** One entry of the `log` Y.Array: who ran which command on what, when. */
export interface ChangeEntry {
  id: string
  /** ISO timestamp of the author's clock. */
  at: string
  author: ChangeAuthor
  /** The command's type (`set-field`, `merge-people`…), `seed` or `replace` for a whole-file write. */
  command: string
  /**
   * Ids of the people, their fields (`field:<personId>:<field>`, beside the person's id), lines
   * (`link:<id>`), seats (`seat:<sellerId>:<seat>`), sellers (`seller:<id>`) or `deal` it changed.
   */
  targets: string[]
}
/** A log entry names at most this many targets (a replace of a 1,000-person deal is one entry, not a megabyte). */
export const MAX_TARGETS = 100

export interface DealRoots {
  meta: Y.Map<unknown>
  people: Y.Map<Y.Map<unknown>>
  links: Y.Map<Record<string, unknown>>
  team: Y.Map<Record<string, unknown>>
  sellers: Y.Map<Record<string, unknown>>
  log: Y.Array<ChangeEntry>
}

/** A doc's roots, looked up once: once `getMap` has made a root, Yjs keeps that instance for the doc's life. */
const rootsByDoc = new WeakMap<Y.Doc, DealRoots>()

export function rootsOf(doc: Y.Doc): DealRoots {
  let roots = rootsByDoc.get(doc)
  if (!roots) {
    roots = {
      meta: doc.getMap(ROOT.meta),
      people: doc.getMap(ROOT.people),
      links: doc.getMap(ROOT.links),
      team: doc.getMap(ROOT.team),
      sellers: doc.getMap(ROOT.sellers),
      log: doc.getArray(ROOT.log),
    }
    rootsByDoc.set(doc, roots)
  }
  return roots
}

export const seatKey = (sellerId: string, seat: string): string => `${sellerId}:${seat}`
/** The log target of one field of one person. */
export const fieldTarget = (personId: string, field: string): string => `field:${personId}:${field}`

export function isSeeded(doc: Y.Doc): boolean {
  return doc.getMap(ROOT.meta).has(VERSION_KEY)
}
