import * as Y from 'yjs'
import { validateDocState } from '@shared/collab'
import type { SharedDealFiles } from './local-files'

/** Loading the log is neither the user's change nor a colleague's. */
export const LOAD_ORIGIN = { kind: 'load' } as const

/** The update log cannot be read as a deal: trying again cannot help (the top bar says `log-damaged`). */
export class LogDamaged extends Error {
  readonly code = 'log-damaged'
}

/**
 * This laptop's update log `deals/<stem>.ydoc` into the live doc (docs/collaboration.md, "The
 * client engine"). A log that is no Yjs update (cut short, garbage: Yjs refuses every cut) or
 * holds an invalid deal throws `LogDamaged`, and the file is left as it is.
 */
export async function loadLog(files: SharedDealFiles, doc: Y.Doc): Promise<void> {
  const log = await files.readLog()
  if (!log) return
  try {
    Y.applyUpdate(doc, log, LOAD_ORIGIN)
  } catch (error) {
    throw new LogDamaged(`${files.logPath} is not an update log (${(error as Error)?.message}); it was left as it is`)
  }
  const valid = validateDocState(doc)
  if (!valid.ok) throw new LogDamaged(`${files.logPath} holds an invalid deal (${valid.message}); it was left as it is`)
}
