import { z } from 'zod'
import type * as Y from 'yjs'
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
