import { z } from 'zod'
import * as Y from 'yjs'
import { MAX_TARGETS, ROOT, type ChangeEntry } from './schema'

const Short = z.string().max(200)

/** A log entry as a remote peer may send one: checked like the deal (validate.ts). */
export const ChangeEntrySchema = z.strictObject({
  id: z.string().min(1).max(64),
  at: z.string().max(40),
  author: z.strictObject({ name: Short, email: Short }),
  command: z.string().min(1).max(40),
  targets: z.array(z.string().max(200)).max(MAX_TARGETS),
})

/** Every change entry, oldest first: who changed what (for "What changed" and snapshots). */
export function changeLog(doc: Y.Doc): ChangeEntry[] {
  return doc.getArray<ChangeEntry>(ROOT.log).toArray()
}

/**
 * Where the doc stood: its state vector (client → next clock), as Yjs encodes it. A snapshot
 * of a shared deal keeps one, so the log entries made after it are known exactly, whatever
 * the authors' clocks said (docs/collaboration.md, "Snapshots and authors").
 */
export function logMark(doc: Y.Doc): Uint8Array {
  return Y.encodeStateVector(doc)
}

/**
 * The log entries made after `from` and, when `to` is given, at or before it: an entry is in
 * a mark when the mark's clock for its author's client is past the entry's own clock. Order
 * is the log's. A mark that cannot be decoded counts as the empty doc's (everything is after it).
 */
export function changeLogBetween(doc: Y.Doc, from: Uint8Array | null, to: Uint8Array | null): ChangeEntry[] {
  const after = decodeMark(from)
  const upTo = to === null ? null : decodeMark(to)
  const inMark = (mark: Map<number, number>, client: number, clock: number) => clock < (mark.get(client) ?? 0)
  const entries: ChangeEntry[] = []
  // The array's items in order (deleted ones included, skipped): each holds one or more
  // entries, the n-th at clock `id.clock + n`.
  for (let item = doc.getArray<ChangeEntry>(ROOT.log)._start; item !== null; item = item.right) {
    if (item.deleted || !item.countable) continue
    const content = item.content.getContent() as ChangeEntry[]
    content.forEach((entry, n) => {
      const clock = item!.id.clock + n
      if (inMark(after, item!.id.client, clock)) return
      if (upTo && !inMark(upTo, item!.id.client, clock)) return
      entries.push(entry)
    })
  }
  return entries
}

function decodeMark(mark: Uint8Array | null): Map<number, number> {
  if (!mark) return new Map()
  try {
    return Y.decodeStateVector(mark)
  } catch {
    return new Map()
  }
}

/** How far apart two entries of one burst may be (a pause in typing, not a new visit). */
const BURST_GAP_MS = 2 * 60_000

/**
 * The log as "What changed" lists it: a run of entries in a row by one author, of one command
 * on the same targets, each within BURST_GAP_MS of the one before (a note typed key by key,
 * sent as it is typed), is one change, at its last entry's time. The log itself keeps every
 * entry: the server checks each update against its own (docs/collaboration.md, "Authors are
 * checked").
 */
export function foldBursts(entries: readonly ChangeEntry[]): ChangeEntry[] {
  const out: ChangeEntry[] = []
  for (const entry of entries) {
    const last = out[out.length - 1]
    if (last && sameBurst(last, entry)) out[out.length - 1] = entry
    else out.push(entry)
  }
  return out
}

function sameBurst(a: ChangeEntry, b: ChangeEntry): boolean {
  if (a.author.name !== b.author.name || a.author.email !== b.author.email || a.command !== b.command) return false
  if (a.targets.length !== b.targets.length || a.targets.some((t, i) => t !== b.targets[i])) return false
  const gap = Date.parse(b.at) - Date.parse(a.at)
  return Number.isFinite(gap) && gap >= 0 && gap <= BURST_GAP_MS
}
