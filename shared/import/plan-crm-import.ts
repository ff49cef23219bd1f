import { CARD_SIZE } from '../card-size'
import { cleanText, LIMITS, newId, newStakeholder, type Deal, type Link, type Position, type Stakeholder } from '../model'
import { PLACEMENT_GAP } from '../placement'
import { xmlSafe } from '../xml'
import { reportsToDepths } from '../reports-to'
import type { CrmField, CrmMapping } from './crm-columns'
import type { CrmRow } from './crm-csv'

export type BadRowReason = 'missing-name' | 'too-long' | 'duplicate-in-file' | 'already-on-map' | 'over-limit' | 'formula'
export type LinkWarningReason = 'manager-not-found' | 'manager-ambiguous' | 'manager-is-self'

export interface BadRow {
  row: number
  reason: BadRowReason
  /** The value at fault (a name, a column), for the message. */
  detail?: string
}
export interface LinkWarning {
  row: number
  reason: LinkWarningReason
  detail: string
}

export interface CrmImportPlan {
  stakeholders: Stakeholder[]
  /** Reports-to lines, from the employee to the manager. */
  links: Link[]
  /** Rows that will not be imported, with why. */
  badRows: BadRow[]
  /** Rows imported without their reports-to line, with why. */
  linkWarnings: LinkWarning[]
  /** How many rows had invisible characters (control characters, right-to-left overrides) removed. */
  cleanedRows: number
}

/**
 * Direction controls (marks, embeddings, overrides, isolates) make text read differently from
 * what it holds ("Trojan Source"): a name needs none of them to show right to left.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g
const BIDI_TEST = new RegExp(BIDI_CONTROLS.source)
/**
 * A cell a spreadsheet would run as a formula (=HYPERLINK(…), +CMD(…), @SUM(…)) or as a DDE
 * link (+cmd|' /C calc'!A0), not a person's words. Tested on the NFKC form, because a
 * Chinese or Japanese spreadsheet reads a full-width "＝" or "＋" as the sign it stands for.
 */
const FORMULA = /^=|^[+\-@]\s*[A-Za-z_][\w.]*\s*[(|!]/
const looksLikeFormula = (v: string) => v !== '' && FORMULA.test(v.normalize('NFKC'))

interface Candidate {
  row: number
  person: Stakeholder
  email: string
  crmId: string
  reportsTo: string
  reportsToEmail: string
  reportsToId: string
}

const COLUMNS_PER_ROW = 8
/** How often a long plan says how far it got (rows). */
const PROGRESS_EVERY = 1000

/** How far a plan got: rows checked out of all rows. */
export interface PlanProgress {
  done: number
  total: number
}

/**
 * Turn mapped CSV rows into new stakeholders and reports-to lines for `existing`, without
 * touching it. The caller shows the plan and commits it as one command, so an import is all
 * or nothing: bad rows are listed and left out before anything is written.
 */
export function planCrmImport(
  rows: readonly CrmRow[],
  mapping: CrmMapping,
  existing: Deal,
  makeId: () => string = newId,
  onProgress?: (progress: PlanProgress) => void,
): CrmImportPlan {
  const badRows: BadRow[] = []
  const accepted: Candidate[] = []
  const onMap = new Set(existing.stakeholders.map((s) => nameKey(s.name)))
  const seenEmail = new Set<string>()
  const seenNameWithoutEmail = new Set<string>()
  const room = LIMITS.stakeholders - existing.stakeholders.length

  let checked = 0
  let cleanedRows = 0
  for (const { row, cells } of rows) {
    if (onProgress && checked++ % PROGRESS_EVERY === 0) onProgress({ done: checked - 1, total: rows.length })
    let cleaned = false
    const cell = (field: CrmField): string => {
      const index = mapping[field]
      if (index === undefined) return ''
      const raw = cells[index] ?? ''
      if (raw === '') return ''
      // Cleaned as typed text is: a CRM export's stray control character is dropped, and
      // only notes keep their line breaks. Direction controls go too, and the preview says so.
      const text = cleanText(raw, field === 'notes' ? 'multi' : 'single')
      const safe = BIDI_TEST.test(text) ? text.replace(BIDI_CONTROLS, '') : text
      if (xmlSafe(raw) !== raw || BIDI_TEST.test(raw)) cleaned = true
      return safe.trim()
    }
    const [first, last, full, title, department, reportsTo] = (['firstName', 'lastName', 'fullName', 'title', 'department', 'reportsTo'] as const).map(cell)
    const formula = [first, last, full, title, department, reportsTo].find(looksLikeFormula)
    if (cleaned) cleanedRows++
    if (formula !== undefined) { badRows.push({ row, reason: 'formula', detail: formula.length > 40 ? `${formula.slice(0, 39)}…` : formula }); continue }
    const name = personName(first, last, full)
    if (!name) { badRows.push({ row, reason: 'missing-name' }); continue }
    const tooLong = title.length > LIMITS.shortText ? 'title' : department.length > LIMITS.shortText ? 'department' : undefined
    if (name.length > LIMITS.shortText || tooLong) { badRows.push({ row, reason: 'too-long', detail: tooLong ?? 'name' }); continue }
    const email = cell('email').toLowerCase()
    const key = nameKey(name)
    if (email ? seenEmail.has(email) : seenNameWithoutEmail.has(key)) {
      badRows.push({ row, reason: 'duplicate-in-file', detail: name }); continue
    }
    if (onMap.has(key)) { badRows.push({ row, reason: 'already-on-map', detail: name }); continue }
    if (accepted.length >= room) { badRows.push({ row, reason: 'over-limit' }); continue }
    if (email) seenEmail.add(email)
    else seenNameWithoutEmail.add(key)
    const notes = [cell('notes'), email && `Email: ${cell('email')}`, cell('phone') && `Phone: ${cell('phone')}`]
      .filter(Boolean).join('\n').slice(0, LIMITS.longText)
    accepted.push({
      row,
      person: newStakeholder({ id: makeId(), name, title, department, notes, position: { x: 0, y: 0 } }),
      email,
      crmId: cell('crmId'),
      reportsTo,
      reportsToEmail: cell('reportsToEmail').toLowerCase(),
      reportsToId: cell('reportsToId'),
    })
  }

  const { links, linkWarnings } = resolveManagers(accepted, existing, makeId)
  const stakeholders = layOutBelow(existing, accepted.map((c) => c.person), links)
  onProgress?.({ done: rows.length, total: rows.length })
  return { stakeholders, links, badRows, linkWarnings, cleanedRows }
}

/** Western exports split first/last; a Chinese name is written family name first, no space. */
function personName(first: string, last: string, full: string): string {
  if (first || last) {
    const cjk = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u
    return cjk.test(first + last) ? `${last}${first}` : [first, last].filter(Boolean).join(' ')
  }
  return full.replace(/\s+/g, ' ').trim()
}

function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()
}

