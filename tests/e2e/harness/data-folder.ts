import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_SETTINGS, WORKSPACE_FORMAT, WORKSPACE_VERSION, type DealFile } from '@shared/model'
import { indexEntryOf } from '../../../electron/main/handlers/workspace-setup'
import { openStores } from '../../../electron/main/store'

/** A user-data folder holding these deals and a workspace that lists them, as the app saves them. */
export async function dataFolderWith(files: readonly DealFile[], prefix = 'war-room-e2e-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  const stores = openStores(dir)
  for (const file of files) await stores.deals.save(stores.deals.checkFile(file))
  const roster = [...new Map(files.flatMap((f) => f.roster).map((s) => [s.id, s])).values()]
  await stores.workspace.save({
    format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION, settings: DEFAULT_SETTINGS,
    roster, deals: files.map((f) => indexEntryOf(f.deal)), recentDealIds: files.map((f) => f.deal.id),
  })
  return dir
}
