import * as Y from 'yjs'
import { validateDocState } from '@shared/collab'
import type { SharedDealFiles } from './local-files'

/** Loading the log is neither the user's change nor a colleague's. */
export const LOAD_ORIGIN = { kind: 'load' } as const

/**
 * This laptop's update log `deals/<stem>.ydoc` into the live doc (docs/collaboration.md, "The
 * client engine"). A log that holds an invalid deal throws, and the file is left as it is.
 */
export async function loadLog(files: SharedDealFiles, doc: Y.Doc): Promise<void> {
  const log = await files.readLog()
  if (!log) return
  Y.applyUpdate(doc, log, LOAD_ORIGIN)
  const valid = validateDocState(doc)
  if (!valid.ok) throw new Error(`${files.logPath} holds an invalid deal (${valid.message}); it was left as it is`)
}
