import { z } from 'zod'
import { DealSchema, type Deal, type Link } from './deal'
import { DealFileSchema, checkDealFileValue, readDealFileText, toDealFile, type DealFile, type ParseResult } from './deal-file'
import { dealReferenceIssues, referencedSellerIds, teamReferenceIssues } from './references'
import { rosterResolves, type RosterCheck } from './roster-check'
import type { Seller } from './seller'
import { StakeholderSchema, type Stakeholder } from './stakeholder'
import { joinBytes } from '../bytes'
import { boundedSafeParse, collectSchemaIssues, IssueSink } from './bounded-issues'
import { AcceptedPeople, DealChangesEnvelope, rebuildDeal } from './deal-changes'
import { DealFileBytes, type Derived } from './deal-file-bytes'
import { deepFreeze, sameData } from './same-data'
import { rederive } from './by-position'
import { checkChangedPerson } from './changed-person'
import { DealShellSchema, deepFreezeFields, LinksSchema, sameShell, UpdatedAtSchema, type DealShell } from './deal-shell'

/**
 * Incremental validation for autosave. Every save of a 1 MB deal used to run the whole zod
 * schema twice (IPC, then store: ~8 ms each), though a save usually changes one person. Now
 * a deal is validated once, at the IPC boundary, by the validator its deal store owns (one
 * per store, so two stores never share what they remember); what it accepts is branded
 * `ValidDeal`, the only kind of deal the store takes.
 * Here each stakeholder is validated once: a validated stakeholder is deep-frozen and
 * remembered per deal by id, and a later stakeholder that is the very same frozen object, or
 * is structurally identical to the remembered one (same keys, same primitive values, plain
 * objects and arrays only), is replaced by the remembered validated object instead of being
 * parsed again. Anything else goes through `StakeholderSchema`. The rest of the deal (its own
 * fields, lines, team, roster) is checked on every call. Cross-references too, except what
 * cannot have changed: when the people's ids (in order) and the validated line list are the
 * ones last accepted for this deal, only the team's seats are checked; seller mentions are
 * looked up only for people not seen before with the same roster ids (roster-check.ts).
 *
 * Soundness: a stakeholder's validity depends on its value alone (references are checked on
 * the whole), and what flows on is always a validated object, never the caller's. Any
 * failure falls back to the full schema, so error messages and paths are the schema's own
 * (at most `MAX_ISSUES` of them: a hostile deal must not make main build millions).
 */

/** The file's envelope and roster with the deal unchecked (checked by `checkDeal`). */
const FileShellSchema = z.strictObject({ ...DealFileSchema.shape, deal: z.unknown() })

interface Remembered {
  /** Names this accepted version: the page sends changes against it (deal-changes.ts). */
  revision: string
  /** Its validated people in order (unique ids, every line's ends among them); the next version's unchanged people are these very objects. */
  people: AcceptedPeople
  links: readonly Link[]
  roster?: RosterCheck
  /** When this version was read from a deal file: that text and what it parsed to (frozen). */
  read?: { text: string; result: ParseResult<ValidDealFile> & { ok: true } }
  /** The deal's own fields as checked (frozen): the next version's are these when unchanged. */
  shell?: DealShell
  /** The roster of this deal's last file, checked (frozen). */
  sellers?: readonly Seller[]
}

export type Checked<T> = { ok: true; value: T } | { ok: false; error: z.ZodError }
/** `checkChanges`: the deal, refused, or `stale` (made from a version this validator does not hold). */
export type CheckedChanges = Checked<ValidDeal> | { ok: false; stale: true }

/** A prefix per validator (per process), so a revision from a former run never names one of this run. */
const runId = () => Math.random().toString(36).slice(2, 10)

declare const validBrand: unique symbol
/**
 * A deal a `DealValidator` accepted. Only the validator makes one (the brand exists in types
 * alone), so code that takes a `ValidDeal`, the deal store above all, cannot be handed a deal
 * nobody checked, and need not check it again.
 */
