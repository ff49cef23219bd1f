import { z } from 'zod'
import { LINK_KINDS, SELLER_KINDS, STAGES } from './enums'
import { LIMITS } from './limits'
import { Id, IsoDate, LinkLabel, LongText, Name, ShortText } from './primitives'
import { StakeholderSchema } from './stakeholder'
import { dealReferenceIssues, referencedSellerIds, sellerReferences } from './references'
import { MAX_ISSUES } from './bounded-issues'

export const LinkSchema = z.strictObject({
  id: Id,
  from: Id,
  to: Id,
  kind: z.enum(LINK_KINDS),
  /** A few words on the line ("golf partner"); optional, so files without labels stay valid. */
  label: LinkLabel.optional(),
})
export type Link = z.infer<typeof LinkSchema>

/** A seat on our deal team: which seller sits which kind of seat (and so plays which role). */
export const TeamSeatSchema = z.strictObject({
  sellerId: Id,
  seat: z.enum(SELLER_KINDS),
  lead: z.boolean(),
})
export type TeamSeat = z.infer<typeof TeamSeatSchema>

export const MoneySchema = z.strictObject({
  value: z.number().finite().min(0).max(1e13),
  currency: z.string().regex(/^[A-Z]{3}$/, 'A currency is a three-letter ISO code such as USD or CNY'),
})
export type Money = z.infer<typeof MoneySchema>

const DealShape = z.strictObject({
  id: Id,
  name: Name,
  customer: ShortText,
  stage: z.enum(STAGES),
  amount: MoneySchema,
  closeDate: IsoDate.nullable(),
  competitors: z.array(ShortText).max(LIMITS.competitors),
  notes: LongText,
  stakeholders: z.array(StakeholderSchema).max(LIMITS.stakeholders),
  links: z.array(LinkSchema).max(LIMITS.links),
  team: z.array(TeamSeatSchema).max(LIMITS.team),
  /** ISO timestamp of the last save; optional so hand-written files stay valid. */
  updatedAt: z.iso.datetime().optional(),
})

/**
 * A deal is internally consistent: ids unique, every line joins two different existing
 * stakeholders, no duplicate line, no seller seated twice in the same seat.
 * Seller references are checked against a roster by the file schema.
 */
export const DealSchema = DealShape.superRefine((deal, ctx) => {
  for (const issue of dealReferenceIssues(deal, MAX_ISSUES)) ctx.addIssue({ code: 'custom', ...issue })
})
export type Deal = z.infer<typeof DealSchema>

export { referencedSellerIds, sellerReferences }
