import type * as Y from 'yjs'

/**
 * This laptop's undo of its own edits (docs/collaboration.md, "Undo"): Y.UndoManager tracking
 * the local origin only, one step per edit, except that an edit carrying the same merge key as
 * the one just before it (the page's key for one visit to a field: a note typed in bursts) is
 * folded into that step, as in a private deal.
 */
export class OwnUndo {
  private lastMergeKey: string | null = null
  /** The edit being recorded continues the step before it (the same burst of typing). */
  continuing = false

  constructor(readonly manager: Y.UndoManager) {}

  /** Run `write` (one transaction of ours) as a step of its own or the last one's; whether it began a new step. */
  record(write: () => void, mergeKey?: string): boolean {
    const merge = mergeKey !== undefined && mergeKey === this.lastMergeKey && this.manager.undoStack.length > 0
    // Yjs folds a tracked transaction into the last step within `captureTimeout` of it (and
    // after no undo, which stops capturing); held open for this one edit only.
    this.manager.captureTimeout = merge ? Number.MAX_SAFE_INTEGER : 0
    const before = this.manager.undoStack.length
    this.continuing = merge
    try {
      write()
    } finally {
      this.manager.captureTimeout = 0
      this.continuing = false
    }
    this.lastMergeKey = mergeKey ?? null
    return !merge || this.manager.undoStack.length > before
  }

  undo(): boolean {
    this.lastMergeKey = null
    return this.manager.undo() !== null
  }

  redo(): boolean {
    this.lastMergeKey = null
    return this.manager.redo() !== null
  }

  destroy(): void {
    this.manager.destroy()
  }
}