export type ValidDeal = Deal & { readonly [validBrand]: true }
/** A deal file a `DealValidator` accepted: its deal, its roster and their references. */
export type ValidDealFile = DealFile & { readonly deal: ValidDeal; readonly [validBrand]: true }

/** How many deals keep their validated stakeholders (the open deal, plus a few switched from). */
const DEALS_REMEMBERED = 8

export class DealValidator {
  /** Validated, frozen stakeholders and line lists → their bytes in the deal file (made on first need). */
  private readonly validated = new WeakMap<object, Uint8Array | null>()
  /** Validated, frozen stakeholders → the seller ids they mention (`referencedSellers`). */
  private readonly sellersOfPerson = new WeakMap<object, readonly string[]>()
  /** Per remembered deal id: what its last file was built from, position by position (by-position.ts). */
  private readonly derived = new Map<string, Derived>()
  /** Per deal id (least recently used first): its latest validated stakeholders (by id) and lines. */
  private readonly byDeal = new Map<string, Remembered>()
  /** The deal file's text, made from what is remembered here (deal-file-bytes.ts). */
  private readonly bytes = new DealFileBytes(this.validated, (dealId) => (this.byDeal.has(dealId) ? this.derivedOf(dealId) : undefined))
  private readonly run = runId()
  private revisions = 0

  /** Accepted deals → the revision they were accepted as (asked for after awaits, when newer ones may exist). */
  private readonly revisionOfDeal = new WeakMap<object, string>()

  /**
   * The revision `deal` (a deal this validator accepted or read, the very object) was accepted
   * as: what the page sends its next changes against. Null for any other object.
   */
  revisionFor(deal: Deal): string | null {
    return this.revisionOfDeal.get(deal) ?? null
  }

  /**
   * An autosave's changes (deal-changes.ts), applied to the version they were made from and
   * validated as a whole deal; `stale` when that version is not the one this validator last
   * accepted for the deal (the page then sends the whole deal).
   */
  checkChanges(value: unknown): CheckedChanges {
    const envelope = DealChangesEnvelope.safeParse(value)
    if (!envelope.success) return { ok: false, error: envelope.error }
    const rebuilt = rebuildDeal(envelope.data, this.byDeal.get(envelope.data.deal.id))
    if (rebuilt.kind === 'stale') return { ok: false, stale: true }
    if (rebuilt.kind === 'malformed') return { ok: false, error: new z.ZodError([{ code: 'custom', path: ['changed'], message: rebuilt.message, input: undefined }]) }
    return this.checkDeal(rebuilt.value)
  }

  /** A deal, validated as `DealSchema` would; the value returned is the one to use. */
  checkDeal(value: unknown): Checked<ValidDeal> {
    const fast = this.fastDeal(value)
    if (fast) return { ok: true, value: fast as ValidDeal }
    return fromZod(boundedSafeParse(DealSchema, value)) as Checked<ValidDeal>
  }

  /** A deal file, validated as `DealFileSchema` would; the value returned is the one to use. */
  checkDealFile(value: unknown): Checked<ValidDealFile> {
    const shell = FileShellSchema.safeParse(value)
    const deal = shell.success ? this.fastDeal(shell.data.deal) : null
    if (shell.success && deal) {
      const file = this.withRoster({ ...shell.data, deal } as DealFile)
      if (file) return { ok: true, value: file }
    }
    return fromZod(boundedSafeParse(DealFileSchema, value)) as Checked<ValidDealFile>
  }

