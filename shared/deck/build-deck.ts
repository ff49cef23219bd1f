import JSZip from 'jszip'
import PptxGenJS from 'pptxgenjs'
import type { Language } from '../model'
import { escapeXml, xmlSafeDeep } from '../xml'
import { finishSlideXml, type SlideConnectors } from './connectors'
import { zipNatively } from './native-zip'
import { addAccountSlide } from './slides/account'
import { addActionSlides } from './slides/actions'
import { addChangesSlides } from './slides/changes'
import { DeckContext } from './slides/context'
import { addMapSlides } from './slides/map'
import { addRelationshipSlides } from './slides/relationships'
import { addTeamSlide } from './slides/team'
import { addTitleSlide } from './slides/title'
import { CJK_FALLBACK_FONT, FONT } from './theme'
import { SLIDE_IDS, type DeckInput, type SkippedSlide, type SlideId } from './types'

const BUILDERS: Record<SlideId, (ctx: DeckContext) => void> = {
  title: addTitleSlide,
  changes: addChangesSlides,
  map: addMapSlides,
  team: addTeamSlide,
  relationships: addRelationshipSlides,
  account: addAccountSlide,
  actions: addActionSlides,
}

/** Optional progress hooks for a caller that shows stages (the export dialog's worker). */
export interface BuildDeckProgress {
  /** Every slide is laid out; zipping and compressing the deck begins. */
  onPacking?(): void
}

/**
 * An editable 16:9 PowerPoint deck of the deal: native shapes, glued connectors and
 * tables, in the deck's language. Runs in Node, the page, a Web Worker and the CLI alike.
 */
export async function buildDeck(input: DeckInput, progress: BuildDeckProgress = {}): Promise<Uint8Array> {
  return (await buildDeckWithReport(input, progress)).bytes
}

/** The deck, and the slides it left out because they had nothing to say (with why). */
export interface BuiltDeckReport {
  bytes: Uint8Array
  skipped: SkippedSlide[]
}

export async function buildDeckWithReport(unsafeInput: DeckInput, progress: BuildDeckProgress = {}): Promise<BuiltDeckReport> {
  // pptxgenjs escapes &<>"' but passes on characters XML cannot hold at all (a U+0007 in a
  // name made every slide unreadable). One pass over every text the deck can show, here,
  // rather than at each of the slides' many addText calls.
  const input = xmlSafeDeep(unsafeInput)
  const pres = new PptxGenJS()
  pres.layout = 'LAYOUT_WIDE'
  pres.title = input.deal.name
  // pptxgenjs writes the company into docProps/app.xml unescaped ("AT&T" broke the deck):
  // it is left empty here and written, escaped, by finishDocProps.
  pres.company = ''
  pres.theme = { headFontFace: FONT[input.language], bodyFontFace: FONT[input.language] }

  const ctx = new DeckContext(pres, input)
  const wanted = new Set(input.slides)
  for (const id of SLIDE_IDS) {
    if (!wanted.has(id)) continue
    if (id === 'changes' && input.changes === undefined) {
      ctx.skip('changes', 'deck:skipped.noSnapshot')
      continue
    }
    BUILDERS[id](ctx)
  }
  if (ctx.slideCount === 0) addTitleSlide(ctx)

  const finish = async (zip: JSZip) => {
    await finishSlides(zip, ctx.connectors, ctx.tableSlides, input.language)
    await finishDocProps(zip, input.deal.customer)
    if (input.language !== 'en') await finishThemeFonts(zip, FONT[input.language])
  }
  let finished = false
  const hooked = hookIntoZip(pres, async (zip) => {
    await finish(zip)
    compressOnGenerate(zip)
    finished = true
  })
  progress.onPacking?.()
  // pptxgenjs ignores `compression` for a uint8array; compressOnGenerate sees to it.
  const bytes = (await pres.write({ outputType: 'uint8array' })) as Uint8Array
  if (hooked && finished) return { bytes, skipped: ctx.skipped }
  // pptxgenjs no longer hands us its zip: open the written file again (slower, same result).
  const zip = await JSZip.loadAsync(bytes)
  await finish(zip)
  return { bytes: await compressed(zip), skipped: ctx.skipped }
}

/** The deck's zip, deflated natively where the platform can (native-zip.ts), else by JSZip. */
async function compressed(zip: JSZip): Promise<Uint8Array> {
  return (await zipNatively(zip)) ?? zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: DEFLATE_OPTIONS })
}

