import { exceedsUtf8 } from '../bytes'
import { LIMITS } from '../model/limits'

export { utf8Length } from '../bytes'

/** The kinds of file the app takes in: a deal file or a CRM contacts export. */
export type IncomingKind = 'json' | 'csv'

/** What a file's name must end with to be taken as each kind (case does not matter). */
export const INCOMING_EXTENSIONS: Record<IncomingKind, readonly string[]> = {
  json: ['.json'],
  // Excel saves "Unicode Text" (UTF-16, tab-separated) as .txt.
  csv: ['.csv', '.tsv', '.txt'],
}

export type IncomingRefusal =
  | { reason: 'too-large'; limitMb: number }
  | { reason: 'empty' }
  | { reason: 'wrong-kind'; accepted: IncomingKind[] }

export type IncomingCheck = { ok: true; kind: IncomingKind } | { ok: false; refusal: IncomingRefusal }

const ALL_KINDS: IncomingKind[] = ['json', 'csv']
const LIMIT_MB = LIMITS.fileBytes / 1024 / 1024

/**
 * The one check every way a file enters the app passes (menu, palette, drop, command line),
 * made on its name and size alone so a huge file is refused before a byte of it is read.
 */
export function checkIncomingFile(file: { name: string; size: number }, accepted: readonly IncomingKind[] = ALL_KINDS): IncomingCheck {
  const name = file.name.toLowerCase()
  const kind = accepted.find((k) => INCOMING_EXTENSIONS[k].some((ext) => name.endsWith(ext)))
  if (!kind) return { ok: false, refusal: { reason: 'wrong-kind', accepted: [...accepted] } }
  if (file.size === 0) return { ok: false, refusal: { reason: 'empty' } }
  if (file.size > LIMITS.fileBytes) return { ok: false, refusal: { reason: 'too-large', limitMb: LIMIT_MB } }
  return { ok: true, kind }
}

/**
 * The same size rules for text that arrives already read (over IPC): its UTF-8 size, which
 * is what it weighed on disk, not its length in UTF-16 units.
 */
export function checkIncomingText(text: string): IncomingRefusal | null {
  if (text.length === 0) return { reason: 'empty' }
  if (exceedsUtf8(text, LIMITS.fileBytes)) return { reason: 'too-large', limitMb: LIMIT_MB }
  return null
}


const KIND_LABELS: Record<IncomingKind, string> = { json: 'deal files (.json)', csv: 'CSV files (.csv)' }

/** The refusal in English, for main's error message and the command line (the page says it in the user's language). */
export function describeRefusal(refusal: IncomingRefusal): string {
  switch (refusal.reason) {
    case 'too-large':
      return `The file is larger than ${refusal.limitMb} MB, the most the app opens.`
    case 'empty':
      return 'The file is empty.'
    case 'wrong-kind':
      return `Only ${refusal.accepted.map((k) => KIND_LABELS[k]).join(' and ')} can be opened here.`
  }
}
