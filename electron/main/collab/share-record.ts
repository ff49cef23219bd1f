import { join } from 'node:path'
import { z } from 'zod'
import { fileStemOfId } from '@shared/file-names'
import { errnoCode, type DurableFs } from '../store/durable-fs'
import { withWriteSlot, writeSerialized } from '../store/serial-writer'

/**
 * `deals/<stem>.share.json`: that a deal is shared, where, and as whom (COLLAB-CONTRACT,
 * docs/collaboration-app.md). Readable JSON, no secret in it: the token is in the vault.
 */
export const ShareRecordSchema = z.object({
  serverUrl: z.string().max(2000),
  documentName: z.string().max(200),
  sharedAt: z.string().max(40),
  role: z.enum(['editor', 'viewer']),
  /** Who this laptop says it is in the team's presence (the name and email typed when sharing). */
  user: z.object({ name: z.string().max(200), email: z.string().max(320) }).optional(),
})
export type ShareRecord = z.infer<typeof ShareRecordSchema>

export const shareRecordPath = (dataDir: string, dealId: string): string => join(dataDir, 'deals', `${fileStemOfId(dealId)}.share.json`)

export async function readShareRecord(fs: DurableFs, dataDir: string, dealId: string): Promise<ShareRecord | null> {
  let text: string
  try {
    text = new TextDecoder().decode(await fs.readFile(shareRecordPath(dataDir, dealId)))
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null
    throw error
  }
  try {
    const parsed = ShareRecordSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null // damaged: the deal opens as a private deal and can be shared again
  }
}

export async function writeShareRecord(fs: DurableFs, dataDir: string, dealId: string, record: ShareRecord): Promise<void> {
  await fs.mkdir(join(dataDir, 'deals'), { recursive: true })
  await writeSerialized(fs, shareRecordPath(dataDir, dealId), `${JSON.stringify(record, null, 2)}\n`)
}

export async function removeShareRecord(fs: DurableFs, dataDir: string, dealId: string): Promise<void> {
  await withWriteSlot(fs, shareRecordPath(dataDir, dealId), (slot) => slot.remove())
}
