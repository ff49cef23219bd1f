import { join, resolve } from 'node:path'
import { analysisInputs, analyzeDeal, resolveSettings } from '@shared/analysis'
import { buildDeckWithReport, type SlideId } from '@shared/deck'
import { applyTemplate, TEMPLATE_MAX_BYTES, TemplateError } from '@shared/deck/template'
import { translate } from '@shared/i18n'
import { mapSvg } from '@shared/image/map-svg'
import { rasterizeSvg } from '../../main/export/map-png'
import {
  CLOSED_STAGES, LANGUAGES, parseDealFile, type Deal, type Language, type Seller, type Settings,
} from '@shared/model'
import type { CliIo } from '../command'
import { nodeCliFs, type CliFs } from '../cli-fs'
import { checkOutput, writeOutput, type CheckedOutput } from '../output'
import {
  acceptDealFile, checkToday, dealFileNames, dealFilePath, InputError, localToday, readArgs, readBytes, readText, readTextFile, readWorkspace, requireDataDir, runCommand, UsageError,
} from '../inputs'

/**
 * `war-room export FILE|--data DIR --deal ID [--pptx OUT.pptx [--template T.pptx|T.potx]] [--svg OUT.svg] [--png OUT.png] [--force] [--slides …] [--lang en|zh-CN] [--today YYYY-MM-DD]`
 *
 * Exit codes: 0 the deck was written; 1 the input could not be read, or the output exists
 * (without --force), is an input, lies in the data folder or could not be written; 2 bad usage.
 */
export const EXPORT_USAGE = `Usage:
  war-room export FILE --pptx OUT.pptx [--svg OUT.svg] [--png OUT.png] [options]
  war-room export --data DIR --deal ID --pptx OUT.pptx [options]

Writes an editable PowerPoint deck of a deal, and/or the map as an SVG or PNG picture
(with the deal's title, the date and the legend). FILE is a deal file (.warroom.json);
DIR is the app's data folder. Each file goes to a temp file beside it and takes its name
once complete; an existing file is kept unless --force is given.
  --pptx OUT     the deck to write
  --template T   put the deck into the company's template T (.pptx or .potx): its master,
                 layouts, theme colours and fonts, and logo
  --svg OUT      the map as a vector SVG picture
  --png OUT      the map as a PNG picture (twice the SVG's size)
  --force        replace an output that exists (only after the new file is complete)
  --slides LIST  which slides, comma-separated (default: ${'title,map,team,relationships,actions'})
  --lang L       en or zh-CN (default: the workspace's language with --data, else en)
  --today DATE   the export date, YYYY-MM-DD (default: today)
`

const CLI_SLIDES: readonly SlideId[] = ['title', 'map', 'team', 'relationships', 'actions']

interface Options {
  file?: string
  dataDir?: string
  dealId?: string
  out?: string
  svg?: string
  png?: string
  template?: string
  force: boolean
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
  const fs = io.fs ?? nodeCliFs
  return runCommand(io, EXPORT_USAGE, () => parseArgs(argv, clockToday), async (options) => {
    const loaded = options.file ? await loadFile(options.file, fs) : await loadFromDataDir(options.dataDir!, options.dealId!, fs)
    const language = options.language ?? loaded.language ?? 'en'
    // Checked before anything is built: a refused output costs no work and writes nothing.
    const inputs = [...(options.file ? [options.file] : []), ...(options.template ? [options.template] : [])]
    const rules = { force: options.force, inputs, dataDir: options.dataDir }
    const check = (path: string | undefined) => (path === undefined ? undefined : checkOutput(fs, path, rules))
    const [pptx, svg, png] = [await check(options.out), await check(options.svg), await check(options.png)]
    const template = options.template ? await readBytes(options.template, 'the template', TEMPLATE_MAX_BYTES, fs) : undefined

    const written: Array<{ out: CheckedOutput; bytes: Uint8Array; note: string }> = []
    let skipped: Array<{ slide: string; reason: string }> = []
    if (pptx) {
      const workspace = { roster: loaded.roster, deals: loaded.openDeals, settings: resolveSettings(loaded.settings) }
      const analysis = analyzeDeal(analysisInputs(loaded.deal, workspace, options.today))
      const built = await buildDeckWithReport({ deal: loaded.deal, roster: loaded.roster, analysis, language, today: options.today, slides: options.slides })
      skipped = built.skipped
      const bytes = template ? await intoTemplate(built.bytes, template, options.template!, language) : built.bytes
      written.push({ out: pptx, bytes, note: `slides: ${options.slides.join(', ')}, ${language}${template ? `, template ${options.template}` : ''}` })
    }
    if (svg || png) {
      const image = mapSvg({ deal: loaded.deal, roster: loaded.roster, language, today: options.today })
      if (svg) written.push({ out: svg, bytes: new TextEncoder().encode(image.svg), note: `${image.width} × ${image.height}, ${language}` })
      if (png) {
        const raster = await rasterizeSvg(image.svg, image)
        written.push({ out: png, bytes: raster.png, note: `${raster.width} × ${raster.height} px, ${language}` })
      }
    }
    for (const file of written) {
      await writeOutput(fs, file.out, file.bytes)
      io.stdout(`Wrote ${file.out.given} (${Math.max(1, Math.round(file.bytes.length / 1024))} KB, ${file.note})\n`)
    }
    // A slide with nothing to say is left out; say which and why, in the deck's language.
    for (const s of skipped) io.stdout(`Left out ${s.slide}: ${s.reason}\n`)
    return 0
  }, 20)
}

