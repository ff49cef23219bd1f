import { checkIncomingFile, type IncomingKind, type IncomingRefusal } from '@shared/import'

export type AdmittedFile = { ok: true; kind: IncomingKind; text: string } | { ok: false; refusal: IncomingRefusal }

/**
 * The page's entry check for a file it is handed (a drop): the same rules main applies to
 * picked files, decided on the name and size so a file over the cap is never read.
 */
export async function admitFile(file: File): Promise<AdmittedFile> {
  const checked = checkIncomingFile({ name: file.name, size: file.size })
  if (!checked.ok) return checked
  return { ok: true, kind: checked.kind, text: await file.text() }
}
