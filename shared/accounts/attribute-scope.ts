import type { Stakeholder } from '../model'

/**
 * Which attributes of a card belong to the person (and follow them across the account's
 * deals) and which belong to this pursuit (docs/method.md, "Accounts"). Every
 * field of a stakeholder is in exactly one list; `tests/unit/accounts/attribute-scope.test.ts`
 * checks that, and that the table in docs/method.md says the same.
 * Reports-to is a line, not a field: it is person-scoped and kept as `managerId` on the
 * account person. `id` names the card in its deal and `personId` the human it is.
 */
export const PERSON_SCOPED = ['name', 'email', 'title', 'department', 'contacts', 'relationships'] as const
export const DEAL_SCOPED = [
  'id', 'personId', 'buyingRole', 'influence', 'innerCircle', 'stance', 'favoredCompetitor', 'mode',
  'ownerIds', 'actions', 'notes', 'position', 'placeholder', 'addedOn',
] as const

export type PersonScopedField = (typeof PERSON_SCOPED)[number]
type DealScopedField = (typeof DEAL_SCOPED)[number]

// Compile-time: the two lists together name every field of a stakeholder.
type Unclassified = Exclude<keyof Stakeholder, PersonScopedField | DealScopedField>
const everyFieldClassified: [Unclassified] extends [never] ? true : Unclassified = true
void everyFieldClassified
