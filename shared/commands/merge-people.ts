import { LIMITS, type Contact, type ElementScores, type Link, type NextAction, type Relationship, type Stakeholder } from '../model'
import { sameLine } from './map-commands'
import { CommandError, type CommandDefinition, type CommandOf } from './types'

/**
 * Two cards for one person (two colleagues added the same email offline: the
 * `possible-duplicate` finding, docs/collaboration.md "Conflict rules"): keep one, move what
 * the other holds onto it, remove the other. Nothing anyone entered is lost: lines, owners,
 * relationships, contacts and actions move; a field the kept card leaves empty takes the
 * other's value; two relationships of one seller keep the higher score of each element.
 */

const OPTIONAL_TEXT = ['email', 'personId', 'favoredCompetitor', 'mode', 'addedOn'] as const
const EMPTY_TEXT = ['title', 'department'] as const

function betterElements(a: ElementScores, b: ElementScores): ElementScores {
  const out: ElementScores = { ...a }
  for (const k of Object.keys(b) as Array<keyof ElementScores>) {
    const x = a[k]
    const y = b[k]
    if (y !== undefined && (x === undefined || y > x)) out[k] = y
  }
  return out
}

function mergeRelationships(keep: readonly Relationship[], other: readonly Relationship[]): Relationship[] {
  const out = keep.slice()
  for (const r of other) {
    const i = out.findIndex((x) => x.sellerId === r.sellerId)
    if (i < 0) {
      if (out.length < LIMITS.relationshipsPerStakeholder) out.push(r)
      continue
    }
    const k = out[i]
    const knownSince = [k.knownSince, r.knownSince].filter((d): d is string => d !== undefined).sort()[0]
    const valueKind = k.valueKind ?? r.valueKind
    out[i] = { sellerId: k.sellerId, elements: betterElements(k.elements, r.elements), ...(valueKind ? { valueKind } : {}), ...(knownSince ? { knownSince } : {}) }
  }
  return out
}

const sameContact = (a: Contact, b: Contact) => a.date === b.date && a.channel === b.channel && a.sellerId === b.sellerId && a.note === b.note
const newestFirst = (a: Contact, b: Contact) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)

function mergedPerson(keep: Stakeholder, other: Stakeholder): Stakeholder {
  const next: Stakeholder = { ...keep }
  if (keep.placeholder && !other.placeholder && other.name.trim() !== '') {
    delete next.placeholder
    next.name = other.name
  }
  for (const k of OPTIONAL_TEXT) if (next[k] === undefined && other[k] !== undefined) (next as Record<string, unknown>)[k] = other[k]
  for (const k of EMPTY_TEXT) if (next[k].trim() === '' && other[k].trim() !== '') next[k] = other[k]
  if (other.notes.trim() !== '' && !keep.notes.includes(other.notes)) next.notes = (keep.notes.trim() === '' ? other.notes : `${keep.notes}\n\n${other.notes}`).slice(0, LIMITS.longText)
  if (other.innerCircle) next.innerCircle = true
  next.ownerIds = [...new Set([...keep.ownerIds, ...other.ownerIds])].slice(0, LIMITS.team)
  next.relationships = mergeRelationships(keep.relationships, other.relationships)
  next.contacts = [...keep.contacts, ...other.contacts.filter((c) => !keep.contacts.some((k) => sameContact(k, c)))].sort(newestFirst).slice(0, LIMITS.contactsPerStakeholder)
  const actionIds = new Set((keep.actions ?? []).map((a) => a.id))
  const actions: NextAction[] = [...(keep.actions ?? []), ...(other.actions ?? []).filter((a) => !actionIds.has(a.id))].slice(0, LIMITS.actionsPerStakeholder)
  next.actions = actions
  return next
}

/** The lines with `from` moved onto `to`; lines between the two, and lines that would repeat one already there, go. */
function movedLines(links: readonly Link[], from: string, to: string): Link[] {
  const out: Link[] = []
  const moved: Link[] = []
  for (const l of links) {
    if (l.from !== from && l.to !== from) out.push(l)
    else moved.push({ ...l, from: l.from === from ? to : l.from, to: l.to === from ? to : l.to })
  }
  for (const l of moved) if (l.from !== l.to && !out.some((o) => sameLine(o, l))) out.push(l)
  return out
}

export const mergePeople: CommandDefinition<CommandOf<'merge-people'>> = {
  undo: { capture: 'step' },
  apply(deal, cmd) {
    if (cmd.keepId === cmd.mergeId) throw new CommandError('invalid-value', 'A person cannot be merged into themselves')
    const keep = deal.stakeholders.find((s) => s.id === cmd.keepId)
    const other = deal.stakeholders.find((s) => s.id === cmd.mergeId)
    if (!keep || !other) throw new CommandError('unknown-stakeholder', 'This person is no longer on the map')
    const merged = mergedPerson(keep, other)
    return {
      ...deal,
      stakeholders: deal.stakeholders.filter((s) => s.id !== other.id).map((s) => (s.id === keep.id ? merged : s)),
      links: movedLines(deal.links, other.id, keep.id),
    }
  },
}
