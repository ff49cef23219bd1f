import { cp, mkdir, open, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { runCli } from '../../../electron/cli/run'
import type { CliFs } from '../../../electron/cli/cli-fs'
import { toDealFile } from '@shared/model'
import { aWorkspace } from '../../fixtures/builders'
import { chineseDeal } from '../deck/chinese-deal'

export const FILES = join(import.meta.dirname, '../../fixtures/files')
export const VALID = join(FILES, 'valid-deal.warroom.json')
export const TODAY = '2026-03-12'

/** Runs `war-room …` in process, capturing what it prints; `fs` replaces the disk. */
export async function cli(argv: string[], fs?: CliFs) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), fs })
  return { code, stdout, stderr }
}

/** A file of `bytes` size without writing the bytes (sparse), for size caps. */
export async function sparseFile(path: string, bytes: number): Promise<string> {
  const handle = await open(path, 'w')
  await handle.truncate(bytes)
  await handle.close()
  return path
}

/** A data folder like the app's, with one deal; returns the deal id. */
export async function dataFolder(dir: string): Promise<string> {
  const { deal, roster } = chineseDeal()
  await mkdir(join(dir, 'deals'), { recursive: true })
  await writeFile(join(dir, 'workspace.json'), JSON.stringify(aWorkspace(roster, [deal], { language: 'en' })))
  await writeFile(join(dir, 'deals', `${deal.id}.json`), JSON.stringify(toDealFile(deal, roster)))
  return deal.id
}

/** A copy of the valid deal file in `dir` named `name`. */
export async function dealCopy(dir: string, name: string): Promise<string> {
  const path = join(dir, name)
  await cp(VALID, path)
  return path
}
