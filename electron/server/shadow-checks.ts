import * as Y from 'yjs'
import { changesWhile, IncrementalValidator, MAX_UPDATE_BYTES, uncoveredTargets, type IncrementalCheck, type UpdateChanges } from '@shared/collab'

/**
 * The server's check of an incoming update (docs/collaboration.md, "The server"): each served
 * document has a shadow copy, made on its first incoming update, that follows every change of
 * the document (clients', other nodes' through Redis, the store's load). An update is applied
 * to the shadow first and the shadow's state checked by an IncrementalValidator, so a check
 * costs what the update changed, not the deal's size. A refused update has reached the shadow
 * only: the shadow is dropped and made afresh from the document for the next one.
 *
 * A shadow is a second copy of the deal in memory, so only documents being edited keep one:
 * a document's first update (a share's seed, a lone edit) is checked in a throwaway copy, as
 * every update was before; a second one within `keepAfterMs` keeps its shadow, which is
 * dropped after `idleMs` without updates, and with its document.
 */
interface Shadow {
  doc: Y.Doc
  validator: IncrementalValidator
  /** The document's own updates are copied in, except the one the shadow already holds. */
  follow: (update: Uint8Array) => void
  applyingChecked: boolean
  onDestroy: () => void
  idle: ReturnType<typeof setTimeout> | null
}

export interface ShadowOptions {
  /** A second update within this time of the first keeps the document's shadow (ms). */
  keepAfterMs?: number
  /** A kept shadow with no update for this long is dropped (ms). */
  idleMs?: number
}

export type ShadowCheck = IncrementalCheck | { ok: false; reason: 'too-large' | 'malformed' | 'unlogged'; message: string; issues: [] }

export class ShadowChecks {
  private readonly shadows = new Map<Y.Doc, Shadow>()
  /** When each document without a kept shadow last had an update checked. */
  private readonly lastCheck = new WeakMap<Y.Doc, number>()
  private readonly keepAfterMs: number
  private readonly idleMs: number

  constructor(options: ShadowOptions = {}) {
    this.keepAfterMs = options.keepAfterMs ?? 60_000
    this.idleMs = options.idleMs ?? 120_000
  }

  /** Check `update` against `document`'s state; on success it is applied to `document` with `origin`. */
  checkAndApply(document: Y.Doc, update: Uint8Array, origin: unknown): ShadowCheck {
    if (update.byteLength > MAX_UPDATE_BYTES) return { ok: false, reason: 'too-large', message: `The update is larger than ${MAX_UPDATE_BYTES / 1024 / 1024} MB`, issues: [] }
    const now = Date.now()
    const keep = this.shadows.has(document) || now - (this.lastCheck.get(document) ?? -Infinity) <= this.keepAfterMs
    this.lastCheck.set(document, now)
    const shadow = this.shadowOf(document)
    let changes: UpdateChanges
    try {
      changes = changesWhile(shadow.doc, () => Y.applyUpdate(shadow.doc, update))
    } catch (error) {
      this.drop(document)
      return { ok: false, reason: 'malformed', message: `The update cannot be read: ${(error as Error).message}`, issues: [] }
    }
    const valid = shadow.validator.check()
    const checked = valid.ok ? logged(changes) : valid
    if (!checked.ok || !keep) {
      this.drop(document)
      if (!checked.ok) return checked
    } else this.keepAlive(document, shadow)
    shadow.applyingChecked = true
    try {
      Y.applyUpdate(document, update, origin)
    } finally {
      shadow.applyingChecked = false
    }
    return checked
  }

  private keepAlive(document: Y.Doc, shadow: Shadow): void {
    if (shadow.idle) clearTimeout(shadow.idle)
    shadow.idle = setTimeout(() => this.drop(document), this.idleMs)
    shadow.idle.unref?.()
  }

  /** Forget a document's shadow (the document was unloaded, or its shadow holds a refused update). */
  drop(document: Y.Doc): void {
    const shadow = this.shadows.get(document)
    if (!shadow) return
    this.shadows.delete(document)
    if (shadow.idle) clearTimeout(shadow.idle)
    document.off('update', shadow.follow)
    document.off('destroy', shadow.onDestroy)
    shadow.validator.destroy()
    shadow.doc.destroy()
  }

  get size(): number {
    return this.shadows.size
  }

  private shadowOf(document: Y.Doc): Shadow {
    const known = this.shadows.get(document)
    if (known) return known
    const doc = new Y.Doc({ gc: document.gc })
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(document))
    const shadow: Shadow = {
      doc,
      validator: new IncrementalValidator(doc),
      applyingChecked: false,
      idle: null,
      follow: (update) => {
        if (!shadow.applyingChecked) Y.applyUpdate(doc, update)
      },
      onDestroy: () => this.drop(document),
    }
    document.on('update', shadow.follow)
    document.on('destroy', shadow.onDestroy)
    this.shadows.set(document, shadow)
    return shadow
  }
}

/**
 * The update's own new log entries must name everything it changed (docs/collaboration.md,
 * "Authors are checked"), and it may delete no entry: otherwise "What changed" would credit
 * whoever else wrote that person, field or line. Read from the shadow's transaction, so only
 * what the update really changed counts (structs the document had are not integrated again,
 * a change inside a person deleted meanwhile changes nothing).
 */
function logged(changes: UpdateChanges): ShadowCheck {
  if (changes.deletesLogEntries) return { ok: false, reason: 'unlogged', message: 'The update deletes change log entries', issues: [] }
  const missing = uncoveredTargets(changes.targets, changes.entries)
  if (missing.length === 0) return { ok: true }
  return { ok: false, reason: 'unlogged', message: `The update changes ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''} without a change log entry of its own that names it`, issues: [] }
}
