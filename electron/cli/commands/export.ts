import { readFile, stat, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { analyzeDeal } from '@shared/analysis'
import { buildDeck, type SlideId } from '@shared/deck'
import {
  CLOSED_STAGES, LANGUAGES, parseDealFile, type Deal, type Language, type Seller, type Settings,
} from '@shared/model'
import type { CliIo } from '../command'
import {
  acceptDealFile, checkToday, dealFileNames, dealFilePath, InputError, localToday, readArgs, readText, readWorkspace, runCommand, UsageError,
} from '../inputs'

/**
 * `war-room export FILE|--data DIR --deal ID --pptx OUT.pptx [--slides …] [--lang en|zh-CN] [--today YYYY-MM-DD]`
 *
 * Exit codes: 0 the deck was written; 1 the input could not be read or the output could not
 * be written; 2 bad usage.
 */
export const EXPORT_USAGE = `Usage:
  war-room export FILE --pptx OUT.pptx [options]
  war-room export --data DIR --deal ID --pptx OUT.pptx [options]

Writes an editable PowerPoint deck of a deal. FILE is a deal file (.warroom.json);
DIR is the app's data folder.
  --slides LIST  which slides, comma-separated (default: ${'title,map,team,relationships,actions'})
  --lang L       en or zh-CN (default: the workspace's language with --data, else en)
  --today DATE   the export date, YYYY-MM-DD (default: today)
`

const CLI_SLIDES: readonly SlideId[] = ['title', 'map', 'team', 'relationships', 'actions']

interface Options {
  file?: string
  dataDir?: string
  dealId?: string
  out: string
  slides: SlideId[]
  language?: Language
  today: string
}

interface Loaded {
  deal: Deal
  roster: readonly Seller[]
  openDeals: readonly Deal[]
  settings?: Pick<Settings, 'maxOpenDealsPerSeller' | 'cadenceDays'>
  language?: Language
}

export async function exportCommand(argv: string[], io: CliIo, clockToday: () => string = localToday): Promise<number> {
  return runCommand(io, EXPORT_USAGE, () => parseArgs(argv, clockToday), async (options) => {
    const loaded = options.file ? await loadFile(options.file) : await loadFromDataDir(options.dataDir!, options.dealId!)
    const language = options.language ?? loaded.language ?? 'en'
    const analysis = analyzeDeal(loaded.deal, loaded.roster, loaded.openDeals, options.today, loaded.settings)
    const bytes = await buildDeck({ deal: loaded.deal, roster: loaded.roster, analysis, language, today: options.today, slides: options.slides })
    await writeOutput(options.out, bytes)
    io.stdout(`Wrote ${options.out} (${Math.max(1, Math.round(bytes.length / 1024))} KB, slides: ${options.slides.join(', ')}, ${language})\n`)
    return 0
  }, 20)
}

function parseArgs(argv: readonly string[], clockToday: () => string): Options {
  const options: Partial<Options> = {}
  const positional = readArgs(argv, (flag, value) => {
    switch (flag) {
      case '--pptx': options.out = value(); return true
      case '--data': options.dataDir = value(); return true
      case '--deal': options.dealId = value(); return true
      case '--today': options.today = value(); return true
      case '--lang': options.language = parseLanguage(value()); return true
      case '--slides': options.slides = parseSlides(value()); return true
      default: return false
    }
  })
  if (positional.length > 1) throw new UsageError('Give one deal file at a time')
  if (positional.length === 1 && options.dataDir) throw new UsageError('Give either a deal FILE or --data DIR, not both')
  if (positional.length === 0 && !options.dataDir) throw new UsageError('Give a deal FILE or --data DIR')
  if (options.dataDir && !options.dealId) throw new UsageError('--data needs --deal ID: which deal to export')
  if (options.dealId && !options.dataDir) throw new UsageError('--deal works with --data')
  if (!options.out) throw new UsageError('Give the deck to write with --pptx OUT.pptx')
  checkToday(options.today)
  return { ...options, out: options.out, file: positional[0], slides: options.slides ?? [...CLI_SLIDES], today: options.today ?? clockToday() }
}

function parseLanguage(value: string): Language {
  if (!(LANGUAGES as readonly string[]).includes(value)) throw new UsageError(`--lang must be one of ${LANGUAGES.join(', ')}, not "${value}"`)
  return value as Language
}

function parseSlides(value: string): SlideId[] {
  const ids = value.split(',').map((s) => s.trim()).filter(Boolean)
  const unknown = ids.filter((id) => !(CLI_SLIDES as readonly string[]).includes(id))
  if (unknown.length) throw new UsageError(`Unknown slide${unknown.length === 1 ? '' : 's'} ${unknown.join(', ')}: choose from ${CLI_SLIDES.join(', ')}`)
  if (!ids.length) throw new UsageError('--slides needs at least one slide')
  return ids as SlideId[]
}

async function loadFile(path: string): Promise<Loaded> {
  const file = acceptDealFile(await readText(path, 'the deal file'), path)
  return { deal: file.deal, roster: file.roster, openDeals: [] }
}

async function loadFromDataDir(dir: string, dealId: string): Promise<Loaded> {
  const workspace = await readWorkspace(dir)
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(dealId)) throw new InputError(`"${dealId}" is not a deal id`)
  const dealsDir = join(dir, 'deals')
  const dealPath = await dealFilePath(dealsDir, dealId)
  const deal = acceptDealFile(await readText(dealPath, 'the deal file'), dealPath).deal
  // The other open deals count toward a seller's load; an unreadable one is simply left out.
  const openDeals: Deal[] = []
  for (const name of await dealFileNames(dealsDir).catch(() => [] as string[])) {
    if (join(dealsDir, name) === dealPath) continue
    const parsed = parseDealFile(await readFile(join(dealsDir, name), 'utf8').catch(() => ''))
    if (parsed.ok && !CLOSED_STAGES.includes(parsed.value.deal.stage)) openDeals.push(parsed.value.deal)
  }
  const { settings, roster } = workspace
  return {
    deal,
    roster,
    openDeals,
    settings,
    language: settings.language === 'system' ? undefined : settings.language,
  }
}

async function writeOutput(out: string, bytes: Uint8Array): Promise<void> {
  const path = resolve(out)
  const folder = dirname(path)
  const folderInfo = await stat(folder).catch(() => null)
  if (!folderInfo) throw new InputError(`Cannot write ${out}: the folder ${folder} does not exist`)
  if (!folderInfo.isDirectory()) throw new InputError(`Cannot write ${out}: ${folder} is not a folder`)
  try {
    await writeFile(path, bytes)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : code === 'EROFS' ? 'the disk is read-only' : code === 'ENOSPC' ? 'the disk is full' : (e as Error).message
    throw new InputError(`Cannot write ${out}: ${reason}`)
  }
}
