import { join } from 'node:path'
import { fileStemOfId } from '@shared/file-names'
import type { DurableFs } from '../store/durable-fs'
import { withWriteSlot } from '../store/serial-writer'

/** `deals/<stem>.ydoc`: the compacted Y update log the sync engine keeps beside the deal (COLLAB-CONTRACT). */
export const updateLogPath = (dataDir: string, dealId: string): string => join(dataDir, 'deals', `${fileStemOfId(dealId)}.ydoc`)

/** After leave or unshare: the log belongs to a share that is over (a new share starts from the server's doc). */
export async function removeUpdateLog(fs: DurableFs, dataDir: string, dealId: string): Promise<void> {
  await withWriteSlot(fs, updateLogPath(dataDir, dealId), (slot) => slot.remove())
}
