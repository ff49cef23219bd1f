/**
 * The one place a stored file's name is derived from an id (deals, their backups and
 * snapshots). Pure, so main, the CLI and the import planner agree.
 *
 * Decision: ids that are equal under case folding are the SAME deal, on every OS. The file
 * name is the lower-cased id. On the default disks of macOS (APFS) and Windows (NTFS) "ABC.json"
 * and "abc.json" are one file anyway; keying by the lower-cased id makes Linux behave the same,
 * so a data folder copied between machines means the same thing, and an import planner that
 * folds case (see sameId) can never be surprised by the disk. Encoding the original case in a
 * suffix instead would keep "ABC" and "abc" apart, but two deals told apart only by case are
 * a trap for people too (ids are random UUIDs, which are lower-case; an upper-cased copy of
 * one is the same deal mangled by some tool, not a new deal).
 *
 * Unicode normalisation is moot: ids are ASCII `[A-Za-z0-9_-]` by schema (shared/model
 * primitives), and anything else is refused here, so NFC and NFD spellings of one name
 * cannot reach the disk. ASCII also makes lower-casing locale-free (no Turkish dotless i).
 */

/** Ids the store can name a file after: the schema's Id alphabet and length. */
export const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/

/**
 * Windows device names, reserved in every folder, in any case, with or without an extension
 * (`CON`, `con.json`, `Com1.txt`). COM0/LPT0 are included: newer Windows reserves them too.
 */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/

/**
 * Appended to a stem that would be a reserved name. "~" is outside the id alphabet, so an
 * escaped stem can never be another id's stem ("con~" is no id; "con_" is one).
 */
const RESERVED_MARK = '~'

/** The identity of an id: ids with the same key are one deal. */
export function idKey(id: string): string {
  return id.toLowerCase()
}

export function sameId(a: string, b: string): boolean {
  return idKey(a) === idKey(b)
}

/**
 * The file stem for `id`: lower-case, never a Windows reserved name, at most 65 characters,
 * and no trailing dot or space (neither is in the alphabet). Throws on an id that is not safe.
 */
export function fileStemOfId(id: string): string {
  if (!SAFE_ID.test(id)) throw new RangeError(`Not a valid id for a file name: ${JSON.stringify(id.slice(0, 80))}`)
  const key = idKey(id)
  return WINDOWS_RESERVED.test(key) ? key + RESERVED_MARK : key
}

/** `<stem>.json`; at most 70 characters, well under every OS's limit of 255. */
export function fileNameOfId(id: string): string {
  return `${fileStemOfId(id)}.json`
}

/**
 * The case-folded id a stem names, or null when it names no id. Accepts the stems written
 * before names were folded (mixed case, or an unescaped reserved name on macOS/Linux).
 */
export function idOfFileStem(stem: string): string | null {
  if (stem.endsWith(RESERVED_MARK)) {
    const id = stem.slice(0, -RESERVED_MARK.length)
    return WINDOWS_RESERVED.test(id) ? id : null
  }
  return SAFE_ID.test(stem) ? idKey(stem) : null
}

/**
 * The names a deal's file may have, in the order to try: the current rule, then the raw id
 * a folder written before names were folded still uses (the app renames it on first open;
 * read-only tools such as the CLI read it where it is).
 */
export function dealFileCandidates(id: string): string[] {
  return [...new Set([fileNameOfId(id), `${id}.json`])]
}

/** A file name in `deals/` that can be a deal file (current or earlier naming). */
export const DEAL_FILE_NAME = /^[A-Za-z0-9_-]{1,64}~?\.json$/
