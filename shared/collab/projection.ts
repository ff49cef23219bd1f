import * as Y from 'yjs'
import { DEAL_FORMAT, DEAL_VERSION, type Deal, type DealFile, type Link, type Seller, type Stakeholder, type TeamSeat } from '../model'
import { patchPerson, readLinks, readMeta, readPerson, readSellers, readTeam, sortedEntries } from './read'
import { ORDER_KEY, PERSON_LIST_KEYS, rootsOf, type DealRoots } from './schema'
import { personSellerIds, teamSellerIds } from './seller-refs'

type Listener = (file: DealFile, origin: unknown) => void

/**
 * The plain DealFile the UI, analysis and the JSON projection read, derived from the doc and
 * kept up to date from the doc's events: an edit to one person re-reads that person only,
 * every other person keeps its object (React and the analysis memos see "unchanged"). Lines,
 * seats, sellers and the deal's facts are re-read only when their root changed (lines also
 * when people came or went: a line to a deleted person is dropped, read.ts).
 */
export class DealProjection {
  private readonly roots: DealRoots
  private readonly persons = new Map<string, Stakeholder>()
  private order: string[] = []
  private stakeholders: Stakeholder[] = []
  private links: Link[] = []
  private team: TeamSeat[] = []
  private sellers: Seller[] = []
  private meta: Omit<Deal, 'stakeholders' | 'links' | 'team'>
  /** How many times each seller is named (people and seats): the roster is those above 0. */
  private readonly refCount = new Map<string, number>()
  private roster: Seller[] = []
  private rosterDirty = true
  private index = new Map<string, number>()
  private current: DealFile | undefined
  private readonly listeners = new Set<Listener>()
  private dirty = { people: new Set<string>(), membership: false, links: false, team: false, sellers: false, meta: false }
  /** Per dirty person, its lists (`contacts`, `actions`…) that changed or were set anew; the others are reused. */
  private dirtyLists = new Map<string, Set<string>>()
  /** Per dirty person, its plain keys that changed; null when the person was set anew, added or deleted. */
  private dirtyPlain = new Map<string, Set<string> | null>()
  private changed = false

  constructor(private readonly doc: Y.Doc) {
    this.roots = rootsOf(doc)
    this.meta = readMeta(this.roots.meta, undefined)
    for (const [id, m] of this.roots.people.entries()) {
      const p = readPerson(id, m, undefined)
      if (p) this.setPerson(id, p)
    }
    this.resort()
    this.links = readLinks(this.roots, undefined)
    this.setTeam(readTeam(this.roots.team, undefined))
    this.sellers = readSellers(this.roots.sellers, undefined)
    this.roots.people.observeDeep(this.onPeople)
    this.roots.meta.observe(this.onMeta)
    this.roots.links.observe(this.onLinks)
    this.roots.team.observe(this.onTeam)
    this.roots.sellers.observe(this.onSellers)
    doc.on('afterTransaction', this.onAfterTransaction)
  }

