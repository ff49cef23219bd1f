import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DEAL_FILE_NAME, dealFileCandidates, fileNameOfId } from '@shared/file-names'
import {
  isRealDate, issuesOf, parseDealFile, WorkspaceSchema, type DealFile, type FileIssue, type Workspace,
} from '@shared/model'
import type { CliIo } from './command'

/** Wrong words on the command line: print the message and the usage, exit 2. An empty message asks for the help text (exit 0). */
export class UsageError extends Error {}

/** Input that cannot be read or is refused: print the message and its located issues, exit 1. */
export class InputError extends Error {
  constructor(message: string, readonly issues: FileIssue[] = []) {
    super(message)
  }
}

/**
 * The shape every command shares: parse the arguments, then run; usage and input errors
 * become the documented exit codes, anything else is a bug and propagates.
 */
export async function runCommand<O>(io: CliIo, usage: string, parse: () => O, body: (options: O) => Promise<number>, maxIssues = Infinity): Promise<number> {
  let options: O
  try {
    options = parse()
  } catch (e) {
    if (!(e instanceof UsageError)) throw e
    if (!e.message) {
      io.stdout(usage)
      return 0
    }
    io.stderr(`${e.message}\n\n${usage}`)
    return 2
  }
  try {
    return await body(options)
  } catch (e) {
    if (!(e instanceof InputError)) throw e
    io.stderr(`${e.message}\n`)
    for (const issue of e.issues.slice(0, maxIssues)) io.stderr(`  ${issue.path}: ${issue.message}\n`)
    return 1
  }
}

/**
 * Walks `--flag value`, `--flag=value` and positional words. `onFlag` returns true when it
 * took the flag; `value()` reads the flag's value.
 */
export function readArgs(argv: readonly string[], onFlag: (flag: string, value: () => string) => boolean): string[] {
  const positional: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined]
    const value = () => {
      const v = inline ?? argv[++i]
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`)
      return v
    }
    if (flag === '--help' || flag === '-h') throw new UsageError('')
    if (onFlag(flag, value)) continue
    if (flag.startsWith('-')) throw new UsageError(`Unknown option ${flag}`)
    positional.push(flag)
  }
  return positional
}

export function checkToday(today: string | undefined): void {
  if (today !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(today) || !isRealDate(today))) {
    throw new UsageError(`--today must be a real date like 2026-03-12, not "${today}"`)
  }
}

/** The machine's local calendar date: "today" as the user sees it. */
export function localToday(): string {
  const now = new Date()
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
}

export async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const reason = code === 'ENOENT' ? 'it does not exist' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (e as Error).message
    throw new InputError(`Cannot read ${what} ${path}: ${reason}`)
  }
}

/** Parse a deal file or refuse it with its located issues. */
export function acceptDealFile(text: string, label: string): DealFile {
  const parsed = parseDealFile(text)
  if (!parsed.ok) throw new InputError(`${label}: ${parsed.message}`, parsed.issues)
  return parsed.value
}

/** Read and validate `workspace.json` of a data folder (read-only: no recovery here, the app does that). */
export async function readWorkspace(dir: string): Promise<Workspace> {
  const path = join(dir, 'workspace.json')
  let raw: unknown
  try {
    raw = JSON.parse(await readText(path, 'the workspace file'))
  } catch (e) {
    if (e instanceof InputError) throw e
    throw new InputError(`${path} is not valid JSON: ${(e as Error).message}`)
  }
  const workspace = WorkspaceSchema.safeParse(raw)
  if (!workspace.success) throw new InputError(`${path} is not a valid workspace file`, issuesOf(workspace.error))
  return workspace.data
}

/** The deal file names in a data folder's `deals/` (none when the folder is missing). */
/** Where `id`'s deal file is in `dealsDir` (see dealFileCandidates); the current name if none exists. */
export async function dealFilePath(dealsDir: string, id: string): Promise<string> {
  const present = new Set(await dealFileNames(dealsDir))
  const name = dealFileCandidates(id).find((n) => present.has(n)) ?? fileNameOfId(id)
  return join(dealsDir, name)
}

export async function dealFileNames(dealsDir: string): Promise<string[]> {
  try {
    return (await readdir(dealsDir)).filter((n) => DEAL_FILE_NAME.test(n)).sort()
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw new InputError(`Cannot list ${dealsDir}: ${(e as Error).message}`)
  }
}
