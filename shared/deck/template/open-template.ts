import JSZip from 'jszip'
import { ContentTypes, PRESENTATION_TYPES, readText } from './package-parts'
import { TEMPLATE_MAX_BYTES, TEMPLATE_MAX_PARTS, TEMPLATE_MAX_UNPACKED_BYTES, TemplateError } from './template-error'

export interface OpenedTemplate {
  zip: JSZip
  types: ContentTypes
  /** The main part, ppt/presentation.xml in every package PowerPoint writes. */
  presentationPath: string
}

/** What JSZip read from the zip's central directory for each entry (not in its typings). */
interface EntryData {
  uncompressedSize?: number
}

/**
 * Open a file the user chose as the company template, or say why it cannot be one: too big,
 * not a zip, a zip that is no presentation (a .docx), or one that would unpack to far more
 * than any template (a zip bomb: checked on the sizes the zip declares, before a byte is
 * inflated). A .potx is accepted as well as a .pptx: they differ only in the main part's
 * content type.
 */
export async function openTemplate(bytes: Uint8Array): Promise<OpenedTemplate> {
  if (bytes.byteLength > TEMPLATE_MAX_BYTES) {
    throw new TemplateError('too-large', `The template is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; at most ${TEMPLATE_MAX_BYTES / 1024 / 1024} MB is accepted`)
  }
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: true })
  } catch (e) {
    throw new TemplateError('not-zip', `The template is not a zip package: ${e instanceof Error ? e.message : String(e)}`)
  }
  const entries = Object.values(zip.files)
  if (entries.length > TEMPLATE_MAX_PARTS) throw new TemplateError('unpacks-too-large', `The template holds ${entries.length} parts; at most ${TEMPLATE_MAX_PARTS} are accepted`)
  let unpacked = 0
  for (const entry of entries) unpacked += (entry as unknown as { _data?: EntryData })._data?.uncompressedSize ?? 0
  if (unpacked > TEMPLATE_MAX_UNPACKED_BYTES) {
    throw new TemplateError('unpacks-too-large', `The template would unpack to ${(unpacked / 1024 / 1024).toFixed(0)} MB; at most ${TEMPLATE_MAX_UNPACKED_BYTES / 1024 / 1024} MB is accepted`)
  }

  const typesXml = await readText(zip, '[Content_Types].xml')
  if (typesXml === null) throw new TemplateError('not-presentation', 'The zip has no [Content_Types].xml: it is not an Office file')
  const types = new ContentTypes(typesXml)
  const presentationPath = 'ppt/presentation.xml'
  const mainType = types.typeOf(presentationPath)
  if (!zip.file(presentationPath) || !mainType || !(Object.values(PRESENTATION_TYPES) as string[]).includes(mainType)) {
    throw new TemplateError('not-presentation', 'The file is not a PowerPoint presentation or template (.pptx or .potx)')
  }
  return { zip, types, presentationPath }
}
