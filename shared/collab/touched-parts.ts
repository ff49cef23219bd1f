import * as Y from 'yjs'
import { newLogValues } from './change-targets'
import { ROOT } from './schema'

/**
 * What the transactions on a doc changed since the last `take()`, by the top-level key of
 * each root (a person's id, a line's id, a seller's id…): a change anywhere inside a person
 * (a contact, an action's flag) names that person. Read from each transaction's `changed`
 * map, which Yjs fills for every type whose content or keys changed, deletions included; a
 * type made in the same transaction is named by the key its parent gained. The log's new
 * entries are collected by value (its only change a check must see: the old ones were seen).
 */
export interface Touched {
  /** Root name → its top-level keys that changed (set, deleted or changed inside). */
  keys: Map<string, Set<string>>
  /** Roots whose own entries (not only what is inside them) were set or deleted. */
  entriesOf: Set<string>
  /** Values that became entries of the log root, in no particular order. */
  newLogValues: unknown[]
  /** The log root itself changed (entries added or deleted). */
  logChanged: boolean
}

/** A type as a transaction names it (Yjs types parents with its own event type). */
type YType = Parameters<Y.Transaction['changed']['get']>[0]

const empty = (): Touched => ({ keys: new Map(), entriesOf: new Set(), newLogValues: [], logChanged: false })

export class TouchedParts {
  private touched: Touched = empty()

  constructor(private readonly doc: Y.Doc) {
    doc.on('afterTransaction', this.onTransaction)
  }

  /** What changed since the last call; starts afresh. */
  take(): Touched {
    const taken = this.touched
    this.touched = empty()
    return taken
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.onTransaction)
  }

  private mark(root: string, key: string): void {
    let keys = this.touched.keys.get(root)
    if (!keys) this.touched.keys.set(root, (keys = new Set()))
    keys.add(key)
  }

  private readonly onTransaction = (tr: Y.Transaction): void => {
    for (const [type, subs] of tr.changed) {
      if (type._item === null) {
        const root = Y.findRootTypeKey(type)
        if (root === ROOT.log) {
          this.touched.logChanged = true
          for (const v of newLogValues(tr)) this.touched.newLogValues.push(v)
        }
        for (const sub of subs) if (sub !== null) {
          this.mark(root, sub)
          this.touched.entriesOf.add(root)
        }
        continue
      }
      // Up to the root: the last key on the way is the root's entry this change is inside.
      let top: string | null = null
      let t: YType = type
      while (t._item !== null) {
        top = t._item.parentSub
        t = t._item.parent as YType
      }
      // null: inside list items of a root (a map root holding them is refused by its shape check).
      const root = Y.findRootTypeKey(t)
      if (top !== null) this.mark(root, top)
      else if (root === ROOT.log) this.touched.logChanged = true
    }
  }
}
