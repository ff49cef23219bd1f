import * as Y from 'yjs'
import { rootsOf } from './schema'

/** The origin of the repair below: nobody's undo step. */
const CONTESTED_ORIGIN = Object.freeze({ kind: 'undo-repair' as const })

type DeleteSet = ReturnType<typeof Y.createDeleteSet>
type StackItem = { insertions: DeleteSet; deletions: DeleteSet }

interface Contested {
  map: Y.Map<unknown>
  key: string
  value: unknown
}

/**
 * The field values an undo (or redo) of `item` would leave with no value at all. Yjs undoes a
 * map field by deleting our value and restoring the one it replaced; when a colleague wrote
 * the same field concurrently, it refuses to restore ("conflicts with a change from another
 * client", yjs Item.js `redoItem`), and if our value was the one showing the field ends up
 * empty: a person without a title, a deal without a name. These are the values to keep.
 */
function contestedValues(doc: Y.Doc, item: StackItem | undefined): Contested[] {
  const out: Contested[] = []
  if (!item) return out
  item.insertions.clients.forEach((ranges: Array<{ clock: number; len: number }>, client: number) => {
    const structs = doc.store.clients.get(client)
    if (!structs) return
    for (const { clock, len } of ranges) {
      for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i].id.clock < clock + len; i++) {
        const s = structs[i]
        if (!(s instanceof Y.Item) || s.deleted || s.parentSub === null || !(s.content instanceof Y.ContentAny)) continue
        if (s.origin === null || !Y.isDeleted(item.deletions, s.origin)) continue
        out.push({ map: s.parent as Y.Map<unknown>, key: s.parentSub, value: s.content.getContent()[0] })
      }
    }
  })
  return out
}

/**
 * Per-user undo (contract, "Origins"): only transactions with this client's local origin are
 * tracked, so undo and redo never touch a colleague's edit. The log is not tracked: an undone
 * edit stays in "What changed". Each transaction is its own step (captureTimeout 0); the app's
 * own merge policy (a drag, a burst of typing) decides what one step is.
 *
 * An undo of a field a colleague changed at the same time keeps the field's current value
 * (docs/collaboration.md, "Undo"), rather than leaving it empty as plain Yjs would.
 */
class UserUndo extends Y.UndoManager {
  override undo(): ReturnType<Y.UndoManager['undo']> {
    return this.keepingContested(this.undoStack, () => super.undo())
  }
  override redo(): ReturnType<Y.UndoManager['redo']> {
    return this.keepingContested(this.redoStack, () => super.redo())
  }
  private keepingContested<T>(stack: Array<StackItem>, run: () => T): T {
    const watched = contestedValues(this.doc, stack[stack.length - 1])
    const result = run()
    const lost = watched.filter(({ map, key }) => !(map._item?.deleted ?? false) && !map.has(key))
    if (lost.length > 0) this.doc.transact(() => lost.forEach(({ map, key, value }) => map.set(key, value)), CONTESTED_ORIGIN)
    return result
  }
}

export function createUserUndo(doc: Y.Doc, origin: unknown, options: { captureTimeout?: number } = {}): Y.UndoManager {
  const { meta, people, links, team, sellers } = rootsOf(doc)
  return new UserUndo([meta, people, links, team, sellers], {
    trackedOrigins: new Set([origin]),
    captureTimeout: options.captureTimeout ?? 0,
  })
}
