import { z } from 'zod'
import { SELLER_KINDS, SELLER_LEVELS } from './enums'
import { Id, LongText, Name, ShortText } from './primitives'

export const SellerSchema = z.strictObject({
  id: Id,
  name: Name,
  kinds: z.array(z.enum(SELLER_KINDS)).min(1, 'A seller is at least one kind').max(3),
  level: z.enum(SELLER_LEVELS),
  email: z.email('Not an email address').max(200).optional(),
  region: ShortText.optional(),
  notes: LongText.optional(),
  /** Archived sellers stay resolvable for old deals but are not offered for new seats. */
  archived: z.boolean().optional(),
})
export type Seller = z.infer<typeof SellerSchema>
