import { checkIncomingFile, type IncomingKind } from '@shared/import'
import { decodeCsvBytes } from '@shared/import'

/** A refusal as the import error dialog takes it: a code as the message, said in the user's language. */
export type AdmittedFile = { ok: true; kind: IncomingKind; text: string } | { ok: false; message: string; reason?: string }

/**
 * The page's entry check for a file it is handed (a drop): the same rules main applies to
 * picked files, decided on the name and size so a file over the cap is never read. A CSV is
 * decoded as main decodes a picked one (UTF-16, GBK, or refused as not text).
 */
export async function admitFile(file: File): Promise<AdmittedFile> {
  const checked = checkIncomingFile({ name: file.name, size: file.size })
  if (!checked.ok) return { ok: false, message: checked.refusal.reason, reason: checked.refusal.reason }
  if (checked.kind !== 'csv') return { ok: true, kind: checked.kind, text: await file.text() }
  const decoded = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()))
  return decoded.ok ? { ok: true, kind: 'csv', text: decoded.text } : { ok: false, message: `csv-${decoded.reason}` }
}
