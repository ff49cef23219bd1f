import { ELEMENTS, Id, IsoDate, LIMITS, newRelationship, Score, VALUE_KINDS, type Element, type Relationship, type Stakeholder } from '../model'
import { checkRoom, checkValue } from './checks'
import { editStakeholder } from './edit-stakeholder'
import { CommandError, type CommandDefinition, type CommandOf } from './types'

/** Elements the app derives when the user has not scored them (from the contact log, from knownSince). */
const DERIVABLE: ReadonlySet<Element> = new Set(['frequency', 'length'])

/** Change one seller's relationship with `s`, creating it (unscored) when there is none yet. */
function withRelationship(s: Stakeholder, sellerId: string, change: (r: Relationship) => Relationship): Stakeholder {
  const index = s.relationships.findIndex((r) => r.sellerId === sellerId)
  if (index < 0) {
    checkValue(Id, sellerId, 'seller')
    checkRoom(s.relationships.length, LIMITS.relationshipsPerStakeholder, 'The relationship list')
    return { ...s, relationships: [...s.relationships, change(newRelationship(sellerId))] }
  }
  const before = s.relationships[index]
  const after = change(before)
  if (after === before) return s
  const relationships = s.relationships.slice()
  relationships[index] = after
  return { ...s, relationships }
}

function setScore(r: Relationship, element: Element, score: number | null): Relationship {
  if (score === null) {
    if (r.elements[element] === undefined) return r
    const elements = { ...r.elements }
    delete elements[element]
    return { ...r, elements }
  }
  return r.elements[element] === score ? r : { ...r, elements: { ...r.elements, [element]: score } }
}

/** Start assessing a seller's relationship (all unscored); already assessed changes nothing. */
export const addRelationship: CommandDefinition<CommandOf<'add-relationship'>> = {
  undo: { capture: 'step' },
  apply: (deal, cmd) => editStakeholder(deal, cmd.stakeholderId, (s) => withRelationship(s, cmd.sellerId, (r) => r)),
}

export const removeRelationship: CommandDefinition<CommandOf<'remove-relationship'>> = {
  undo: { capture: 'step' },
  apply: (deal, cmd) =>
    editStakeholder(deal, cmd.stakeholderId, (s) => {
      if (!s.relationships.some((r) => r.sellerId === cmd.sellerId)) throw new CommandError('unknown-relationship', 'This relationship is no longer assessed')
      return { ...s, relationships: s.relationships.filter((r) => r.sellerId !== cmd.sellerId) }
    }),
}

/** One of the seven elements of one seller–stakeholder relationship. */
export const setElement: CommandDefinition<CommandOf<'set-element'>> = {
  undo: { capture: 'step' },
  apply(deal, cmd) {
    if (!(ELEMENTS as readonly string[]).includes(cmd.element)) throw new CommandError('invalid-value', `"${String(cmd.element)}" is not one of the seven elements`)
    if (cmd.score === null && !DERIVABLE.has(cmd.element)) throw new CommandError('invalid-value', `${cmd.element} is always scored (only frequency and length can go back to derived)`)
    if (cmd.score !== null) checkValue(Score, cmd.score, cmd.element)
    return editStakeholder(deal, cmd.stakeholderId, (s) => withRelationship(s, cmd.sellerId, (r) => setScore(r, cmd.element, cmd.score)))
  },
}

/** What a contact showed raises depth; it never lowers what the user scored. */
export const raiseDepth: CommandDefinition<CommandOf<'raise-depth'>> = {
  undo: { capture: 'step' },
  apply(deal, cmd) {
    checkValue(Score, cmd.depth, 'depth')
    return editStakeholder(deal, cmd.stakeholderId, (s) =>
      withRelationship(s, cmd.sellerId, (r) => (r.elements.depth >= cmd.depth ? r : setScore(r, 'depth', cmd.depth))))
  },
}

/** The kind of value a relationship trades in, or since when the seller has known the person. */
export const setRelationshipField: CommandDefinition<CommandOf<'set-relationship-field'>> = {
  undo: { capture: 'step' },
  apply(deal, cmd) {
    if (cmd.field !== 'valueKind' && cmd.field !== 'knownSince') throw new CommandError('invalid-value', `"${String((cmd as { field: unknown }).field)}" is not a relationship field`)
    if (cmd.value !== null) {
      if (cmd.field === 'valueKind' && !(VALUE_KINDS as readonly string[]).includes(cmd.value)) throw new CommandError('invalid-value', `"${cmd.value}" is not a kind of value`)
      if (cmd.field === 'knownSince') checkValue(IsoDate, cmd.value, 'known since')
    }
    return editStakeholder(deal, cmd.stakeholderId, (s) =>
      withRelationship(s, cmd.sellerId, (r) => {
        if (cmd.value === null) {
          if (r[cmd.field] === undefined) return r
          const next = { ...r }
          delete next[cmd.field]
          return next
        }
        return r[cmd.field] === cmd.value ? r : { ...r, [cmd.field]: cmd.value }
      }))
  },
}
