import { join } from 'node:path'
import { CLOSED_STAGES, type Deal, type DealFile, type Seller, type Settings } from '@shared/model'
import {
  analysisInputs, analyzeDeal, dealReportJson, resolveSettings, formatDealReport, validateAgainstToday, type DealReportJson,
} from '@shared/analysis'
import type { CliIo } from '../command'
import { nodeCliFs, type CliFs } from '../cli-fs'
import {
  acceptDealFile as acceptParsedDealFile, checkToday, dealFileNames, InputError, localToday, readArgs, readText, readWorkspace, requireDataDir, runCommand, UsageError,
} from '../inputs'

/**
 * `war-room analyze FILE [--json] [--today YYYY-MM-DD]`
 * `war-room analyze --data DIR [--deal ID] [--json] [--today YYYY-MM-DD]`
 *
 * Exit codes: 0 the analysis ran (whatever the verdict); 1 the input could not be read or
 * was refused (not a deal file, invalid, dates after today, no such deal); 2 bad usage.
 */
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

interface Loaded {
  deal: Deal
  roster: readonly Seller[]
}

export async function analyzeCommand(argv: string[], io: CliIo, clockToday: () => string = localToday): Promise<number> {
  const fs = io.fs ?? nodeCliFs
  return runCommand(io, ANALYZE_USAGE, () => parseArgs(argv, clockToday), async (options) => {
    const { targets, openDeals, settings } = options.file
      ? await loadFile(options.file, options.today, fs)
      : await loadDataDir(options.dataDir!, options.dealId, options.today, io, fs)
    const reports: DealReportJson[] = []
    const texts: string[] = []
    for (const { deal, roster } of targets) {
      const analysis = analyzeDeal(analysisInputs(deal, { roster, deals: openDeals, settings: resolveSettings(settings) }, options.today))
      if (options.json) reports.push(dealReportJson(deal, analysis))
      else texts.push(formatDealReport(deal, analysis, roster, options.today))
    }
    if (options.json) io.stdout(JSON.stringify({ deals: reports }, null, 2) + '\n')
    else io.stdout(texts.length ? texts.join('\n') : 'No deals to analyse.\n')
    return 0
  })
}

function parseArgs(argv: readonly string[], clockToday: () => string): Options {
  const options: Partial<Options> & { json: boolean } = { json: false }
  const positional = readArgs(argv, (flag, value) => {
    switch (flag) {
      case '--json': options.json = true; return true
      case '--today': options.today = value(); return true
      case '--data': options.dataDir = value(); return true
      case '--deal': options.dealId = value(); return true
      default: return false
    }
  })
  if (positional.length > 1) throw new UsageError('Give one deal file at a time')
  if (positional.length === 1 && options.dataDir) throw new UsageError('Give either a deal FILE or --data DIR, not both')
  if (positional.length === 0 && !options.dataDir) throw new UsageError('Give a deal FILE or --data DIR')
  if (options.dealId && !options.dataDir) throw new UsageError('--deal works with --data')
  checkToday(options.today)
  return { ...options, file: positional[0], today: options.today ?? clockToday() }
}

/** Parses and date-checks one deal file; refuses it with located issues. */
function acceptDealFile(text: string, label: string, today: string): DealFile {
  const file = acceptParsedDealFile(text, label)
  const dated = validateAgainstToday(file, today)
  if (dated.length > 0) throw new InputError(`${label}: ${dated.length} date${dated.length === 1 ? ' is' : 's are'} after ${today}`, dated)
  return file
}

async function loadFile(path: string, today: string, fs: CliFs) {
  const file = acceptDealFile(await readText(path, 'the deal file', fs), path, today)
  return { targets: [{ deal: file.deal, roster: file.roster }] as Loaded[], openDeals: [] as Deal[], settings: undefined }
}

async function loadDataDir(dir: string, dealId: string | undefined, today: string, io: CliIo, fs: CliFs) {
  await requireDataDir(dir, fs)
  const workspace = await readWorkspace(dir, fs)
  const dealsDir = join(dir, 'deals')
  const deals: Deal[] = []
  for (const name of await dealFileNames(dealsDir, fs)) {
    const path = join(dealsDir, name)
    try {
      deals.push(acceptDealFile(await readText(path, 'the deal file', fs), path, today).deal)
    } catch (e) {
      if (!(e instanceof InputError)) throw e
      // One damaged deal must not hide the others; it is named on stderr.
      io.stderr(`Skipped ${e.message}\n`)
      for (const issue of e.issues.slice(0, 5)) io.stderr(`  ${issue.path}: ${issue.message}\n`)
    }
  }
  const chosen = dealId ? deals.filter((d) => d.id === dealId) : deals
  if (dealId && chosen.length === 0) throw new InputError(`No readable deal with id "${dealId}" in ${dealsDir}`)
  const settings: Pick<Settings, 'maxOpenDealsPerSeller' | 'cadenceDays'> = workspace.settings
  return {
    targets: chosen.map((deal) => ({ deal, roster: workspace.roster })),
    openDeals: deals.filter((d) => !CLOSED_STAGES.includes(d.stage)),
    settings,
  }
}
