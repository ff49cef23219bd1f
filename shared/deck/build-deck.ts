import JSZip from 'jszip'
import PptxGenJS from 'pptxgenjs'
import type { Language } from '../model'
import { finishSlideXml, type SlideConnectors } from './connectors'
import { addActionSlides } from './slides/actions'
import { addChangesSlides } from './slides/changes'
import { DeckContext } from './slides/context'
import { addMapSlides } from './slides/map'
import { addRelationshipSlides } from './slides/relationships'
import { addTeamSlide } from './slides/team'
import { addTitleSlide } from './slides/title'
import { FONT } from './theme'
import { SLIDE_IDS, type DeckInput, type SlideId } from './types'

const BUILDERS: Record<SlideId, (ctx: DeckContext) => void> = {
  title: addTitleSlide,
  changes: addChangesSlides,
  map: addMapSlides,
  team: addTeamSlide,
  relationships: addRelationshipSlides,
  actions: addActionSlides,
}

/**
 * An editable 16:9 PowerPoint deck of the deal: native shapes, glued connectors and
 * tables, in the deck's language. Runs in Node, the page and the CLI alike.
 */
export async function buildDeck(input: DeckInput): Promise<Uint8Array> {
  const pres = new PptxGenJS()
  pres.layout = 'LAYOUT_WIDE'
  pres.title = input.deal.name
  pres.company = input.deal.customer
  pres.theme = { headFontFace: FONT[input.language], bodyFontFace: FONT[input.language] }

  const ctx = new DeckContext(pres, input)
  const wanted = new Set(input.slides)
  for (const id of SLIDE_IDS) {
    if (!wanted.has(id)) continue
    if (id === 'changes' && input.changes === undefined) continue
    BUILDERS[id](ctx)
  }
  if (ctx.slideCount === 0) addTitleSlide(ctx)

  // Stored, not compressed: the zip is opened again right away to glue the connectors.
  const raw = (await pres.write({ outputType: 'uint8array', compression: false })) as Uint8Array
  return finishDeck(raw, ctx.connectors, ctx.tableSlides, input.language)
}


/**
 * Renumber each slide's shape ids and write its connectors (one pass over each slide's
 * XML), and tag Chinese text as Chinese so PowerPoint picks the East Asian font.
 */
async function finishDeck(pptx: Uint8Array, plans: readonly SlideConnectors[], tableSlides: ReadonlySet<number>, language: Language): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(pptx)
  const bySlide = new Map(plans.map((p) => [p.slideNumber, p.connectors]))
  const slidePaths = Object.keys(zip.files).filter((path) => /^ppt\/slides\/slide\d+\.xml$/.test(path))
  await Promise.all(
    slidePaths.map(async (path) => {
      const number = Number(/slide(\d+)\.xml$/.exec(path)![1])
      // An English slide without connectors or tables is final as pptxgenjs wrote it.
      if (language === 'en' && !bySlide.has(number) && !tableSlides.has(number)) return
      const xml = await zip.file(path)!.async('string')
      const finished = finishSlideXml(xml, bySlide.get(number) ?? [])
      zip.file(path, language === 'en' ? finished : finished.replaceAll('lang="en-US"', `lang="${language}"`))
    }),
  )
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } })
}
