/**
 * Undo/redo as a pure value. States are immutable (commands share structure), so the stack
 * keeps whole earlier states cheaply. The capture policy decides what one step is:
 * - 'step'  — this change is its own undo step;
 * - 'merge' — fold into the previous step when it carries the same mergeKey (one drag, one
 *             burst of typing in a field), otherwise start a new step;
 * - 'skip'  — not undoable (e.g. applying what was saved elsewhere).
 */
export type Capture = 'step' | 'merge' | 'skip'

export interface HistoryEntry<T> {
  state: T
  mergeKey?: string
}

export interface History<T> {
  past: HistoryEntry<T>[]
  future: T[]
  limit: number
}

export const DEFAULT_HISTORY_LIMIT = 200

export function emptyHistory<T>(limit = DEFAULT_HISTORY_LIMIT): History<T> {
  return { past: [], future: [], limit }
}

/** Record that `before` became `after`. */
export function record<T>(h: History<T>, before: T, after: T, capture: Capture = 'step', mergeKey?: string): History<T> {
  if (capture === 'skip' || before === after) return h
  const top = h.past[h.past.length - 1]
  if (capture === 'merge' && mergeKey !== undefined && top?.mergeKey === mergeKey) {
    // The step already remembers the state before the burst began.
    return h.future.length === 0 ? h : { ...h, future: [] }
  }
  const entry: HistoryEntry<T> = capture === 'merge' && mergeKey !== undefined ? { state: before, mergeKey } : { state: before }
  const past = [...h.past, entry]
  if (past.length > h.limit) past.splice(0, past.length - h.limit)
  return { ...h, past, future: [] }
}

/** Close the current merge burst so the next change starts a new step even with the same key. */
export function seal<T>(h: History<T>): History<T> {
  const top = h.past[h.past.length - 1]
  if (!top || top.mergeKey === undefined) return h
  return { ...h, past: [...h.past.slice(0, -1), { state: top.state }] }
}

export function canUndo<T>(h: History<T>): boolean {
  return h.past.length > 0
}
export function canRedo<T>(h: History<T>): boolean {
  return h.future.length > 0
}

export function undo<T>(h: History<T>, current: T): { history: History<T>; state: T } | null {
  const top = h.past[h.past.length - 1]
  if (!top) return null
  return { history: { ...h, past: h.past.slice(0, -1), future: [current, ...h.future] }, state: top.state }
}

export function redo<T>(h: History<T>, current: T): { history: History<T>; state: T } | null {
  const [next, ...rest] = h.future
  if (next === undefined) return null
  return { history: { ...h, past: [...h.past, { state: current }], future: rest }, state: next }
}
