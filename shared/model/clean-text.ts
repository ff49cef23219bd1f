import { xmlSafe } from '../xml'
import type { Deal } from './deal'
import type { Seller } from './seller'
import type { Stakeholder } from './stakeholder'

/**
 * What the user typed, pasted or imported, made fit to store: characters no file, deck or
 * image can hold (control characters, lone surrogates, U+FFFE/U+FFFF) are dropped rather
 * than refused, so an edit never fails for a character nobody can see. A single-line field
 * (a name, a title) turns tabs and line breaks into spaces; a multi-line one (notes) keeps
 * tabs and newlines and writes every line break as `\n`. A single-line field also loses
 * direction controls (marks, embeddings, overrides, isolates), as the CSV import drops them:
 * "Eve\u202E Stone" would read backwards on a card, in the deals list or inside a sentence
 * ("Trojan Source"), and a name needs none of them to show right to left. Never trims: this
 * runs on every keystroke, and "Jane " is on its way to "Jane Smith".
 */
export function cleanText(text: string, lines: 'single' | 'multi' = 'single'): string {
  const safe = xmlSafe(text)
  if (lines === 'multi') return safe.includes('\r') ? safe.replace(/\r\n?/g, '\n') : safe
  const plain = BIDI_TEST.test(safe) ? safe.replace(BIDI_CONTROLS, '') : safe
  return /[\t\n\r]/.test(plain) ? plain.replace(/\r\n|[\t\n\r]/g, ' ') : plain
}

const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g
const BIDI_TEST = new RegExp(BIDI_CONTROLS.source)

type Lines = 'single' | 'multi'

/** Which text fields of a stakeholder are one line and which are prose. */
const STAKEHOLDER_TEXT: Record<string, Lines> = { name: 'single', title: 'single', department: 'single', favoredCompetitor: 'single', notes: 'multi' }
const DEAL_TEXT: Record<string, Lines> = { name: 'single', customer: 'single', notes: 'multi' }

function cleanFields<T extends object>(value: T, fields: Record<string, Lines>): T {
  let out: Record<string, unknown> | undefined
  for (const [key, lines] of Object.entries(fields)) {
    const text = (value as Record<string, unknown>)[key]
    if (typeof text !== 'string') continue
    const clean = cleanText(text, lines)
    if (clean !== text) (out ??= { ...(value as Record<string, unknown>) })[key] = clean
  }
  return (out ?? value) as T
}

/** A stakeholder (or a patch of one) with every text field cleaned; the same object when nothing changed. */
export function cleanStakeholderText<T extends Partial<Stakeholder>>(s: T): T {
  let out = cleanFields(s, STAKEHOLDER_TEXT)
  if (out.contacts?.some((c) => cleanText(c.note, 'multi') !== c.note)) {
    out = { ...out, contacts: out.contacts.map((c) => ({ ...c, note: cleanText(c.note, 'multi') })) }
  }
  if (out.actions?.some((a) => cleanText(a.what) !== a.what)) {
    out = { ...out, actions: out.actions.map((a) => ({ ...a, what: cleanText(a.what) })) }
  }
  return out
}

/** A deal's own fields (or a patch of them) cleaned; stakeholders are cleaned by `cleanStakeholderText`. */
export function cleanDealText<T extends Partial<Deal>>(d: T): T {
  let out = cleanFields(d, DEAL_TEXT)
  if (out.competitors?.some((c) => cleanText(c) !== c)) out = { ...out, competitors: out.competitors.map((c) => cleanText(c)) }
  if (out.stakeholders?.some((s) => cleanStakeholderText(s) !== s)) out = { ...out, stakeholders: out.stakeholders.map(cleanStakeholderText) }
  return out
}

/** A seller's text fields cleaned (name and region one line, notes prose). */
export function cleanSellerText<T extends Partial<Seller>>(s: T): T {
  return cleanFields(s, { name: 'single', region: 'single', email: 'single', notes: 'multi' })
}
