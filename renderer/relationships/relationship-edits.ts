import type { StakeholderPatch } from '@shared/commands'
import type { Contact, ContactChannel, Element, NextAction, Relationship, Stakeholder, ValueKind } from '@shared/model'
import { useDealStore, type DispatchResult } from '../state/deal-store'

/**
 * The edits the relationship UI makes, as patches of one stakeholder's relationships,
 * contacts and actions (`update-stakeholder`), so each is one undoable command.
 */

export const emptyRelationship = (sellerId: string): Relationship => ({
  sellerId,
  elements: { value: 0, goodwill: 0, dignity: 0, presence: 0, depth: 0 },
})

function withRelationship(s: Stakeholder, sellerId: string, change: (r: Relationship) => Relationship): Relationship[] {
  const index = s.relationships.findIndex((r) => r.sellerId === sellerId)
  if (index < 0) return [...s.relationships, change(emptyRelationship(sellerId))]
  const next = s.relationships.slice()
  next[index] = change(next[index])
  return next
}

/** Set one element; `undefined` on frequency or length removes the override (back to derived). */
export function setElementPatch(s: Stakeholder, sellerId: string, element: Element, score: number | undefined): StakeholderPatch {
  return {
    relationships: withRelationship(s, sellerId, (r) => {
      const elements = { ...r.elements }
      if (score === undefined) {
        if (element === 'frequency' || element === 'length') delete elements[element]
      } else {
        elements[element] = score
      }
      return { ...r, elements }
    }),
  }
}

export function setRelationshipFieldsPatch(s: Stakeholder, sellerId: string, fields: { valueKind?: ValueKind | null; knownSince?: string | null }): StakeholderPatch {
  return {
    relationships: withRelationship(s, sellerId, (r) => {
      const next = { ...r }
      if (fields.valueKind !== undefined) {
        if (fields.valueKind === null) delete next.valueKind
        else next.valueKind = fields.valueKind
      }
      if (fields.knownSince !== undefined) {
        if (fields.knownSince === null) delete next.knownSince
        else next.knownSince = fields.knownSince
      }
      return next
    }),
  }
}

export function addRelationshipPatch(s: Stakeholder, sellerId: string): StakeholderPatch {
  return { relationships: withRelationship(s, sellerId, (r) => r) }
}

export function removeRelationshipPatch(s: Stakeholder, sellerId: string): StakeholderPatch {
  return { relationships: s.relationships.filter((r) => r.sellerId !== sellerId) }
}

/** Newest first, so the log reads from the latest contact. */
export function addContactPatch(s: Stakeholder, contact: Contact): StakeholderPatch {
  return { contacts: [...s.contacts, contact].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)) }
}

export function removeContactPatch(s: Stakeholder, index: number): StakeholderPatch {
  return { contacts: s.contacts.filter((_, i) => i !== index) }
}

/** The depth an advice-seeking contact shows: asking for business advice trusts our ability (3), personal advice our character (4). */
export function depthShownBy(channel: ContactChannel): number | undefined {
  if (channel === 'business-advice') return 3
  if (channel === 'personal-advice') return 4
  return undefined
}

/** Raise depth only (never lower it), creating the relationship when the seller has none yet. */
export function raiseDepthPatch(s: Stakeholder, sellerId: string, depth: number): StakeholderPatch {
  return setElementPatch(s, sellerId, 'depth', Math.max(depth, currentDepth(s, sellerId)))
}

export function currentDepth(s: Stakeholder, sellerId: string): number {
  return s.relationships.find((r) => r.sellerId === sellerId)?.elements.depth ?? 0
}

export function addActionPatch(s: Stakeholder, action: NextAction): StakeholderPatch {
  return { actions: [...(s.actions ?? []), action] }
}

export function updateActionPatch(s: Stakeholder, id: string, change: Partial<Omit<NextAction, 'id'>>): StakeholderPatch {
  return {
    actions: (s.actions ?? []).map((a) => {
      if (a.id !== id) return a
      const next = { ...a, ...change }
      if (change.ownerId === undefined && 'ownerId' in change) delete next.ownerId
      if (change.due === undefined && 'due' in change) delete next.due
      return next
    }),
  }
}

export function removeActionPatch(s: Stakeholder, id: string): StakeholderPatch {
  return { actions: (s.actions ?? []).filter((a) => a.id !== id) }
}

export function isOverdue(action: Pick<NextAction, 'done' | 'due'>, today: string): boolean {
  return !action.done && !!action.due && action.due < today
}

/** Dispatch a patch of one stakeholder. */
export function patchStakeholder(id: string, patch: StakeholderPatch): DispatchResult {
  return useDealStore.getState().dispatch({ type: 'update-stakeholder', id, patch })
}

export function findStakeholder(id: string): Stakeholder | undefined {
  return useDealStore.getState().deal?.stakeholders.find((s) => s.id === id)
}