  private onPeople = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>): void => {
    for (const e of events) {
      if (e.target === this.roots.people) {
        this.dirty.membership = true
        // Added, deleted or set anew: none of its lists is reused.
        for (const key of (e as Y.YMapEvent<unknown>).keysChanged) this.markPerson(key, PERSON_LIST_KEYS, true)
      } else {
        const [id, key] = e.path
        if (typeof id !== 'string') continue
        // The person's own map: its changed keys (a list set anew is one). Deeper: the list it is in.
        if (key === undefined) {
          const keys = (e as Y.YMapEvent<unknown>).keysChanged
          this.markPerson(id, keys)
          // A new order number moves the person in the list: sorted again, as a fresh read sorts.
          if (keys.has(ORDER_KEY)) this.dirty.membership = true
        } else this.markPerson(id, [String(key)])
      }
    }
    this.changed = true
  }
  private markPerson(id: string, keys: Iterable<string>, whole = false): void {
    this.dirty.people.add(id)
    let lists = this.dirtyLists.get(id)
    if (!lists) this.dirtyLists.set(id, (lists = new Set()))
    let plain = this.dirtyPlain.get(id)
    if (whole) plain = null
    else if (plain === undefined) plain = new Set()
    this.dirtyPlain.set(id, plain)
    for (const k of keys) {
      if (PERSON_LIST_KEYS.has(k)) lists.add(k)
      else plain?.add(k)
    }
  }
  /**
   * `id` with only plain fields changed: its old object with those keys' new values (read.ts
   * `patchPerson`), or undefined when it must be read whole. A set-field or a move costs the
   * keys it wrote (bench row collab-edit-local-cost), not a re-read of the person.
   */
  private patched(id: string, m: Y.Map<unknown>): Stakeholder | undefined {
    const old = this.persons.get(id)
    const plain = this.dirtyPlain.get(id)
    if (!old || !plain || (this.dirtyLists.get(id)?.size ?? 0) > 0) return undefined
    return patchPerson(old, m, plain)
  }
  /**
   * The lists read last time for `id`'s lists that did not change (readPerson `unchanged`): a
   * set-field or a move re-reads the person's plain fields only, and its unchanged lists keep
   * their objects (bench row collab-edit-local-cost: about 7 % of an edit).
   */
  private unchangedLists(id: string): Map<string, unknown> | undefined {
    const old = this.persons.get(id) as Record<string, unknown> | undefined
    const changed = this.dirtyLists.get(id)
    if (!old || !changed || changed.size === PERSON_LIST_KEYS.size) return undefined
    const kept = new Map<string, unknown>()
    for (const k of PERSON_LIST_KEYS) if (!changed.has(k) && old[k] !== undefined) kept.set(k, old[k])
    return kept
  }
  private onMeta = (): void => void ((this.dirty.meta = true), (this.changed = true))
  private onLinks = (): void => void ((this.dirty.links = true), (this.changed = true))
  private onTeam = (): void => void ((this.dirty.team = true), (this.changed = true))
  private onSellers = (): void => void ((this.dirty.sellers = true), (this.changed = true))

  private onAfterTransaction = (tr: Y.Transaction): void => {
    if (!this.changed) return
    this.changed = false
    this.current = undefined
    if (this.listeners.size === 0) return
    const file = this.file()
    for (const l of this.listeners) l(file, tr.origin)
  }

  private count(ids: readonly string[], by: number): void {
    for (const id of ids) {
      const n = (this.refCount.get(id) ?? 0) + by
      if (n === 0) this.refCount.delete(id)
      else this.refCount.set(id, n)
      // Only a seller named for the first time or no longer named changes the roster.
      if (n === 0 || n === by) this.rosterDirty = true
    }
  }
  private setPerson(id: string, p: Stakeholder | undefined): void {
    const old = this.persons.get(id)
    if (old) this.count(personSellerIds(old), -1)
    if (p) {
      this.persons.set(id, p)
      this.count(personSellerIds(p), 1)
    } else this.persons.delete(id)
  }
  private setTeam(team: TeamSeat[]): void {
    this.count(teamSellerIds(this.team), -1)
    this.team = team
    this.count(teamSellerIds(team), 1)
  }

  private resort(): void {
    this.order = sortedEntries(this.roots.people).map(([id]) => id).filter((id) => this.persons.has(id))
    this.stakeholders = this.order.map((id) => this.persons.get(id)!)
    this.index = new Map(this.order.map((id, i) => [id, i]))
  }

  private refresh(): void {
    const d = this.dirty
    if (d.people.size > 0) {
      let replaced: Stakeholder[] | undefined
      for (const id of d.people) {
        const m = this.roots.people.get(id)
        const patch = m instanceof Y.Map ? this.patched(id, m) : undefined
        const p = patch ?? (m === undefined ? undefined : readPerson(id, m, undefined, this.unchangedLists(id)))
        // A patch changed no list, so no seller reference: the roster's counts stay.
        if (patch) this.persons.set(id, patch)
        else this.setPerson(id, p)
        if (!d.membership && p) {
          const i = this.index.get(id)
          if (i !== undefined) (replaced ??= this.stakeholders.slice())[i] = p
        }
      }
      if (replaced) this.stakeholders = replaced
    }
    if (d.membership) this.resort()
    if (d.links || d.membership) this.links = readLinks(this.roots, undefined)
    if (d.team) this.setTeam(readTeam(this.roots.team, undefined))
    if (d.sellers) {
      this.sellers = readSellers(this.roots.sellers, undefined)
      this.rosterDirty = true
    }
    if (d.meta) this.meta = readMeta(this.roots.meta, undefined)
    this.dirty = { people: new Set(), membership: false, links: false, team: false, sellers: false, meta: false }
    this.dirtyLists = new Map()
    this.dirtyPlain = new Map()
  }

  /** The deal and the sellers it references, as the deal file has them. */
  file(): DealFile {
    if (this.current) return this.current
    this.refresh()
    const deal = { ...this.meta, stakeholders: this.stakeholders, links: this.links, team: this.team } as Deal
    if (this.rosterDirty) {
      this.roster = this.sellers.filter((s) => this.refCount.has(s.id))
      this.rosterDirty = false
    }
    this.current = { format: DEAL_FORMAT, version: DEAL_VERSION, deal, roster: this.roster }
    return this.current
  }

  /**
   * One person as `file()` has them, found by id without walking the list (undefined: not on
   * the map): the direct writer (direct-apply.ts) checks a command against that person alone.
   */
  person(id: string): Stakeholder | undefined {
    this.file()
    return this.persons.get(id)
  }

  /** Called after every transaction that changed the deal, with that transaction's origin. Returns the unsubscribe. */
  onChange(cb: Listener): () => void {
    this.listeners.add(cb)
    return () => this.listeners.delete(cb)
  }

  destroy(): void {
    this.roots.people.unobserveDeep(this.onPeople)
    this.roots.meta.unobserve(this.onMeta)
    this.roots.links.unobserve(this.onLinks)
    this.roots.team.unobserve(this.onTeam)
    this.roots.sellers.unobserve(this.onSellers)
    this.doc.off('afterTransaction', this.onAfterTransaction)
    this.listeners.clear()
  }
}