/**
 * The theme's East Asian face: every run already names it as its `ea` font (pptxgenjs writes
 * latin, ea and cs alike); the theme's major and minor fonts name it too, with the face the
 * Mac ships for Simplified Chinese as the theme's Hans script font, so text typed later in
 * PowerPoint is Chinese-ready as well.
 */
async function finishThemeFonts(zip: JSZip, eastAsian: string): Promise<void> {
  const path = Object.keys(zip.files).find((p) => /^ppt\/theme\/theme\d+\.xml$/.test(p))
  if (!path) return
  const xml = await zip.file(path)!.async('string')
  zip.file(path, xml
    .replaceAll('<a:ea typeface=""/>', `<a:ea typeface="${escapeXml(eastAsian)}"/>`)
    .replace(/<a:font script="Hans" typeface="[^"]*"\/>/g, `<a:font script="Hans" typeface="${escapeXml(CJK_FALLBACK_FONT)}"/>`))
}

/** JSZip's deflate, where there is no native one: level 1, a third of the time of its default for a file a few percent larger. */
const DEFLATE_OPTIONS = { level: 1 }

/**
 * Make pptxgenjs's own `generateAsync` call (for our `uint8array`) return the deck deflated
 * natively (native-zip.ts): re-adding every file with a per-file DEFLATE option (an earlier
 * way) converted all the XML to bytes through JSZip's stream workers twice.
 */
function compressOnGenerate(zip: JSZip): void {
  zip.generateAsync = (() => compressed(zip)) as typeof zip.generateAsync
}

type ChartMediaRels = (slide: unknown, zip: JSZip, promises: Promise<unknown>[]) => void

/**
 * pptxgenjs cannot write raw XML, but after it has put every slide into its zip it passes
 * that zip to `createChartMediaRels` and awaits the promises collected there before
 * compressing. Finishing the slides at that point saves a second unzip and zip of the
 * whole deck (a third of the time of a big map). Returns false if the method is gone.
 */
function hookIntoZip(pres: PptxGenJS, onZip: (zip: JSZip) => Promise<void>): boolean {
  const target = pres as unknown as { createChartMediaRels?: ChartMediaRels }
  const original = target.createChartMediaRels
  if (typeof original !== 'function') return false
  let seen = false
  target.createChartMediaRels = (slide, zip, promises) => {
    original(slide, zip, promises)
    if (!seen) {
      seen = true
      promises.push(onZip(zip))
    }
  }
  return true
}

/**
 * Renumber the shape ids of slides with connectors or tables and write the connectors (one
 * pass over each such slide's XML), and tag Chinese text as Chinese so PowerPoint picks the
 * East Asian font.
 */
async function finishSlides(zip: JSZip, plans: readonly SlideConnectors[], tableSlides: ReadonlySet<number>, language: Language): Promise<void> {
  const bySlide = new Map(plans.map((p) => [p.slideNumber, p]))
  const slidePaths = Object.keys(zip.files).filter((path) => /^ppt\/slides\/slide\d+\.xml$/.test(path))
  await Promise.all(
    slidePaths.map(async (path) => {
      const number = Number(/slide(\d+)\.xml$/.exec(path)![1])
      // An English slide without connectors or tables is final as pptxgenjs wrote it.
      if (language === 'en' && !bySlide.has(number) && !tableSlides.has(number)) return
      const xml = await zip.file(path)!.async('string')
      const plan = bySlide.get(number)
      const finished = finishSlideXml(xml, plan?.connectors ?? [], plan?.cards ?? [])
      zip.file(path, language === 'en' ? finished : finished.replaceAll('lang="en-US"', `lang="${language}"`))
    }),
  )
}

/** The customer as the deck's company (File ▸ Properties), escaped as pptxgenjs does not. */
async function finishDocProps(zip: JSZip, customer: string): Promise<void> {
  const file = zip.file('docProps/app.xml')
  if (!file || customer === '') return
  const xml = await file.async('string')
  const empty = /<Company\s*\/>|<Company><\/Company>/
  if (!empty.test(xml)) throw new Error('docProps/app.xml has no empty Company element to fill in')
  zip.file('docProps/app.xml', xml.replace(empty, `<Company>${escapeXml(customer)}</Company>`))
}
