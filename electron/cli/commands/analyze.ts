import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  CLOSED_STAGES, isRealDate, issuesOf, parseDealFile, WorkspaceSchema,
  type Deal, type DealFile, type FileIssue, type Seller, type Settings,
} from '@shared/model'
import {
  analyzeDeal, dealReportJson, formatDealReport, validateAgainstToday, type DealReportJson,
} from '@shared/analysis'

/**
 * `war-room analyze FILE [--json] [--today YYYY-MM-DD]`
 * `war-room analyze --data DIR [--deal ID] [--json] [--today YYYY-MM-DD]`
 *
 * Exit codes: 0 the analysis ran (whatever the verdict); 1 the input could not be read or
 * was refused (not a deal file, invalid, dates after today, no such deal); 2 bad usage.
 */
export interface CliIo {
  stdout(s: string): void
  stderr(s: string): void
}

export const ANALYZE_USAGE = `Usage:
  war-room analyze FILE [--json] [--today YYYY-MM-DD]
  war-room analyze --data DIR [--deal ID] [--json] [--today YYYY-MM-DD]

Checks a deal's team (control, support, attack), relationships, account coverage and map
status. FILE is a deal file (.warroom.json); DIR is the app's data folder.
  --json      print JSON instead of a readable report
  --today     analyse as of this date (default: today), for reproducible output
  --deal ID   with --data, analyse only this deal
`

interface Options {
  file?: string
  dataDir?: string
  dealId?: string
  json: boolean
  today: string
}

class UsageError extends Error {}
class InputError extends Error {
  constructor(message: string, readonly issues: FileIssue[] = []) {
    super(message)
  }
}

interface Loaded {
  deal: Deal
  roster: readonly Seller[]
}

export async function analyzeCommand(argv: string[], io: CliIo, clockToday: () => string = localToday): Promise<number> {
  let options: Options
  try {
    options = parseArgs(argv, clockToday)
  } catch (e) {
    if (!(e instanceof UsageError)) throw e
    if (!e.message) {
      io.stdout(ANALYZE_USAGE)
      return 0
    }
    io.stderr(`${e.message}\n\n${ANALYZE_USAGE}`)
    return 2
  }
  try {
    const { targets, openDeals, settings } = options.file
      ? await loadFile(options.file, options.today)
      : await loadDataDir(options.dataDir!, options.dealId, options.today, io)
    const reports: DealReportJson[] = []
    const texts: string[] = []
    for (const { deal, roster } of targets) {
      const analysis = analyzeDeal(deal, roster, openDeals, options.today, settings)
      if (options.json) reports.push(dealReportJson(deal, analysis))
      else texts.push(formatDealReport(deal, analysis, roster, options.today))
    }
    if (options.json) io.stdout(JSON.stringify({ deals: reports }, null, 2) + '\n')
    else io.stdout(texts.length ? texts.join('\n') : 'No deals to analyse.\n')
    return 0
  } catch (e) {
    if (!(e instanceof InputError)) throw e
    io.stderr(`${e.message}\n`)
    for (const issue of e.issues) io.stderr(`  ${issue.path}: ${issue.message}\n`)
    return 1
  }
}

function parseArgs(argv: readonly string[], clockToday: () => string): Options {
  const options: Partial<Options> & { json: boolean } = { json: false }
  const positional: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined]
    const value = () => {
      const v = inline ?? argv[++i]
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`)
      return v
    }
    switch (flag) {
      case '--json': options.json = true; break
      case '--today': options.today = value(); break
      case '--data': options.dataDir = value(); break
      case '--deal': options.dealId = value(); break
      case '--help': case '-h': throw new UsageError('')
      default:
        if (flag.startsWith('-')) throw new UsageError(`Unknown option ${flag}`)
        positional.push(flag)
    }
  }
  if (positional.length > 1) throw new UsageError('Give one deal file at a time')
  if (positional.length === 1 && options.dataDir) throw new UsageError('Give either a deal FILE or --data DIR, not both')
  if (positional.length === 0 && !options.dataDir) throw new UsageError('Give a deal FILE or --data DIR')
  if (options.dealId && !options.dataDir) throw new UsageError('--deal works with --data')
  if (options.today !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(options.today) || !isRealDate(options.today))) {
    throw new UsageError(`--today must be a real date like 2026-03-12, not "${options.today}"`)
  }
  return { ...options, file: positional[0], today: options.today ?? clockToday() }
}

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const reason = code === 'ENOENT' ? 'it does not exist' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (e as Error).message
    throw new InputError(`Cannot read ${what} ${path}: ${reason}`)
  }
}

/** Parses and date-checks one deal file; refuses it with located issues. */
function acceptDealFile(text: string, label: string, today: string): DealFile {
  const parsed = parseDealFile(text)
  if (!parsed.ok) throw new InputError(`${label}: ${parsed.message}`, parsed.issues)
  const dated = validateAgainstToday(parsed.value, today)
  if (dated.length > 0) throw new InputError(`${label}: ${dated.length} date${dated.length === 1 ? ' is' : 's are'} after ${today}`, dated)
  return parsed.value
}

async function loadFile(path: string, today: string) {
  const file = acceptDealFile(await readText(path, 'the deal file'), path, today)
  return { targets: [{ deal: file.deal, roster: file.roster }] as Loaded[], openDeals: [] as Deal[], settings: undefined }
}

async function loadDataDir(dir: string, dealId: string | undefined, today: string, io: CliIo) {
  const workspacePath = join(dir, 'workspace.json')
  let raw: unknown
  try {
    raw = JSON.parse(await readText(workspacePath, 'the workspace file'))
  } catch (e) {
    if (e instanceof InputError) throw e
    throw new InputError(`${workspacePath} is not valid JSON: ${(e as Error).message}`)
  }
  const workspace = WorkspaceSchema.safeParse(raw)
  if (!workspace.success) throw new InputError(`${workspacePath} is not a valid workspace file`, issuesOf(workspace.error))

  const dealsDir = join(dir, 'deals')
  let names: string[] = []
  try {
    names = (await readdir(dealsDir)).filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort()
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new InputError(`Cannot list ${dealsDir}: ${(e as Error).message}`)
  }
  const deals: Deal[] = []
  for (const name of names) {
    const path = join(dealsDir, name)
    try {
      deals.push(acceptDealFile(await readText(path, 'the deal file'), path, today).deal)
    } catch (e) {
      if (!(e instanceof InputError)) throw e
      // One damaged deal must not hide the others; it is named on stderr.
      io.stderr(`Skipped ${e.message}\n`)
      for (const issue of e.issues.slice(0, 5)) io.stderr(`  ${issue.path}: ${issue.message}\n`)
    }
  }
  const chosen = dealId ? deals.filter((d) => d.id === dealId) : deals
  if (dealId && chosen.length === 0) throw new InputError(`No readable deal with id "${dealId}" in ${dealsDir}`)
  const roster = workspace.data.roster
  const settings: Pick<Settings, 'maxOpenDealsPerSeller' | 'cadenceDays'> = workspace.data.settings
  return {
    targets: chosen.map((deal) => ({ deal, roster })),
    openDeals: deals.filter((d) => !CLOSED_STAGES.includes(d.stage)),
    settings,
  }
}

/** The machine's local calendar date: "today" as the user sees it. */
function localToday(): string {
  const now = new Date()
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
}
