import * as Y from 'yjs'
import { DEAL_VERSION, formatPath, LIMITS, parseDealFileValue, type DealFile, type FileIssue } from '../model'
import { ChangeEntrySchema } from './log'
import { readLinks, readMeta, readPerson, readSellers, readTeam, sortedEntries, type Issues } from './read'
import { ROOT, ROOT_NAMES, VERSION_KEY, isSeeded, rootsOf } from './schema'
import { referencedSellerIds } from '../model'

/**
 * Trust nobody's bytes (contract, "Incoming remote state"): a remote update is applied to a
 * scratch copy of the doc, the deal derived from it exactly as the projection derives it,
 * and checked against the deal file schema with its reference checks. Only a state that
 * passes reaches the live doc; a refusal says why and leaves the doc as it was.
 */
export type RefusalReason =
  | 'too-large'
  | 'malformed'
  | 'missing-dependencies'
  | 'unknown-root'
  | 'wrong-type'
  | 'not-seeded'
  | 'newer-version'
  | 'invalid'

export type StateCheck =
  | { ok: true; file: DealFile | null }
  | { ok: false; reason: RefusalReason; message: string; issues: FileIssue[] }

/** The largest update accepted at once: the deal file's own cap. */
export const MAX_UPDATE_BYTES = LIMITS.fileBytes
/** A doc's log may hold this many entries (about 100 edits a day for 25 years). */
export const MAX_LOG_ENTRIES = 1_000_000

const refuse = (reason: RefusalReason, message: string, issues: FileIssue[] = []): StateCheck => ({ ok: false, reason, message, issues })

const MAP_ROOTS = [ROOT.meta, ROOT.people, ROOT.links, ROOT.team, ROOT.sellers]

/** A root that holds list items when it is a map (or keys when it is the log) was written by something else. */
function rootShapeIssues(doc: Y.Doc): FileIssue[] {
  const issues: FileIssue[] = []
  for (const name of MAP_ROOTS) {
    const type = doc.share.get(name)
    for (let item = type?._start ?? null; item !== null; item = item.right) {
      if (!item.deleted) {
        issues.push({ path: `$.${name}`, message: `"${name}" must be a Y.Map; it holds list items` })
        break
      }
    }
  }
  const log = doc.share.get(ROOT.log)
  if (log) for (const item of log._map.values()) if (!item.deleted) {
    issues.push({ path: `$.${ROOT.log}`, message: `"${ROOT.log}" must be a Y.Array; it holds map keys` })
    break
  }
  return issues
}

export interface StateCheckOptions {
  /**
   * Validate the integrated state and leave structs waiting for what they build on out of it
   * (they are invisible to every reader until it arrives; docs/collaboration.md).
   */
  ignorePending?: boolean
}

/**
 * The checks on a doc's frame, before any deal value is read: waiting structs, roots, their
 * Y types, the format version. A refusal, `{ ok: true, file: null }` for an empty doc, or
 * null when the doc holds a deal to read (validateDocState and IncrementalValidator alike).
 */
export function checkDocFrame(doc: Y.Doc, options: StateCheckOptions = {}): StateCheck | null {
  if (!options.ignorePending && (doc.store.pendingStructs !== null || doc.store.pendingDs !== null)) {
    return refuse('missing-dependencies', 'The update depends on changes not received yet')
  }
  const unknown = [...doc.share.keys()].filter((k) => !ROOT_NAMES.has(k))
  if (unknown.length > 0) return refuse('unknown-root', `The document has parts this app does not know: ${unknown.slice(0, 5).join(', ')}`, unknown.slice(0, 20).map((k) => ({ path: `$[${JSON.stringify(k)}]`, message: 'Unknown root' })))
  const shape = rootShapeIssues(doc)
  if (shape.length > 0) return refuse('wrong-type', shape[0].message, shape)
  const roots = rootsOf(doc)
  if (!isSeeded(doc)) {
    const empty = roots.people.size === 0 && roots.links.size === 0 && roots.team.size === 0 && roots.sellers.size === 0 && roots.meta.size === 0 && roots.log.length === 0
    return empty ? { ok: true, file: null } : refuse('not-seeded', 'The document holds data but no deal format version')
  }
  const version = roots.meta.get(VERSION_KEY)
  if (typeof version === 'number' && version > DEAL_VERSION) return refuse('newer-version', `The shared deal was written by a newer version of Deal War Room (format ${version}; this app reads up to ${DEAL_VERSION}). Update the app.`)
  if (version !== DEAL_VERSION) return refuse('invalid', `Unknown deal format version ${JSON.stringify(version)}`)
  return null
}

/** Check a doc's whole state: what the server runs on its own doc and the client on a scratch copy. */
export function validateDocState(doc: Y.Doc, options: StateCheckOptions = {}): StateCheck {
  const frame = checkDocFrame(doc, options)
  if (frame) return frame
  const roots = rootsOf(doc)

  const issues: NonNullable<Issues> = []
  const stakeholders = sortedEntries(roots.people as Y.Map<unknown>).flatMap(([id, m]) => readPerson(id, m, issues) ?? [])
  const deal = { ...readMeta(roots.meta, issues), stakeholders, links: readLinks(roots, issues), team: readTeam(roots.team, issues) }
  const referenced = referencedSellerIds(deal)
  const roster = readSellers(roots.sellers, issues).filter((s) => typeof s.id !== 'string' || referenced.has(s.id))
  if (issues.length > 0) return refuse('wrong-type', `The document has ${issues.length} part${issues.length === 1 ? '' : 's'} of the wrong type`, issues)

  if (roots.log.length > MAX_LOG_ENTRIES) return refuse('too-large', 'The change log is too long')
  const logIssues: FileIssue[] = []
  roots.log.forEach((entry, i) => {
    if (logIssues.length >= 20) return
    const r = ChangeEntrySchema.safeParse(entry)
    if (!r.success) logIssues.push({ path: `$.log[${i}]${formatPath(r.error.issues[0]?.path ?? []).slice(1)}`, message: r.error.issues[0]?.message ?? 'Not a change entry' })
  })
  if (logIssues.length > 0) return refuse('invalid', 'The change log has entries that are not change entries', logIssues)

  const parsed = parseDealFileValue({ format: 'deal-war-room.deal', version: DEAL_VERSION, deal, roster })
  if (!parsed.ok) return refuse('invalid', `The shared deal is not valid: ${parsed.message}`, parsed.issues)
  return { ok: true, file: parsed.value }
}

/**
 * Would the doc still hold a valid deal with this remote update applied? Checked on a
 * scratch copy; the live doc is not touched either way.
 */
export function checkIncomingUpdate(doc: Y.Doc, update: Uint8Array): StateCheck {
  if (!(update instanceof Uint8Array)) return refuse('malformed', 'An update is binary data')
  if (update.byteLength > MAX_UPDATE_BYTES) return refuse('too-large', `The update is larger than ${MAX_UPDATE_BYTES / 1024 / 1024} MB`)
  const scratch = new Y.Doc({ gc: doc.gc })
  try {
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc))
    try {
      Y.applyUpdate(scratch, update)
    } catch (e) {
      return refuse('malformed', `The update cannot be read: ${(e as Error).message}`)
    }
    return validateDocState(scratch)
  } finally {
    scratch.destroy()
  }
}

/** Apply a remote update only if it passes `checkIncomingUpdate`; returns the check. */
export function applyIncomingUpdate(doc: Y.Doc, update: Uint8Array, origin: unknown): StateCheck {
  const check = checkIncomingUpdate(doc, update)
  if (check.ok) Y.applyUpdate(doc, update, origin)
  return check
}
