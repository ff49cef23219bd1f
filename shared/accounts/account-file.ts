import { z } from 'zod'
import { ContactSchema, Id, LIMITS, PersonName, RelationshipSchema, ShortText } from '../model'

export const ACCOUNT_FORMAT = 'deal-war-room.account'
export const ACCOUNT_VERSION = 1
/** Enough for a team's laptops and a few merges; the oldest names go first. */
export const MAX_ALIASES = 50

/** Where a person appears: one card of one deal. */
const PersonRefSchema = z.strictObject({ dealId: Id, stakeholderId: Id })

/**
 * One human being at the customer, with the attributes that belong to the person and follow
 * them from deal to deal (docs/method.md, "Accounts": person-scoped). What belongs to one
 * pursuit (buying role, stance…) stays on the deal's card.
 */
export const AccountPersonSchema = z.strictObject({
  id: Id,
  name: PersonName,
  email: z.email('Not an email address').max(200).optional(),
  title: ShortText,
  department: ShortText,
  /** Reports-to between account persons (the account's org chart). */
  managerId: Id.optional(),
  relationships: z.array(RelationshipSchema).max(LIMITS.relationshipsPerStakeholder),
  contacts: z.array(ContactSchema).max(LIMITS.contactsPerStakeholder),
  /** When these attributes were last written (the save time of the deal that wrote them). */
  updatedAt: z.iso.datetime(),
  /** The cards this person is, across the account's deals. */
  seenIn: z.array(PersonRefSchema).max(10_000),
  /**
   * Other ids this person goes by (docs/method.md, "One person, several ids"): a colleague's
   * laptop named them first in a shared deal, or a merge folded another person in. A card
   * naming one of these is this person.
   */
  aliases: z.array(Id).max(MAX_ALIASES).optional(),
})
export type AccountPerson = z.infer<typeof AccountPersonSchema>

/**
 * Two or more persons who may be one human (same name and title, no email to tell): shown in
 * the account view to confirm (merge) or reject, never merged silently. With more than one
 * match the person is ambiguous: it stays unlinked until the user picks.
 */
export const LinkCandidateSchema = z.strictObject({
  personId: Id,
  matchIds: z.array(Id).min(1).max(50),
  status: z.enum(['open', 'rejected']),
})
export type LinkCandidate = z.infer<typeof LinkCandidateSchema>

export const AccountFileSchema = z.strictObject({
  format: z.literal(ACCOUNT_FORMAT),
  version: z.literal(ACCOUNT_VERSION),
  id: Id,
  /** The customer as first written (for display); the id comes from its normalised form. */
  customer: ShortText,
  persons: z.array(AccountPersonSchema).max(LIMITS.stakeholders),
  candidates: z.array(LinkCandidateSchema).max(LIMITS.stakeholders),
})
export type AccountFile = z.infer<typeof AccountFileSchema>

export function emptyAccount(id: string, customer: string): AccountFile {
  return { format: ACCOUNT_FORMAT, version: ACCOUNT_VERSION, id, customer: customer.trim(), persons: [], candidates: [] }
}
