import type * as Y from 'yjs'
import { LIMITS } from '../model'
import { checkLinkEntry, checkMeta, checkPersonEntry, checkSellerEntry, checkTeam, linksPass, type LinkEntry, type PersonEntry, type SellerEntry } from './entry-checks'
import { ChangeEntrySchema } from './log'
import { ROOT, rootsOf, type DealRoots } from './schema'
import { TouchedParts, type Touched } from './touched-parts'
import { checkDocFrame, MAX_LOG_ENTRIES, validateDocState, type StateCheck } from './validate'

export type IncrementalCheck = { ok: true } | Extract<StateCheck, { ok: false }>

/**
 * `validateDocState(doc, { ignorePending: true })`, at the cost of what changed since the
 * last check (docs/collaboration.md, "Checking remote state"). The doc is the one updates
 * arrive in (the client's wire doc, the server's shadow of a document): the update is applied
 * to it, then `check()` says whether the state it now holds is one the whole check accepts.
 *
 * Every entry's verdict is kept (each person, line, seller; the team, the deal's facts, the
 * log); a check re-reads only the entries the transactions since the last check touched
 * (TouchedParts), then runs the cross-entry rules over the kept verdicts: lines to people the
 * doc has, the sellers the deal names in its roster, the caps. The doc's frame (roots, their
 * types, the version) is checked whole every time; it is small. The first check reads all.
 *
 * Sound by construction: it says ok only when every part the whole check reads passes the
 * same reader and schema (entry-checks.ts). Whenever it finds a problem, the whole check runs
 * and its answer is returned, so a refusal's reason, words and issues are exactly
 * validateDocState's (tests/unit/collab/incremental-validator.test.ts compares the two).
 */
export class IncrementalValidator {
  private readonly touched: TouchedParts
  private cold = true
  private readonly people = new Map<string, PersonEntry>()
  private badPeople = 0
  /** Seller id → how many people name it. */
  private readonly sellerMentions = new Map<string, number>()
  private readonly links = new Map<string, LinkEntry>()
  private linksOk = false
  private readonly sellers = new Map<string, SellerEntry>()
  private badSellerReads = 0
  private team: { ok: boolean; sellers: readonly string[] } = { ok: false, sellers: [] }
  private metaOk = false
  private logOk = false

  constructor(private readonly doc: Y.Doc) {
    this.touched = new TouchedParts(doc)
  }

  check(): IncrementalCheck {
    const touched = this.touched.take()
    const frame = checkDocFrame(this.doc, { ignorePending: true })
    if (frame) return frame.ok ? { ok: true } : frame
    let fast: boolean
    try {
      fast = this.update(rootsOf(this.doc), touched)
    } catch (error) {
      // Verdicts half brought up to date are not trusted: the next check reads everything.
      this.cold = true
      throw error
    }
    if (fast) return { ok: true }
    const whole = validateDocState(this.doc, { ignorePending: true })
    return whole.ok ? { ok: true } : whole
  }

  destroy(): void {
    this.touched.destroy()
  }

  /** Bring the verdicts up to date; true when every part passes. */
  private update(roots: DealRoots, touched: Touched): boolean {
    const cold = this.cold
    if (cold) this.forget()
    this.cold = false
    const keysOf = (root: string, map: Y.Map<unknown>): Iterable<string> => (cold ? map.keys() : (touched.keys.get(root) ?? []))
    const touchedRoot = (root: string) => cold || touched.keys.has(root)

    for (const id of keysOf(ROOT.people, roots.people as Y.Map<unknown>)) this.setPerson(id, roots.people.has(id) ? checkPersonEntry(id, roots.people.get(id)) : null)

    if (touchedRoot(ROOT.links)) {
      for (const key of keysOf(ROOT.links, roots.links as Y.Map<unknown>)) {
        if (roots.links.has(key)) this.links.set(key, checkLinkEntry(key, roots.links.get(key)))
        else this.links.delete(key)
      }
    }
    // A person added or deleted changes which lines point at someone and which are dropped.
    if (touchedRoot(ROOT.links) || cold || touched.entriesOf.has(ROOT.people)) this.linksOk = linksPass(this.links, roots.people)

    if (touchedRoot(ROOT.sellers)) {
      for (const key of keysOf(ROOT.sellers, roots.sellers as Y.Map<unknown>)) this.setSeller(key, roots.sellers.has(key) ? checkSellerEntry(key, roots.sellers.get(key)) : null)
    }
    if (touchedRoot(ROOT.team)) this.team = checkTeam(roots.team)
    if (touchedRoot(ROOT.meta)) this.metaOk = checkMeta(roots.meta)
    // Entries never change in place: once all passed, only the new ones need reading.
    const wholeLog = cold || !this.logOk
    if (cold || touched.logChanged) this.logOk = this.checkLog(roots.log, wholeLog ? null : touched.newLogValues)

    return this.badPeople === 0 && roots.people.size <= LIMITS.stakeholders && this.linksOk && this.team.ok && this.metaOk && this.logOk && this.rosterOk()
  }

  private forget(): void {
    this.people.clear()
    this.badPeople = 0
    this.sellerMentions.clear()
    this.links.clear()
    this.sellers.clear()
    this.badSellerReads = 0
  }

  private setPerson(id: string, entry: PersonEntry | null): void {
    const before = this.people.get(id)
    if (before) {
      if (!before.ok) this.badPeople--
      for (const s of before.sellers) {
        const n = this.sellerMentions.get(s)! - 1
        if (n === 0) this.sellerMentions.delete(s)
        else this.sellerMentions.set(s, n)
      }
    }
    if (!entry) {
      this.people.delete(id)
      return
    }
    this.people.set(id, entry)
    if (!entry.ok) this.badPeople++
    for (const s of entry.sellers) this.sellerMentions.set(s, (this.sellerMentions.get(s) ?? 0) + 1)
  }

  private setSeller(key: string, entry: SellerEntry | null): void {
    const before = this.sellers.get(key)
    if (before && !before.readOk) this.badSellerReads--
    if (!entry) {
      this.sellers.delete(key)
      return
    }
    this.sellers.set(key, entry)
    if (!entry.readOk) this.badSellerReads++
  }

  /** Every seller the deal names is in the doc's sellers, valid; every seller entry reads; the roster's cap. */
  private rosterOk(): boolean {
    if (this.badSellerReads > 0) return false
    const named = new Set([...this.sellerMentions.keys(), ...this.team.sellers])
    if (named.size > LIMITS.roster) return false
    for (const id of named) if (this.sellers.get(id)?.schemaOk !== true) return false
    return true
  }

  /** `values` null: every entry; else only the new ones (the others passed before). */
  private checkLog(log: DealRoots['log'], values: unknown[] | null): boolean {
    if (log.length > MAX_LOG_ENTRIES) return false
    let ok = true
    const one = (entry: unknown) => {
      if (ok && !ChangeEntrySchema.safeParse(entry).success) ok = false
    }
    if (values === null) log.forEach(one)
    else values.forEach(one)
    return ok
  }
}
