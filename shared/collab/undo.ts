import * as Y from 'yjs'
import { changedTargets } from './change-targets'
import { rootsOf, type ChangeAuthor } from './schema'
import { appendLog, logEntries } from './write-diff'

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
        const older = s.origin !== null && Y.isDeleted(item.deletions, s.origin) && replacedOlderValue(doc, item, s.origin)
        if (!older && !writtenConcurrently(doc, item, s)) continue
        out.push({ map: s.parent as Y.Map<unknown>, key: s.parentSub, value: s.content.getContent()[0] })
      }
    }
  })
  return out
}

/**
 * Whether the value an item replaced goes back to one from before the step. Two commands of
 * one batch may write one key (a line added, then moved by a merge): the second value
 * replaced the first, which the step wrote itself; follow that back. A key the step created
 * has no older value, so the undo rightly leaves it empty, unless a colleague wrote it at the
 * same time (writtenConcurrently).
 */
function replacedOlderValue(doc: Y.Doc, item: StackItem, origin: Y.ID): boolean {
  const id = baseOf(doc, item, origin)
  return id !== null && Y.isDeleted(item.deletions, id)
}

/** The value `id` replaced once the step's own writes are followed back: one from before the step, or null (the key was new). */
function baseOf(doc: Y.Doc, item: StackItem, id: Y.ID | null): Y.ID | null {
  while (id !== null && Y.isDeleted(item.insertions, id)) {
    const replaced = Y.getItem(doc.store, id)
    id = replaced instanceof Y.Item ? replaced.origin : null
  }
  return id
}

/**
 * Whether a colleague wrote the key of `s` at the same time: a value of another client that
 * replaced the same value ours did (a sibling: same origin), so neither saw the other. Yjs keeps
 * one and deletes the other; an undo of ours then restores nothing of theirs, and a key neither
 * had before (an email, a competitor) would end up empty. Siblings sit right of the value they
 * replaced, so the walk left stops there.
 */
function writtenConcurrently(doc: Y.Doc, item: StackItem, s: Y.Item): boolean {
  const base = baseOf(doc, item, s.origin)
  for (let l = s.left; l !== null; l = l.left) {
    if (base !== null && Y.compareIDs(l.id, base)) return false
    if (l.id.client !== s.id.client && !Y.isDeleted(item.insertions, l.id) && Y.compareIDs(baseOf(doc, item, l.origin), base)) return true
  }
  return false
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
  constructor(scope: ConstructorParameters<typeof Y.UndoManager>[0], options: ConstructorParameters<typeof Y.UndoManager>[1], private readonly signing: UndoSigning | null) {
    super(scope, options)
  }
  override undo(): ReturnType<Y.UndoManager['undo']> {
    return this.keepingContested(this.undoStack, () => this.logged('undo', () => super.undo()))
  }
  override redo(): ReturnType<Y.UndoManager['redo']> {
    return this.keepingContested(this.redoStack, () => this.logged('redo', () => super.redo()))
  }

  /**
   * An undo or redo is an edit like any other: the server refuses a change no log entry of
   * its update names (docs/collaboration.md, "Authors are checked"). So it runs inside a
   * transaction of ours, with this manager as origin as Yjs's own would, and the entry naming
   * what it changed (read off the transaction, as the server reads it) goes into the same
   * transaction. Yjs reads `undoing`/`redoing` when the transaction ends, after its own
   * `undo()` has reset them: they are held until then, so the step lands on the other stack.
   */
  private logged<T>(command: 'undo' | 'redo', run: () => T): T {
    const signing = this.signing
    if (!signing) return run()
    const flag = command === 'undo' ? 'undoing' : 'redoing'
    let result!: T
    try {
      this.doc.transact((tr) => {
        result = run()
        this[flag] = true
        const targets = [...changedTargets(tr)]
        if (targets.length > 0) appendLog(rootsOf(this.doc), logEntries(targets, { author: signing.author, at: signing.now().toISOString(), command }))
      }, this)
    } finally {
      this[flag] = false
    }
    return result
  }

  private keepingContested<T>(stack: Array<StackItem>, run: () => T): T {
    const watched = contestedValues(this.doc, stack[stack.length - 1])
    const result = run()
    const lost = watched.filter(({ map, key }) => !(map._item?.deleted ?? false) && !map.has(key))
    if (lost.length > 0) {
      this.doc.transact((tr) => {
        lost.forEach(({ map, key, value }) => map.set(key, value))
        // The repair is this user's write too, and logged as such (same rule as above).
        const signing = this.signing
        const targets = [...changedTargets(tr)]
        if (signing && targets.length > 0) appendLog(rootsOf(this.doc), logEntries(targets, { author: signing.author, at: signing.now().toISOString(), command: 'undo' }))
      }, CONTESTED_ORIGIN)
    }
    return result
  }
}

/** Who signs the undo and redo entries, and the clock for their time. */
export interface UndoSigning {
  author: ChangeAuthor
  now: () => Date
}

/**
 * `signing`: the entries an undo or redo writes (the app always gives it; without it, as in
 * tests of undo alone, undo writes no entry and a server would refuse it).
 */
export function createUserUndo(doc: Y.Doc, origin: unknown, options: { captureTimeout?: number; signing?: UndoSigning } = {}): Y.UndoManager {
  const { meta, people, links, team, sellers } = rootsOf(doc)
  return new UserUndo([meta, people, links, team, sellers], {
    trackedOrigins: new Set([origin]),
    captureTimeout: options.captureTimeout ?? 0,
  }, options.signing ?? null)
}
