import { xmlSafe } from '../xml'

/**
 * What the user typed, pasted or imported, made fit to store: characters no file, deck or
 * image can hold (control characters, lone surrogates, U+FFFE/U+FFFF) are dropped rather
 * than refused, so an edit never fails for a character nobody can see. A single-line field
 * (a name, a title) turns tabs and line breaks into spaces; a multi-line one (notes) keeps
 * tabs and newlines and writes every line break as `\n`. Never trims: this runs on every
 * keystroke, and "Jane " is on its way to "Jane Smith".
 */
export function cleanText(text: string, lines: 'single' | 'multi' = 'single'): string {
  const safe = xmlSafe(text)
  if (lines === 'multi') return safe.includes('\r') ? safe.replace(/\r\n?/g, '\n') : safe
  return /[\t\n\r]/.test(safe) ? safe.replace(/\r\n|[\t\n\r]/g, ' ') : safe
}
