import { z } from 'zod'
import { DealSchema, type Deal } from './deal'
import { LIMITS } from './limits'
import { exceedsUtf8 } from '../bytes'
import { dealReferenceIssues, fileReferenceIssues, referencedSellerIds } from './references'
import { IssueSink, MAX_ISSUES, collectSchemaIssues, moreProblemsMessage } from './bounded-issues'
import { SellerSchema, type Seller } from './seller'

export const DEAL_FORMAT = 'deal-war-room.deal'
/**
 * 2 added placeholder seats (`placeholder`, `addedOn`), labels on lines, and the contact
 * channels demo, dinner, event and message. 3 added a person's `email` and `personId` (the
 * account person the card is). An app that reads only an older version refuses a newer file
 * as "newer" instead of calling it damaged.
 */
export const DEAL_VERSION = 3

/**
 * The deal file: one deal and the sellers it references. It is both the on-disk format of
 * `deals/<id>.json` and the sharing format (`.warroom.json`), so its names are fixed.
 */
export const DealFileSchema = z
  .strictObject({
    format: z.literal(DEAL_FORMAT),
    version: z.literal(DEAL_VERSION),
    deal: DealSchema,
    roster: z.array(SellerSchema).max(LIMITS.roster),
  })
  .superRefine((file, ctx) => {
    for (const issue of fileReferenceIssues(file, MAX_ISSUES)) ctx.addIssue({ code: 'custom', ...issue })
  })
export type DealFile = z.infer<typeof DealFileSchema>

export function toDealFile(deal: Deal, roster: readonly Seller[], referenced: ReadonlySet<string> = referencedSellerIds(deal)): DealFile {
  return { format: DEAL_FORMAT, version: DEAL_VERSION, deal, roster: roster.filter((s) => referenced.has(s.id)) }
}

/** One problem found in a file, located by its JSON path (`$.deal.links[3].to`). */
export interface FileIssue {
  path: string
  message: string
}

export type ParseResult<T> =
  | { ok: true; value: T; migratedFrom?: number }
  | {
      ok: false
      kind: 'too-large' | 'not-json' | 'not-a-deal-file' | 'newer-version' | 'unknown-version' | 'invalid'
      message: string
      /** At most `MAX_ISSUES`, then one last entry saying there are more (`truncated`). */
      issues: FileIssue[]
      /** True when checking stopped at `MAX_ISSUES` problems: the file has more. */
      truncated?: boolean
    }

export function formatPath(path: readonly PropertyKey[]): string {
  return '$' + path.map((p) => (typeof p === 'number' ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(String(p)) ? `.${String(p)}` : `[${JSON.stringify(String(p))}]`)).join('')
}

export function issuesOf(error: z.ZodError): FileIssue[] {
  return error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }))
}

/**
 * Migrations from each older version to the next, keyed by the version they upgrade from,
 * each with a fixture of the old version under tests/fixtures/formats/.
 */
export const DEAL_MIGRATIONS: Record<number, (file: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 2 only added optional fields and enum values: a version 1 file is a valid version 2 file.
  1: (v1) => ({ ...v1, version: 2 }),
  // Version 3 only added optional fields (email, personId): a version 2 file is a valid version 3 file.
  2: (v2) => ({ ...v2, version: 3 }),
}

/**
 * The text without a leading byte order mark (U+FEFF). Notepad and some sync and mail tools
 * add one to UTF-8 files; JSON.parse rejects it and its error would show an invisible character.
 */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** Parse text as a deal file: size cap, JSON, format, version (migrating older ones), schema. */
export function parseDealFile(input: string): ParseResult<DealFile> {
  const read = readDealFileText(input)
  return read.ok ? checkDealFileValue(read.value, read.migratedFrom) : read
}

/**
 * A deal file's text up to its schema: size cap, JSON, format, version, older versions
 * migrated. The value is not checked yet (`checkDealFileValue`, or main's incremental
 * validator, which checks each part once).
 */
