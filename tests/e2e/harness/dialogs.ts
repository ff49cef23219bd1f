import { join } from 'node:path'
import type { Dialogs, SaveKind } from '../../../electron/main/handlers'

/** Stand-ins for the native dialogs: "save as" writes into `saveDir`; "open" answers what a spec queued. */
export interface TestDialogs extends Dialogs {
  /** Paths the next "open" dialogs answer with, in order (null = the user cancels). */
  readonly openQueue: Array<string | null>
  /** Every "save as" asked for, in order. */
  readonly saved: Array<{ suggestedName: string; kind: SaveKind; path: string }>
}

export function testDialogs(saveDir: string): TestDialogs {
  const openQueue: Array<string | null> = []
  const saved: TestDialogs['saved'] = []
  return {
    openQueue,
    saved,
    async saveFile(suggestedName, kind) {
      const path = join(saveDir, suggestedName.replace(/[\\/]/g, '_'))
      saved.push({ suggestedName, kind, path })
      return path
    },
    async openFile() {
      return openQueue.length ? (openQueue.shift() ?? null) : null
    },
  }
}
