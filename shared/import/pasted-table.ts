import { utf8Length } from '../bytes'
import { autoMapColumns, type CrmField, type CrmMapping } from './crm-columns'
import { parseCrmCsv, type CrmRow } from './crm-csv'

/**
 * A paste is a few dozen rows typed into a meeting's table: these caps keep a stray 5 MB
 * clipboard from freezing the page, and send bigger lists to the CSV import, which plans
 * them off the main thread with progress.
 */
export const PASTE_LIMITS = { bytes: 1024 * 1024, rows: 2_000 } as const

export type PasteRefusal =
  | { reason: 'empty' }
  | { reason: 'too-large'; bytes: number; limitBytes: number }
  | { reason: 'too-many-rows'; rows: number; limitRows: number }
  | { reason: 'unreadable'; message: string }

export interface PastedTable {
  headers: string[]
  rows: CrmRow[]
  /** Whether the first row named the columns (it then maps them, as a CSV header does). */
  hasHeader: boolean
  mapping: CrmMapping
}

/** Without a header row, columns are read in the people table's order. */
const TABLE_ORDER: readonly CrmField[] = ['fullName', 'title', 'department', 'reportsTo']

/**
 * Rows copied from Excel or Google Sheets: tab-separated, CRLF or LF, cells with tabs or line
 * breaks quoted as Excel writes them, with or without a header row. Parsed by the same
 * reader as a CSV file, so what follows (preview, checks, one command) is the CSV import's.
 */
export function readPastedTable(text: string): { ok: true; table: PastedTable } | { ok: false; refusal: PasteRefusal } {
  if (text.trim() === '') return { ok: false, refusal: { reason: 'empty' } }
  // Measured before a byte is parsed: UTF-16 length is at most the UTF-8 size, so a cheap bound first.
  if (text.length > PASTE_LIMITS.bytes || utf8Length(text) > PASTE_LIMITS.bytes) {
    return { ok: false, refusal: { reason: 'too-large', bytes: utf8Length(text), limitBytes: PASTE_LIMITS.bytes } }
  }
  const parsed = parseCrmCsv(text, { delimiter: '\t' })
  if (!parsed.ok) return { ok: false, refusal: parsed.reason === 'empty' ? { reason: 'empty' } : { reason: 'unreadable', message: parsed.message } }
  const headerMapping = autoMapColumns(parsed.headers)
  // A header names at least two columns, or the name column: "Helen Marsh  CEO" maps nothing.
  const mapped = Object.keys(headerMapping).length
  const hasHeader = mapped >= 2 || headerMapping.fullName !== undefined || headerMapping.firstName !== undefined
  const rows = hasHeader ? parsed.rows : [{ row: 1, cells: parsed.headers }, ...parsed.rows]
  if (rows.length > PASTE_LIMITS.rows) return { ok: false, refusal: { reason: 'too-many-rows', rows: rows.length, limitRows: PASTE_LIMITS.rows } }
  if (hasHeader) return { ok: true, table: { headers: parsed.headers, rows, hasHeader, mapping: headerMapping } }
  const width = rows.reduce((w, r) => Math.max(w, r.cells.length), 0)
  const mapping: CrmMapping = {}
  TABLE_ORDER.slice(0, width).forEach((field, i) => { mapping[field] = i })
  return { ok: true, table: { headers: Array.from({ length: width }, () => ''), rows, hasHeader, mapping } }
}