function resolveManagers(people: readonly Candidate[], existing: Deal, makeId: () => string): { links: Link[]; linkWarnings: LinkWarning[] } {
  const byCrmId = groupBy(people.filter((p) => p.crmId), (p) => p.crmId)
  const byEmail = groupBy(people.filter((p) => p.email), (p) => p.email)
  const byName = groupBy(people, (p) => nameKey(p.person.name))
  const existingByName = groupBy(existing.stakeholders, (s) => nameKey(s.name))
  const links: Link[] = []
  const linkWarnings: LinkWarning[] = []

  for (const p of people) {
    const emailRef = p.reportsToEmail || (p.reportsTo.includes('@') ? p.reportsTo.toLowerCase() : '')
    const ref = p.reportsToId || emailRef || p.reportsTo
    if (!ref) continue
    let matches: string[]
    if (p.reportsToId) matches = (byCrmId.get(p.reportsToId) ?? []).map((m) => m.person.id)
    else if (emailRef) matches = (byEmail.get(emailRef) ?? []).map((m) => m.person.id)
    else {
      const key = nameKey(p.reportsTo)
      matches = (byName.get(key) ?? []).map((m) => m.person.id)
      if (matches.length === 0) matches = (existingByName.get(key) ?? []).map((s) => s.id)
    }
    const detail = p.reportsTo || p.reportsToEmail || p.reportsToId
    if (matches.length === 0) linkWarnings.push({ row: p.row, reason: 'manager-not-found', detail })
    else if (matches.length > 1) linkWarnings.push({ row: p.row, reason: 'manager-ambiguous', detail })
    else if (matches[0] === p.person.id) linkWarnings.push({ row: p.row, reason: 'manager-is-self', detail })
    else links.push({ id: makeId(), from: p.person.id, to: matches[0], kind: 'reports-to' })
  }
  return { links, linkWarnings }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const list = map.get(k)
    if (list) list.push(item)
    else map.set(k, [item])
  }
  return map
}

/**
 * Place the new cards in a band below the existing map, one org-chart level per row (managers
 * above their reports), wrapping long levels, so nothing lands on an existing card.
 */
function layOutBelow(existing: Deal, people: readonly Stakeholder[], links: readonly Link[]): Stakeholder[] {
  if (people.length === 0) return []
  // Loops, not Math.min(...): spreading 20,000 arguments is close to the engine's limit.
  let left = Infinity
  let bottom = -Infinity
  for (const s of existing.stakeholders) {
    left = Math.min(left, s.position.x)
    bottom = Math.max(bottom, s.position.y + CARD_SIZE[s.influence].height)
  }
  if (existing.stakeholders.length === 0) [left, bottom] = [0, -PLACEMENT_GAP * 3]
  const top = bottom + PLACEMENT_GAP * 3
  const level = levelsFromLinks(people, links)
  const size = CARD_SIZE.medium
  const stepX = size.width + PLACEMENT_GAP
  const stepY = size.height + PLACEMENT_GAP * 2
  const byLevel = groupBy(people, (p) => String(level.get(p.id) ?? 0))
  const positions = new Map<string, Position>()
  let rowIndex = 0
  for (const depth of [...byLevel.keys()].map(Number).sort((a, b) => a - b)) {
    const members = byLevel.get(String(depth))!
    members.forEach((p, i) => {
      const column = i % COLUMNS_PER_ROW
      if (i > 0 && column === 0) rowIndex++
      positions.set(p.id, { x: left + column * stepX, y: top + rowIndex * stepY })
    })
    rowIndex++
  }
  return people.map((p) => ({ ...p, position: positions.get(p.id)! }))
}

/** Depth in the imported reports-to tree (0 = reports to no one imported); cycles stop. */
function levelsFromLinks(people: readonly Stakeholder[], links: readonly Link[]): Map<string, number> {
  const imported = new Set(people.map((p) => p.id))
  const managerOf = new Map(links.filter((l) => imported.has(l.to)).map((l) => [l.from, l.to]))
  return reportsToDepths(people.map((p) => p.id), managerOf)
}
