import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseDealFile, type DealFile } from '@shared/model'

/** Every deals/*.json of a data folder, parsed with the app's own validator. */
export async function readDealFiles(dataDir: string): Promise<Array<{ file: string; result: ReturnType<typeof parseDealFile> }>> {
  const folder = join(dataDir, 'deals')
  if (!existsSync(folder)) return []
  const names = (await readdir(folder)).filter((name) => /^[^.]+\.json$/.test(name)).sort()
  return Promise.all(names.map(async (file) => ({ file, result: parseDealFile(await readFile(join(folder, file), 'utf8')) })))
}

/** The valid deal files on disk (invalid ones are left out; assert on `readDealFiles` for those). */
export async function validDeals(dataDir: string): Promise<DealFile['deal'][]> {
  return (await readDealFiles(dataDir)).flatMap(({ result }) => (result.ok ? [result.value.deal] : []))
}

export async function dealNamesOnDisk(dataDir: string): Promise<string[]> {
  return (await validDeals(dataDir)).map((deal) => deal.name).sort()
}
