import { z } from 'zod'
import {
  BUYING_ROLES, CONTACT_CHANNELS, INFLUENCES, MODES, STANCES, VALUE_KINDS,
} from './enums'
import { LIMITS } from './limits'
import { Id, IsoDate, LongText, Name, PersonName, Score, ShortText } from './primitives'

export const ElementScoresSchema = z.strictObject({
  value: Score,
  goodwill: Score,
  dignity: Score,
  presence: Score,
  /** Absent = derived from the contact log; present = the user's override. */
  frequency: Score.optional(),
  /** Absent = derived from knownSince; present = the user's override. */
  length: Score.optional(),
  depth: Score,
})
export type ElementScores = z.infer<typeof ElementScoresSchema>

/** One of our sellers' relationship with this stakeholder, judged on the seven elements. */
export const RelationshipSchema = z.strictObject({
  sellerId: Id,
  elements: ElementScoresSchema,
  valueKind: z.enum(VALUE_KINDS).optional(),
  knownSince: IsoDate.optional(),
})
export type Relationship = z.infer<typeof RelationshipSchema>

export const ContactSchema = z.strictObject({
  date: IsoDate,
  channel: z.enum(CONTACT_CHANNELS),
  sellerId: Id,
  note: LongText,
})
export type Contact = z.infer<typeof ContactSchema>

export const NextActionSchema = z.strictObject({
  id: Id,
  what: Name,
  /** The seller who does it. */
  ownerId: Id.optional(),
  due: IsoDate.optional(),
  done: z.boolean(),
})
export type NextAction = z.infer<typeof NextActionSchema>

export const PositionSchema = z.strictObject({
  x: z.number().finite().min(-1e7).max(1e7),
  y: z.number().finite().min(-1e7).max(1e7),
})
export type Position = z.infer<typeof PositionSchema>

export const StakeholderSchema = z.strictObject({
  id: Id,
  /** Empty only on a placeholder: a seat the team knows of but has no name for yet. */
  name: PersonName,
  /**
   * A person not yet found ("who is the COO?"): the card has a title, department and buying
   * role but no name. Giving it a name makes it a person (the flag goes).
   */
  placeholder: z.literal(true).optional(),
  /** The day this person was drawn on the map (added after v1; absent in older files). */
  addedOn: IsoDate.optional(),
  /**
   * The person's work email (v3, optional). It is how the same person is recognised across
   * deals of one account and how two colleagues adding the same person are caught.
   */
  email: z.email('Not an email address').max(200).optional(),
  /**
   * The account person this card is (v3, optional): the same id on every deal of the same
   * customer means the same human being (docs/method.md, "Accounts").
   */
  personId: Id.optional(),
  title: ShortText,
  department: ShortText,
  buyingRole: z.enum(BUYING_ROLES),
  influence: z.enum(INFLUENCES),
  innerCircle: z.boolean(),
  stance: z.enum(STANCES),
  favoredCompetitor: ShortText.optional(),
  mode: z.enum(MODES).optional(),
  ownerIds: z.array(Id).max(LIMITS.team),
  relationships: z.array(RelationshipSchema).max(LIMITS.relationshipsPerStakeholder),
  contacts: z.array(ContactSchema).max(LIMITS.contactsPerStakeholder),
  /** Next actions planned for this person (added after v1 shipped; optional in files). */
  actions: z.array(NextActionSchema).max(LIMITS.actionsPerStakeholder).optional(),
  notes: LongText,
  position: PositionSchema,
}).refine((s) => s.name !== '' || s.placeholder === true, { path: ['name'], message: 'A name is required' })
export type Stakeholder = z.infer<typeof StakeholderSchema>
