import JSZip from 'jszip'
import { chooseLayout, readDesign, type TemplateDesign } from './layouts'
import {
  ContentTypes, freePartName, PRESENTATION_TYPES, readRels, readText, REL_TYPE, relativeTarget, relsPathOf, resolveTarget, writeRels, type Relationship,
} from './package-parts'
import { zipNatively } from '../native-zip'
import { openTemplate } from './open-template'
import { slideIntoLayout } from './slide-into-layout'

/**
 * Our deck in the company's template: the template's package (slide master, layouts, theme
 * colours and fonts, the master's pictures such as the logo) with its own example slides
 * taken out and our slides put in, each on the template layout that fits it. Written
 * straight into the template's zip with JSZip (docs/slides.md says why not a library);
 * pure, like the deck builder. Throws a TemplateError for a file that is no template.
 */
export async function applyTemplate(deckBytes: Uint8Array, templateBytes: Uint8Array): Promise<Uint8Array> {
  const { zip: out, types, presentationPath } = await openTemplate(templateBytes)
  const design = await readDesign(out, presentationPath)
  const deck = await JSZip.loadAsync(deckBytes)
  const deckTypes = new ContentTypes((await readText(deck, '[Content_Types].xml'))!)

  let presentation = (await readText(out, presentationPath))!
  let presentationRels = await readRels(out, presentationPath)
  presentationRels = await removeTemplateSlides(out, types, presentationPath, presentationRels)
  presentation = presentation
    .replace(/<p:sldIdLst>[\s\S]*?<\/p:sldIdLst>|<p:sldIdLst\s*\/>/, '')
    .replace(/<p:custShowLst>[\s\S]*?<\/p:custShowLst>/, '')
    // Sections name the template's slides by id: they went with them.
    .replace(/<p:ext uri="\{521415D9-36F7-43E2-AB2F-B90AF26B5E84\}">[\s\S]*?<\/p:ext>/, '')

  const deckPresentation = (await readText(deck, 'ppt/presentation.xml'))!
  const deckSize = /<p:sldSz\b[^>]*\bcx="(\d+)"[^>]*\bcy="(\d+)"/.exec(deckPresentation)!
  const sizes = { from: { cx: Number(deckSize[1]), cy: Number(deckSize[2]) }, to: design.slideSize }
  const deckRels = await readRels(deck, 'ppt/presentation.xml')
  const ourSlides = [...deckPresentation.matchAll(/<p:sldId\b[^>]*\br:id="([^"]*)"/g)]
    .map((m) => deckRels.find((r) => r.id === m[1]))
    .filter((r): r is Relationship => r !== undefined)
    .map((r) => resolveTarget('ppt/presentation.xml', r.target))

  const copier = new PartCopier(deck, deckTypes, out, types, design)
  const templateNotesMaster = presentationRels.find((r) => r.type === REL_TYPE.notesMaster)
  if (templateNotesMaster) copier.mapTo(notesMasterOf(deckRels), resolveTarget(presentationPath, templateNotesMaster.target))

  const sldIds: string[] = []
  let rid = 1
  const nextRid = () => {
    while (presentationRels.some((r) => r.id === `rIdWr${rid}`)) rid += 1
    return `rIdWr${rid++}`
  }
  for (const [i, slidePath] of ourSlides.entries()) {
    const kind = i === 0 && (await readText(deck, slidePath))!.includes('name="Deal name"') ? 'title' : 'content'
    const newPath = await copier.copySlide(slidePath, kind, sizes)
    const id = nextRid()
    presentationRels.push({ id, type: REL_TYPE.slide, target: relativeTarget(presentationPath, newPath), external: false })
    sldIds.push(`<p:sldId id="${256 + i}" r:id="${id}"/>`)
  }
  // Our speaker notes need a notes master: the template's, or ours when it has none.
  const ourNotesMaster = notesMasterOf(deckRels)
  if (!templateNotesMaster && ourNotesMaster && copier.copied.has(ourNotesMaster)) {
    const id = nextRid()
    presentationRels.push({ id, type: REL_TYPE.notesMaster, target: relativeTarget(presentationPath, copier.copied.get(ourNotesMaster)!), external: false })
    presentation = presentation.replace(/<\/p:sldMasterIdLst>/, `</p:sldMasterIdLst><p:notesMasterIdLst><p:notesMasterId r:id="${id}"/></p:notesMasterIdLst>`)
  }
  presentation = insertSlideList(presentation, `<p:sldIdLst>${sldIds.join('')}</p:sldIdLst>`)
  out.file(presentationPath, presentation)
  out.file(relsPathOf(presentationPath), writeRels(presentationRels))

  // The result is a presentation, whichever the template was (a .potx opens as a new deck otherwise).
  types.set(presentationPath, PRESENTATION_TYPES.pptx)
  out.file('[Content_Types].xml', types.toXml())
  // The deck's own properties (title, company, slide count), not the template's.
  for (const path of ['docProps/app.xml', 'docProps/core.xml']) {
    const file = deck.file(path)
    if (file) out.file(path, await file.async('uint8array'))
  }
  // Zipped by the platform's zlib, as the plain deck is (native-zip.ts); JSZip where it is missing.
  return (await zipNatively(out)) ?? out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 1 } })
}