  /**
   * The file of a deal this validator accepted, with the sellers it mentions. Only what the
   * deal does not already vouch for is checked: the envelope, the roster and the seller
   * references (for people not seen before with these roster ids). The deal is not validated
   * again; that is what lets a save validate its deal once, at the IPC boundary.
   */
  fileOf(deal: ValidDeal, roster: readonly Seller[]): Checked<ValidDealFile> {
    const file = toDealFile(deal, roster, this.referencedSellers(deal))
    // The envelope is toDealFile's own; the roster, when the same data as the one checked for
    // this deal last, is that checked array (docs/performance.md, "Save, part 5").
    const remembered = this.byDeal.get(deal.id)
    const same = remembered?.sellers !== undefined && sameData(file.roster, remembered.sellers)
    const shell = same ? { success: true as const, data: { ...file, roster: remembered.sellers! } } : FileShellSchema.safeParse(file)
    const checked = shell.success ? this.withRoster({ ...shell.data, deal } as DealFile) : null
    if (checked && remembered) remembered.sellers = deepFreeze(checked.roster)
    return checked ? { ok: true, value: checked } : this.checkDealFile(file)
  }

  /** `deal` as saved at `updatedAt` (an ISO date-time, checked): the one field main sets on a valid deal. */
  stamped(deal: ValidDeal, updatedAt: string): ValidDeal {
    const at = UpdatedAtSchema.safeParse(updatedAt)
    if (!at.success) throw new Error(`Not an ISO date-time: ${updatedAt}`)
    return { ...deal, updatedAt: at.data }
  }

  /**
   * Parse a deal file's text (`parseDealFile`: size cap, JSON, format, version, schema) and
   * remember what it holds, so the first save after opening it does not validate every
   * stakeholder again.
   */
  parseFileText(text: string): ParseResult<ValidDealFile> {
    const known = this.readBefore(text)
    if (known) return known
    const read = readDealFileText(text)
    if (!read.ok) return read
    // Each part checked once (as an import is): the schema's bounded pass and then its full
    // parse checked every person twice. A file with any problem goes the schema's way, for
    // its messages.
    const fast = this.fastFile(read.value)
    if (fast) {
      const result = { ok: true as const, value: deepFreeze(fast), ...(read.migratedFrom !== undefined ? { migratedFrom: read.migratedFrom } : {}) }
      // fastDeal remembered this version; it was read from `text`.
      this.byDeal.get(fast.deal.id)!.read = { text, result }
      return result
    }
    const parsed = checkDealFileValue(read.value, read.migratedFrom)
    if (!parsed.ok) return parsed
    const result = parsed as ParseResult<ValidDealFile> & { ok: true }
    // Frozen whole: every later read of the same text shares it.
    deepFreeze(result.value)
    this.rememberValidated(result.value.deal, { text, result })
    return result
  }

  /**
   * What `text` parsed to when this validator last read it, if that read is still the latest
   * version it accepted of that deal: the same characters are the same valid file, so the
   * deals list, the open and the account sync validate an unchanged file once
   * (docs/performance.md, "Open, part 2"). Its revision stays, so the page's changes made
   * against it are not stale. A save since (a newer version) or any other text: parsed.
   */
  private readBefore(text: string): (ParseResult<ValidDealFile> & { ok: true }) | null {
    for (const known of this.byDeal.values()) {
      if (known.read && known.read.text.length === text.length && known.read.text === text) return known.read.result
    }
    return null
  }

  /**
   * A deal file read from disk, checked as `checkDealFile` checks an import, with a bounded
   * look first wherever a hostile file could hold many problems (the envelope and roster, the
   * deal's own fields, the lines; each person is parsed alone, and the first bad one stops
   * it): zod builds an issue object for every problem it finds. Null at the first problem.
   */
  private fastFile(raw: Record<string, unknown>): ValidDealFile | null {
    if (!clean(FileShellSchema, raw)) return null
    const shell = FileShellSchema.safeParse(raw)
    if (!shell.success) return null
    const value = shell.data.deal as Record<string, unknown> | null
    if (!clean(DealShellSchema, value) || !clean(LinksSchema, value?.links)) return null
    const deal = this.fastDeal(value)
    return deal ? this.withRoster({ ...shell.data, deal } as DealFile) : null
  }

