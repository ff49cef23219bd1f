import { basename } from 'node:path'
import { checkIncomingFile, checkIncomingText, describeRefusal, type IncomingKind, type IncomingRefusal } from '@shared/import'
import { AppFailure } from './errors'
import type { DurableFs } from './store'

/** A refused file as the page receives it: the reason code (for words in the user's language) and an English sentence. */
export function refusalFailure(refusal: IncomingRefusal): AppFailure {
  return new AppFailure('invalid-file', describeRefusal(refusal), undefined, refusal.reason)
}

/**
 * Main's entry check for a file on disk (the pickers, the command line): kind by extension,
 * empty, size cap, all from `stat`, so nothing over the cap is ever read.
 */
export async function admitIncomingPath(fs: DurableFs, path: string, kinds: readonly IncomingKind[]): Promise<IncomingKind> {
  let size: number
  try {
    size = (await fs.stat(path)).size
  } catch (error) {
    throw new AppFailure('io', `The file could not be read (${(error as Error).message}).`)
  }
  const checked = checkIncomingFile({ name: basename(path), size }, kinds)
  if (!checked.ok) throw refusalFailure(checked.refusal)
  return checked.kind
}

/** Main's entry check for text that arrives already read (dropped files, or a file that grew after `stat`). */
export function admitIncomingText(text: string): void {
  const refusal = checkIncomingText(text)
  if (refusal) throw refusalFailure(refusal)
}