function notesMasterOf(deckRels: readonly Relationship[]): string | undefined {
  const rel = deckRels.find((r) => r.type === REL_TYPE.notesMaster)
  return rel && resolveTarget('ppt/presentation.xml', rel.target)
}

/** The slide list goes after the masters' lists and before the slide size, as the schema orders them. */
function insertSlideList(presentation: string, list: string): string {
  for (const after of ['</p:handoutMasterIdLst>', '</p:notesMasterIdLst>', '</p:sldMasterIdLst>']) {
    const at = presentation.indexOf(after)
    if (at >= 0) return presentation.slice(0, at + after.length) + list + presentation.slice(at + after.length)
  }
  return presentation.replace(/<p:sldSz\b/, `${list}<p:sldSz`)
}

/** The template's example slides and their notes go: the deck is our slides. */
async function removeTemplateSlides(zip: JSZip, types: ContentTypes, presentationPath: string, rels: Relationship[]): Promise<Relationship[]> {
  const kept: Relationship[] = []
  for (const rel of rels) {
    if (rel.type !== REL_TYPE.slide) {
      kept.push(rel)
      continue
    }
    const slidePath = resolveTarget(presentationPath, rel.target)
    for (const r of await readRels(zip, slidePath)) {
      if (r.type !== REL_TYPE.notesSlide) continue
      const notes = resolveTarget(slidePath, r.target)
      removePart(zip, types, notes)
    }
    removePart(zip, types, slidePath)
  }
  return kept
}

function removePart(zip: JSZip, types: ContentTypes, path: string): void {
  zip.remove(path)
  zip.remove(relsPathOf(path))
  types.remove(path)
}

/**
 * Copies parts of our deck into the template's package under names free there, with their
 * relationships: a slide's pictures, notes and charts come along; its layout becomes the
 * template's. Each part is copied once, however many parts point at it.
 */
class PartCopier {
  readonly copied = new Map<string, string>()

  constructor(
    private readonly from: JSZip, private readonly fromTypes: ContentTypes,
    private readonly to: JSZip, private readonly toTypes: ContentTypes,
    private readonly design: TemplateDesign,
  ) {}

  /** Point every reference to our part `path` at the template's part `target` instead of copying it. */
  mapTo(path: string | undefined, target: string): void {
    if (path) this.copied.set(path, target)
  }

  async copySlide(path: string, kind: 'title' | 'content', sizes: Parameters<typeof slideIntoLayout>[3]): Promise<string> {
    const layout = chooseLayout(this.design, kind)
    const newPath = freePartName(this.to, 'ppt/slides', 'slide', '.xml')
    this.copied.set(path, newPath)
    const xml = (await readText(this.from, path))!
    this.to.file(newPath, slideIntoLayout(xml, layout, this.design, sizes))
    this.toTypes.set(newPath, this.fromTypes.typeOf(path)!)
    const rels: Relationship[] = []
    for (const rel of await readRels(this.from, path)) {
      if (rel.type === REL_TYPE.slideLayout) rels.push({ ...rel, target: relativeTarget(newPath, layout.path) })
      else rels.push(await this.relFrom(path, newPath, rel))
    }
    this.to.file(relsPathOf(newPath), writeRels(rels))
    return newPath
  }

  private async relFrom(oldOwner: string, newOwner: string, rel: Relationship): Promise<Relationship> {
    if (rel.external) return rel
    const target = await this.copyPart(resolveTarget(oldOwner, rel.target))
    return { ...rel, target: relativeTarget(newOwner, target) }
  }

  private async copyPart(path: string): Promise<string> {
    const done = this.copied.get(path)
    if (done) return done
    const file = this.from.file(path)
    if (!file) return path
    const slash = path.lastIndexOf('/')
    const folder = path.slice(0, slash)
    const base = path.slice(slash + 1)
    const dot = base.lastIndexOf('.')
    const stem = base.slice(0, dot).replace(/\d+$/, '')
    const newPath = freePartName(this.to, folder, stem, base.slice(dot))
    this.copied.set(path, newPath)
    this.to.file(newPath, await file.async('uint8array'))
    const type = this.fromTypes.typeOf(path)
    if (type) this.toTypes.set(newPath, type)
    const rels = await readRels(this.from, path)
    if (rels.length) {
      const copied: Relationship[] = []
      for (const rel of rels) copied.push(await this.relFrom(path, newPath, rel))
      this.to.file(relsPathOf(newPath), writeRels(copied))
    }
    return newPath
  }
}
