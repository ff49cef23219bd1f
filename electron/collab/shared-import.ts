import * as Y from 'yjs'
import { DealProjection, isSeeded, localOrigin, validateDocState, writeDealDiff } from '@shared/collab'
import type { DealFile } from '@shared/model'
import { SharedDealFiles } from './local-files'

/**
 * Who the change list names for a change made by `war-room import` on a deal shared before
 * the share record kept a name. Otherwise the import is signed with the name the server knows
 * this laptop's token by, since the server refuses changes in anyone else's name
 * (docs/collaboration.md, "Authors are checked").
 */
const IMPORT_AUTHOR = { name: 'war-room import', email: '' }

/**
 * `import --replace` of a shared deal (#16 "Headless sync"): the imported file is written into
 * the deal's local doc as field-level edits against what the doc holds now, so the next sync
 * sends only what changed and a colleague's concurrent edits to other fields survive. Returns
 * the targets that changed, or null when the deal is not shared here.
 */
export async function recordImportInSharedDeal(dataDir: string, after: DealFile, at = new Date()): Promise<string[] | null> {
  const files = new SharedDealFiles(dataDir, after.deal.id)
  const share = await files.readShare()
  if (!share) return null
  const log = await files.readLog()
  const doc = new Y.Doc()
  try {
    if (log) Y.applyUpdate(doc, log)
    if (!isSeeded(doc)) throw new Error('The shared deal has not been synced yet: run war-room sync first, then import')
    const before = new DealProjection(doc).file()
    const targets = writeDealDiff(doc, before, after, { origin: localOrigin('war-room-import'), author: share.signedAs ?? IMPORT_AUTHOR, at: at.toISOString(), command: 'replace' })
    const valid = validateDocState(doc)
    if (!valid.ok) throw new Error(`The import would make the shared deal invalid (${valid.message}); the shared deal was not changed`)
    await files.writeLog(Y.encodeStateAsUpdate(doc))
    return targets
  } finally {
    doc.destroy()
  }
}
