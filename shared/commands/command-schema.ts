import { z } from 'zod'
import { ContactSchema, DealSchema, LinkSchema, NextActionSchema, PositionSchema, RelationshipSchema, StakeholderSchema } from '../model'
import { STAKEHOLDER_FIELDS, type CommandType } from './types'

/**
 * The shape of every command, checked before it is cleaned or applied. Commands will arrive
 * from colleagues' apps, so each is treated as untrusted: a wrong type, an unknown key, a
 * missing list or a non-finite number is refused as a typed CommandError instead of reaching
 * code that would throw a TypeError or store a deal the app could not save. Values the
 * command's own rules check with a specific reason (an empty name, a score out of range, the
 * deal facts form's per-field issues) are only type-checked here, so those reasons still
 * reach the user. Objects a command carries whole (a person, a line, a contact, a replacement
 * deal) are checked against the file's own schema.
 */

const Text = z.string()
const AnyId = z.string()

/**
 * A new person as the file schema has it, except that an empty name is left to the
 * command's own check (which says "a name is required" rather than "invalid value").
 */
const NewStakeholder = z.strictObject(StakeholderSchema.shape)

/** A line as the file has it, but its label is cut to length by the command, not refused. */
const NewLink = z.strictObject({ ...LinkSchema.shape, label: Text.optional() })

const DealFactsPatchShape = z.strictObject({
  name: Text.optional(),
  customer: Text.optional(),
  stage: Text.optional(),
  // NaN and negative amounts are left to the facts check, which names the field at fault.
  amount: z.strictObject({ value: z.custom<number>((v) => typeof v === 'number'), currency: Text }).optional(),
  closeDate: Text.nullable().optional(),
  competitors: z.array(Text).optional(),
  notes: Text.optional(),
}).catchall(z.unknown())

export const COMMAND_SHAPES: { [T in CommandType]: z.ZodType } = {
  'add-stakeholders': z.strictObject({ type: z.literal('add-stakeholders'), stakeholders: z.array(NewStakeholder), links: z.array(NewLink).optional() }),
  'remove-stakeholders': z.strictObject({ type: z.literal('remove-stakeholders'), ids: z.array(AnyId) }),
  'merge-people': z.strictObject({ type: z.literal('merge-people'), keepId: AnyId, mergeId: AnyId }),
  'move-stakeholders': z.strictObject({ type: z.literal('move-stakeholders'), moves: z.array(z.strictObject({ id: AnyId, position: PositionSchema })) }),
  'add-link': z.strictObject({ type: z.literal('add-link'), link: NewLink }),
  'update-link': z.strictObject({ type: z.literal('update-link'), id: AnyId, kind: LinkSchema.shape.kind, reverse: z.boolean().optional() }),
  'remove-links': z.strictObject({ type: z.literal('remove-links'), ids: z.array(AnyId) }),
  'set-link-label': z.strictObject({ type: z.literal('set-link-label'), id: AnyId, label: Text }),
  'set-field': z.strictObject({ type: z.literal('set-field'), stakeholderId: AnyId, field: z.enum(STAKEHOLDER_FIELDS), value: z.unknown() }),
  'add-owner': z.strictObject({ type: z.literal('add-owner'), stakeholderId: AnyId, sellerId: Text }),
  'remove-owner': z.strictObject({ type: z.literal('remove-owner'), stakeholderId: AnyId, sellerId: Text }),
  'add-relationship': z.strictObject({ type: z.literal('add-relationship'), stakeholderId: AnyId, sellerId: Text }),
  'remove-relationship': z.strictObject({ type: z.literal('remove-relationship'), stakeholderId: AnyId, sellerId: Text }),
  'set-element': z.strictObject({ type: z.literal('set-element'), stakeholderId: AnyId, sellerId: Text, element: Text, score: z.number().nullable() }),
  'raise-depth': z.strictObject({ type: z.literal('raise-depth'), stakeholderId: AnyId, sellerId: Text, depth: z.number() }),
  'set-relationship-field': z.strictObject({ type: z.literal('set-relationship-field'), stakeholderId: AnyId, sellerId: Text, field: z.enum(['valueKind', 'knownSince']), value: Text.nullable() }),
  'log-contact': z.strictObject({ type: z.literal('log-contact'), stakeholderId: AnyId, contact: ContactSchema }),
  'remove-contact': z.strictObject({ type: z.literal('remove-contact'), stakeholderId: AnyId, contact: ContactSchema }),
  'add-action': z.strictObject({ type: z.literal('add-action'), stakeholderId: AnyId, action: NextActionSchema }),
  'set-action-field': z.strictObject({ type: z.literal('set-action-field'), stakeholderId: AnyId, actionId: AnyId, field: z.enum(['what', 'ownerId', 'due', 'done']), value: z.unknown() }),
  'remove-action': z.strictObject({ type: z.literal('remove-action'), stakeholderId: AnyId, actionId: AnyId }),
  'seat-seller': z.strictObject({ type: z.literal('seat-seller'), sellerId: Text, seat: Text }),
  'unseat-seller': z.strictObject({ type: z.literal('unseat-seller'), sellerId: Text, seat: Text }),
  'set-lead': z.strictObject({ type: z.literal('set-lead'), sellerId: Text, seat: Text, lead: z.boolean() }),
  'set-deal-facts': z.strictObject({ type: z.literal('set-deal-facts'), patch: DealFactsPatchShape }),
  'replace-deal': z.strictObject({ type: z.literal('replace-deal'), deal: DealSchema }),
  'apply-account-attributes': z.strictObject({
    type: z.literal('apply-account-attributes'),
    updates: z.array(z.strictObject({
      stakeholderId: AnyId, personId: AnyId, name: Text, email: Text.nullable(), title: Text, department: Text,
      relationships: z.array(RelationshipSchema), contacts: z.array(ContactSchema),
    })).max(20_000),
  }),
}