  /** The file when its roster resolves every seller it mentions (incrementally, see roster-check.ts). */
  private withRoster(file: DealFile): ValidDealFile | null {
    const remembered = this.byDeal.get(file.deal.id)
    const roster = rosterResolves(file, remembered?.roster)
    if (!roster) return null
    if (remembered) remembered.roster = roster
    return file as ValidDealFile
  }

  /** Seed the cache with a deal just validated by the full schema (a file read from disk). */
  private rememberValidated(deal: Deal, read?: Remembered['read']): void {
    for (const s of deal.stakeholders) this.markValidated(s)
    this.revisionOfDeal.set(deal, this.rememberDeal(deal.id, { revision: '', people: new AcceptedPeople(deal.stakeholders), links: this.markValidated(deal.links), read }))
  }

  /**
   * The deal file's bytes: exactly `JSON.stringify(file, null, 2) + '\n'` in UTF-8, built
   * from each validated stakeholder's text, made once per stakeholder version (deal-file-bytes.ts).
   */
  fileBytes(file: DealFile): Uint8Array {
    return joinBytes(this.bytes.filePieces(file))
  }

  /** `fileBytes` in pieces, in order, for a gathered write (no 1 MB copy per save). */
  filePieces(file: DealFile): Uint8Array[] {
    return this.bytes.filePieces(file)
  }

  private fastDeal(value: unknown): Deal | null {
    const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined
    const known = typeof id === 'string' ? this.byDeal.get(id) : undefined
    const shell = this.shellOf(value, known)
    if (!shell) return null
    const previous = known ?? this.byDeal.get(shell.id)
    const items = shell.stakeholders
    const before = previous?.people.list
    // Same ids in the same order as the version accepted last; positions holding the very
    // object accepted there need no lookup at all (by-position.ts).
    let sameIds = before !== undefined && before.length === items.length
    const people: Stakeholder[] = new Array(items.length)
    for (let i = 0; i < items.length; i++) {
      if (sameIds && items[i] === before![i]) {
        people[i] = before![i]
        continue
      }
      const person = this.stakeholder(items[i], i, previous?.people)
      if (!person) return null
      if (sameIds && person.id !== before![i].id) sameIds = false
      people[i] = person
    }
    const links = this.links(shell.links, previous?.links)
    if (!links) return null
    const deal = { ...shell, stakeholders: people, links } as Deal
    // Same ids in the same order and the same validated lines: ids are unique and every line
    // joins two existing people, as last time; only the team can have changed.
    const unchanged = sameIds && links === previous!.links
    if ((unchanged ? teamReferenceIssues(deal.team) : dealReferenceIssues(deal)).length > 0) return null
    this.revisionOfDeal.set(deal, this.rememberDeal(deal.id, { revision: '', people: new AcceptedPeople(people), links, roster: previous?.roster, sellers: previous?.sellers, shell: deepFreezeFields(shell) }))
    return deal
  }

  /**
   * The deal's own fields, checked: the values of the version accepted last when each is the
   * same data (only \`updatedAt\`, the save's stamp, may differ; it is checked alone), so an
   * autosave that moved a card neither parses nor copies them (docs/performance.md, "Save,
   * part 5"); else the shell schema's parse. Keys keep the order the schema gave them.
   */
  private shellOf(value: unknown, previous: Remembered | undefined): DealShell | null {
    const known = previous?.shell
    if (known && typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
      const same = sameShell(value as Record<string, unknown>, known)
      if (same) return same
    }
    const parsed = DealShellSchema.safeParse(value)
    return parsed.success ? parsed.data : null
  }

