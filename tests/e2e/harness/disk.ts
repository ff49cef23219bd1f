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

/** The deal called `name` as it is on disk now, if its file is valid. */
export async function dealNamed(dataDir: string, name: string): Promise<DealFile['deal'] | undefined> {
  for (const { result } of await readDealFiles(dataDir)) if (result.ok && result.value.deal.name === name) return result.value.deal
  return undefined
}

/** "name → manager" for everyone in the deal ("-" at the top), sorted: the org as spoken. */
export function reportingLines(deal: DealFile['deal'] | undefined): string[] {
  if (!deal) return []
  const name = (id: string) => deal.stakeholders.find((s) => s.id === id)?.name ?? '?'
  return deal.stakeholders.map((s) => {
    const up = deal.links.find((l) => l.kind === 'reports-to' && l.from === s.id)
    return `${s.name} → ${up ? name(up.to) : '-'}`
  }).sort()
}