export function readDealFileText(input: string): ParseResult<Record<string, unknown>> {
  const text = withoutBom(input)
  if (exceedsUtf8(text, LIMITS.fileBytes)) {
    return { ok: false, kind: 'too-large', message: `The file is larger than ${LIMITS.fileBytes / 1024 / 1024} MB`, issues: [] }
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (e) {
    const detail = text.trim() === '' ? 'the file is empty' : (e as Error).message
    return { ok: false, kind: 'not-json', message: `The file is not valid JSON: ${detail}`, issues: [] }
  }
  return migratedDealFileValue(raw)
}

export function parseDealFileValue(raw: unknown): ParseResult<DealFile> {
  const read = migratedDealFileValue(raw)
  return read.ok ? checkDealFileValue(read.value, read.migratedFrom) : read
}

/** Format and version checked, older versions migrated; `migratedFrom` when it was older. */
function migratedDealFileValue(raw: unknown): ParseResult<Record<string, unknown>> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || (raw as { format?: unknown }).format !== DEAL_FORMAT) {
    return { ok: false, kind: 'not-a-deal-file', message: `This is not a Deal War Room deal file (expected "format": "${DEAL_FORMAT}")`, issues: [] }
  }
  let file = raw as Record<string, unknown>
  const version = file.version
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, kind: 'unknown-version', message: `Unknown file format version ${JSON.stringify(version)}`, issues: [{ path: '$.version', message: 'Expected a whole number' }] }
  }
  if (version > DEAL_VERSION) {
    return {
      ok: false,
      kind: 'newer-version',
      message: `This file was written by a newer version of Deal War Room (format version ${version}; this app reads up to ${DEAL_VERSION}). Update the app to open it.`,
      issues: [],
    }
  }
  for (let v = version; v < DEAL_VERSION; v++) {
    const migrate = DEAL_MIGRATIONS[v]
    if (!migrate) return { ok: false, kind: 'unknown-version', message: `No migration from format version ${v}`, issues: [] }
    file = migrate(file)
  }
  return version < DEAL_VERSION ? { ok: true, value: file, migratedFrom: version } : { ok: true, value: file }
}

/** A (migrated) deal file value checked by the schema, its problems found bounded first. */
export function checkDealFileValue(file: Record<string, unknown>, migratedFrom?: number): ParseResult<DealFile> {
  // Find the problems first, bounded: a full parse of a hostile file builds millions of
  // issue objects before it returns. A file with none is then parsed by the schema itself.
  const found = boundedIssues(file)
  if (found.issues.length === 0) {
    const parsed = DealFileSchema.safeParse(file)
    if (parsed.success) return migratedFrom !== undefined ? { ok: true, value: parsed.data, migratedFrom } : { ok: true, value: parsed.data }
    // Only a check the bounded pass does not know reaches here; its issues are few.
    const issues = issuesOf(parsed.error)
    found.issues.push(...issues.slice(0, MAX_ISSUES))
    found.truncated = issues.length > MAX_ISSUES
  }
  const { issues, truncated } = found
  const count = truncated ? `more than ${MAX_ISSUES} problems` : `${issues.length} problem${issues.length === 1 ? '' : 's'}`
  if (truncated) issues.push({ path: '$', message: moreProblemsMessage(MAX_ISSUES) })
  return { ok: false, kind: 'invalid', message: `The deal file has ${count}`, issues, ...(truncated ? { truncated } : {}) }
}

/**
 * The file's problems, at most `MAX_ISSUES`: field errors, then the cross-reference checks.
 * zod runs a schema's refinements only when its fields parse, so a file with field errors
 * would hide its dangling references. The tolerant reference checks run on the raw data and
 * report each problem once.
 */
function boundedIssues(raw: Record<string, unknown>): { issues: FileIssue[]; truncated: boolean } {
  const sink = new IssueSink(MAX_ISSUES)
  collectSchemaIssues(DealFileSchema, raw, sink)
  const issues = sink.issues.map((i) => ({ path: formatPath(i.path), message: i.message }))
  if (sink.truncated) return { issues, truncated: true }
  const seen = new Set(issues.map((i) => `${i.path}|${i.message}`))
  // One more than fits, to know whether there were more.
  const room = MAX_ISSUES - issues.length + 1
  const references = [
    ...dealReferenceIssues(raw.deal, room).map((i) => ({ path: formatPath(['deal', ...i.path]), message: i.message })),
    ...fileReferenceIssues(raw, room).map((i) => ({ path: formatPath(i.path), message: i.message })),
  ].filter((i) => !seen.has(`${i.path}|${i.message}`))
  issues.push(...references.slice(0, room - 1))
  return { issues, truncated: references.length > room - 1 }
}
