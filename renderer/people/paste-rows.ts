import { readPastedTable, type PasteRefusal } from '@shared/import'
import { useImportStore } from '../import'

/** Whether clipboard text is rows and columns (a spreadsheet selection) rather than one value. */
export function looksLikeRows(text: string): boolean {
  return /[\t\n\r]/.test(text.replace(/[\r\n]+$/, ''))
}

/**
 * Rows pasted into the table go through the CSV import's preview and checks; a paste that
 * is too big to be a meeting's list is refused before it is parsed, with the reason.
 */
export function importPastedRows(text: string): PasteRefusal | null {
  const read = readPastedTable(text)
  if (!read.ok) return read.refusal
  useImportStore.getState().show({ kind: 'csv', fileName: '', text, pasted: true })
  return null
}
