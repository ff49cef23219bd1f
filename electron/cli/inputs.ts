import { join } from 'node:path'
import { localIsoDate } from '@shared/analysis'
import { DEAL_FILE_NAME, dealFileCandidates, fileNameOfId } from '@shared/file-names'
import {
  isRealDate, issuesOf, LIMITS, parseDealFile, WorkspaceSchema, type DealFile, type FileIssue, type Workspace,
} from '@shared/model'
import type { CliIo } from './command'
import { nodeCliFs, type CliFs } from './cli-fs'
import { errnoCode } from '../main/store/durable-fs'

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
 * Walks `--flag value`, `--flag=value` and positional words; `--` ends the options.
 * `onFlag` returns true when it took the flag; `value()` reads the flag's value. A word
 * that starts with `--` is the next option, never a value (`--data --json` lacks its
 * folder): only `--data=--json` gives such a value. A flag taken twice is refused rather
 * than letting the last one silently win.
 */
export function readArgs(argv: readonly string[], onFlag: (flag: string, value: () => string) => boolean): string[] {
  for (const word of argv) checkArgument(word)
  const positional: string[] = []
  const taken = new Set<string>()
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') {
      positional.push(...argv.slice(i + 1))
      break
    }
    const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined]
    const value = () => {
      const next = argv[i + 1]
      const v = inline ?? (next === undefined || next.startsWith('--') ? undefined : argv[++i])
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`)
      return v
    }
    if (flag === '--help' || flag === '-h') throw new UsageError('')
    if (taken.has(flag) && flag.startsWith('-')) throw new UsageError(`${flag} is given twice`)
    if (onFlag(flag, value)) {
      taken.add(flag)
      continue
    }
    if (flag.startsWith('-')) throw new UsageError(`Unknown option ${flag}`)
    positional.push(flag)
  }
  return positional
}

/**
 * Arguments name files and folders and are echoed in messages. A control character could
 * rewrite the terminal when echoed (ESC) and NUL cannot be in a path; U+FFFD or a lone
 * surrogate means the name was not valid UTF-8 and Node already replaced its bytes, so the
 * path would name some other file.
 */
export function checkArgument(word: string): void {
  if ([...word].some(isControl)) throw new UsageError(`Argument ${quoted(word)} contains a control character; rename the file or folder`)
  if (/\uFFFD|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(word)) {
    throw new UsageError(`Argument ${quoted(word)} is not valid text (UTF-8); rename the file or folder`)
  }
}

/** C0 and C1 control characters and DEL. */
function isControl(char: string): boolean {
  const code = char.codePointAt(0)!
  return code < 0x20 || (code >= 0x7f && code <= 0x9f)
}

/** A word in double quotes with every control character escaped, safe to print. */
export function quoted(word: string): string {
  return JSON.stringify(word).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

export function checkToday(today: string | undefined): void {
  if (today !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(today) || !isRealDate(today))) {
    throw new UsageError(`--today must be a real date like 2026-03-12, not "${today}"`)
  }
}

/** The machine's local calendar date: "today" as the user sees it. */
export function localToday(): string {
  return localIsoDate(new Date())
}

/** Why a file-system call failed, in words (errno codes are not for users). */
export function fsReason(error: unknown): string {
  switch (errnoCode(error)) {
    case 'ENOENT': return 'it does not exist'
    case 'EISDIR': return 'it is a folder'
    case 'ENOTDIR': return 'a part of the path is not a folder'
    case 'EACCES': case 'EPERM': return 'permission denied'
    case 'ENAMETOOLONG': return 'the name is too long'
    case 'ELOOP': return 'too many symbolic links'
    case 'EROFS': return 'the disk is read-only'
    case 'ENOSPC': return 'the disk is full'
    case 'EDQUOT': return 'the disk quota is used up'
    default: return (error as Error).message
  }
}

export type TextRead = { ok: true; text: string } | { ok: false; reason: string; code?: string }

const MB = 1024 * 1024

/**
 * Read a text file the CLI was pointed at. It is stat'ed first: a folder, a device or pipe
 * (which could block or never end) and a file over the size cap are refused without reading
 * a byte. The cap is the app's own, so the CLI accepts exactly the files the app opens.
 */
export async function readTextFile(path: string, fs: CliFs = nodeCliFs): Promise<TextRead> {
  try {
    const info = await fs.stat(path)
    if (info.isDirectory()) return { ok: false, reason: 'it is a folder', code: 'EISDIR' }
    if (!info.isFile()) return { ok: false, reason: 'it is not a regular file' }
    if (info.size > LIMITS.fileBytes) {
      return { ok: false, reason: `it is ${(info.size / MB).toFixed(info.size % MB ? 1 : 0)} MB; files over ${LIMITS.fileBytes / MB} MB are refused`, code: 'EFBIG' }
    }
    const bytes = await fs.readFile(path)
    return { ok: true, text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') }
  } catch (e) {
    return { ok: false, reason: fsReason(e), code: errnoCode(e) }
  }
}

/**
 * Read a binary file the CLI was pointed at (a PowerPoint template), refused unread when it
 * is no regular file or larger than `maxBytes`.
 */
export async function readBytes(path: string, what: string, maxBytes: number, fs: CliFs = nodeCliFs): Promise<Uint8Array> {
  let info
  try {
    info = await fs.stat(path)
  } catch (e) {
    throw new InputError(`Cannot read ${what} ${path}: ${fsReason(e)}`)
  }
  if (info.isDirectory()) throw new InputError(`Cannot read ${what} ${path}: it is a folder`)
  if (!info.isFile()) throw new InputError(`Cannot read ${what} ${path}: it is not a regular file`)
  if (info.size > maxBytes) throw new InputError(`Cannot read ${what} ${path}: it is ${(info.size / MB).toFixed(1)} MB; files over ${maxBytes / MB} MB are refused`)
  try {
    return await fs.readFile(path)
  } catch (e) {
    throw new InputError(`Cannot read ${what} ${path}: ${fsReason(e)}`)
  }
}

export async function readText(path: string, what: string, fs: CliFs = nodeCliFs): Promise<string> {
  const read = await readTextFile(path, fs)
  if (!read.ok) throw new InputError(`Cannot read ${what} ${path}: ${read.reason}`)
  return read.text
}

/**
 * A data folder must already exist: a command that only reads never makes one, and a
 * missing folder is usually a mistyped path, which "no deals" would hide.
 */
export async function requireDataDir(dir: string, fs: CliFs = nodeCliFs): Promise<void> {
  let info
  try {
    info = await fs.stat(dir)
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') throw new InputError(`No data folder at ${dir}`)
    throw new InputError(`Cannot read the data folder ${dir}: ${fsReason(e)}`)
  }
  if (!info.isDirectory()) throw new InputError(`${dir} is not a folder`)
}

/** Parse a deal file or refuse it with its located issues. */
export function acceptDealFile(text: string, label: string): DealFile {
  const parsed = parseDealFile(text)
  if (!parsed.ok) throw new InputError(`${label}: ${parsed.message}`, parsed.issues)
  return parsed.value
}

/** Read and validate `workspace.json` of a data folder (read-only: no recovery here, the app does that). */
export async function readWorkspace(dir: string, fs: CliFs = nodeCliFs): Promise<Workspace> {
  const path = join(dir, 'workspace.json')
  let raw: unknown
  try {
    raw = JSON.parse(await readText(path, 'the workspace file', fs))
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
export async function dealFilePath(dealsDir: string, id: string, fs: CliFs = nodeCliFs): Promise<string> {
  const present = new Set(await dealFileNames(dealsDir, fs))
  const name = dealFileCandidates(id).find((n) => present.has(n)) ?? fileNameOfId(id)
  return join(dealsDir, name)
}

export async function dealFileNames(dealsDir: string, fs: CliFs = nodeCliFs): Promise<string[]> {
  try {
    return (await fs.readdir(dealsDir)).filter((n) => DEAL_FILE_NAME.test(n)).sort()
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw new InputError(`Cannot list ${dealsDir}: ${(e as Error).message}`)
  }
}