  /** A validated stakeholder for `item`: reused when unchanged, else parsed and frozen. */
  private stakeholder(item: unknown, at: number, previous: AcceptedPeople | undefined): Stakeholder | null {
    if (typeof item !== 'object' || item === null) return null
    if (this.validated.has(item)) return item as Stakeholder
    const id = (item as { id?: unknown }).id
    const before = typeof id === 'string' ? previous?.find(id, at) : undefined
    const changed = before ? checkChangedPerson(item, before) : null
    if (changed) return changed === before ? before : this.markValidated(changed)
    const parsed = StakeholderSchema.safeParse(item)
    return parsed.success ? this.markValidated(parsed.data) : null
  }

  /** The deal's lines: the remembered validated list when unchanged, else parsed and frozen. */
  private links(items: unknown[], previous: readonly Link[] | undefined): Link[] | null {
    if (this.validated.has(items)) return items as Link[]
    if (previous && sameData(items, previous)) return previous as Link[]
    const parsed = LinksSchema.safeParse(items)
    return parsed.success ? this.markValidated(parsed.data) : null
  }

  /**
   * The sellers `deal` mentions (`referencedSellerIds`), each validated person's read once per
   * version of that person: an autosave walked every person's lists for them (0.7 ms per 1 MB
   * save, docs/performance.md "Save, part 5"). A validated person is deep-frozen, so what it
   * mentions cannot change under the memo.
   */
  private referencedSellers(deal: ValidDeal): Set<string> {
    const last = this.derived.get(deal.id)?.sellers
    const now = rederive(last?.mentions, deal.stakeholders, (person) => this.mentionsOf(person))
    let counts: Map<string, number>
    if (last && now.changed.length < deal.stakeholders.length) {
      counts = new Map(last.counts)
      for (const { index, before } of now.changed) {
        for (const id of before ?? []) counts.set(id, counts.get(id)! - 1)
        for (const id of now.values[index]) counts.set(id, (counts.get(id) ?? 0) + 1)
      }
    } else {
      counts = new Map()
      for (const mentions of now.values) for (const id of mentions) counts.set(id, (counts.get(id) ?? 0) + 1)
    }
    if (this.byDeal.has(deal.id)) this.derivedOf(deal.id).sellers = { mentions: now, counts }
    const ids = referencedSellerIds({ team: deal.team })
    for (const [id, n] of counts) if (n > 0) ids.add(id)
    return ids
  }

  /** The seller ids a validated person mentions, read once per version of that person. */
  private mentionsOf(person: Stakeholder): readonly string[] {
    let mentions = this.sellersOfPerson.get(person)
    if (!mentions) this.sellersOfPerson.set(person, (mentions = [...referencedSellerIds({ stakeholders: [person] })]))
    return mentions
  }

  private derivedOf(dealId: string): Derived {
    let derived = this.derived.get(dealId)
    if (!derived) this.derived.set(dealId, (derived = {}))
    return derived
  }

  private markValidated<T extends object>(value: T): T {
    deepFreeze(value)
    if (!this.validated.has(value)) this.validated.set(value, null)
    return value
  }

  /** Every accepted version gets a new revision: changes made from an older one are stale. */
  private rememberDeal(id: string, known: Remembered): string {
    known.revision = `${this.run}-${++this.revisions}`
    this.byDeal.delete(id)
    this.byDeal.set(id, known)
    while (this.byDeal.size > DEALS_REMEMBERED) {
      const oldest = this.byDeal.keys().next().value!
      this.byDeal.delete(oldest)
      this.derived.delete(oldest)
    }
    return known.revision
  }
}

/** True when the bounded pass finds no problem at all in `value` (it stops at the first). */
function clean(schema: z.ZodType, value: unknown): boolean {
  const sink = new IssueSink(1)
  collectSchemaIssues(schema, value, sink)
  return sink.issues.length === 0
}

function fromZod<T>(result: { success: true; data: T } | { success: false; error: z.ZodError }): Checked<T> {
  return result.success ? { ok: true, value: result.data } : { ok: false, error: result.error }
}
