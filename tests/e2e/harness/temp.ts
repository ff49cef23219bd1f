import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A throw-away folder per app: `data/` is the user-data folder, `saved/` where "save as" writes. */
export interface TempFolders {
  root: string
  dataDir: string
  saveDir: string
  remove(): Promise<void>
}

export async function makeTempFolders(dataDir?: string): Promise<TempFolders> {
  const root = await mkdtemp(join(tmpdir(), 'war-room-e2e-'))
  const folders = { root, dataDir: dataDir ?? join(root, 'data'), saveDir: join(root, 'saved') }
  await mkdir(folders.dataDir, { recursive: true })
  await mkdir(folders.saveDir, { recursive: true })
  return {
    ...folders,
    // Keep the files for a post-mortem when asked to (E2E_KEEP=1).
    remove: () => (process.env.E2E_KEEP ? Promise.resolve() : rm(root, { recursive: true, force: true })),
  }
}
