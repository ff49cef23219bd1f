import Papa from 'papaparse'

export interface CrmRow {
  /** The row's number as a spreadsheet shows it: the header is row 1. */
  row: number
  cells: string[]
}

export type ParsedCsv =
  | { ok: true; headers: string[]; rows: CrmRow[] }
  | { ok: false; reason: 'empty' | 'unreadable'; message: string }

/**
 * Read a CRM export: UTF-8 with or without a byte-order mark (Excel and Dynamics add one),
 * CRLF or LF line ends, quoted fields with commas, quotes and line breaks inside, and the
 * delimiter detected (comma, semicolon or tab, as European Excel writes) unless it is given.
 */
export function parseCrmCsv(text: string, options: { delimiter?: '\t' } = {}): ParsedCsv {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (body.trim() === '') return { ok: false, reason: 'empty', message: 'The file is empty' }
  // Rows pasted from a spreadsheet are tab-separated whatever they hold: guessing could split a "Smith, Jane" cell.
  const delimiter = options.delimiter ? { delimiter: options.delimiter } : { delimitersToGuess: [',', ';', '\t', '|'] }
  const result = Papa.parse<string[]>(body, { header: false, skipEmptyLines: 'greedy', ...delimiter })
  const fatal = result.errors.find((e) => e.type === 'Quotes' && e.code === 'MissingQuotes')
  if (fatal) {
    return { ok: false, reason: 'unreadable', message: `A quoted field is never closed (row ${(fatal.row ?? 0) + 1})` }
  }
  const [header, ...data] = result.data
  if (!header || header.every((h) => h.trim() === '')) return { ok: false, reason: 'empty', message: 'The file has no header row' }
  return {
    ok: true,
    headers: header.map((h) => h.trim()),
    rows: data.map((cells, i) => ({ row: i + 2, cells: cells.map((c) => c.trim()) })),
  }
}