function parseArgs(argv: readonly string[], clockToday: () => string): Options {
  const options: Partial<Options> = { force: false }
  const positional = readArgs(argv, (flag, value) => {
    switch (flag) {
      case '--pptx': options.out = value(); return true
      case '--svg': options.svg = value(); return true
      case '--png': options.png = value(); return true
      case '--template': options.template = value(); return true
      case '--force': options.force = true; return true
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
  if (!options.out && !options.svg && !options.png) throw new UsageError('Give what to write: --pptx OUT.pptx, --svg OUT.svg and/or --png OUT.png')
  if (options.template && !options.out) throw new UsageError('--template works with --pptx: the deck goes into the template')
  const outs = [options.out, options.svg, options.png].filter((o): o is string => o !== undefined)
  if (new Set(outs.map((o) => resolve(o))).size < outs.length) throw new UsageError('Give a different file for each output')
  checkToday(options.today)
  return { ...options, force: options.force ?? false, file: positional[0], slides: options.slides ?? [...CLI_SLIDES], today: options.today ?? clockToday() }
}

/** The deck in the template, or the template refused in the export's language (nothing is written). */
async function intoTemplate(deck: Uint8Array, template: Uint8Array, path: string, language: Language): Promise<Uint8Array> {
  try {
    return await applyTemplate(deck, template)
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e
    throw new InputError(`Cannot use the template ${path}: ${translate(language, `export:template.error.${e.code}`)}`)
  }
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
  const twice = ids.find((id, i) => ids.indexOf(id) !== i)
  if (twice) throw new UsageError(`Slide ${twice} is listed twice`)
  return ids as SlideId[]
}

async function loadFile(path: string, fs: CliFs): Promise<Loaded> {
  const file = acceptDealFile(await readText(path, 'the deal file', fs), path)
  return { deal: file.deal, roster: file.roster, openDeals: [] }
}

async function loadFromDataDir(dir: string, dealId: string, fs: CliFs): Promise<Loaded> {
  await requireDataDir(dir, fs)
  const workspace = await readWorkspace(dir, fs)
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(dealId)) throw new InputError(`"${dealId}" is not a deal id`)
  const dealsDir = join(dir, 'deals')
  const dealPath = await dealFilePath(dealsDir, dealId, fs)
  const deal = acceptDealFile(await readText(dealPath, 'the deal file', fs), dealPath).deal
  // The other open deals count toward a seller's load; an unreadable one is simply left out.
  const openDeals: Deal[] = []
  for (const name of await dealFileNames(dealsDir, fs).catch(() => [] as string[])) {
    if (join(dealsDir, name) === dealPath) continue
    const read = await readTextFile(join(dealsDir, name), fs)
    const parsed = parseDealFile(read.ok ? read.text : '')
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
