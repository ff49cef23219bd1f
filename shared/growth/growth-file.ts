import { z } from 'zod'
import { Id, IsoDate, LIMITS, LongText, ShortText } from '../model'

/**
 * A seller's personal growth data (docs/growth.md): the four traits and the four freedoms.
 * It is kept in the data folder as `growth.json`, beside the workspace and never inside a
 * deal file, a deck or a shared deal: it is about the person, not about any pursuit.
 */
const GROWTH_FORMAT = 'deal-war-room.growth'
const GROWTH_VERSION = 1

/** The traits a seller grows (真诚 sincerity, 专一 focus, 深度 depth of knowledge, 洒脱 equanimity). */
export const TRAITS = ['sincerity', 'focus', 'depth', 'equanimity'] as const
export type Trait = (typeof TRAITS)[number]

/** The four freedoms success is measured by: of company, of age, of customers, of mood. */
export const FREEDOMS = ['company', 'age', 'customers', 'mood'] as const
export type Freedom = (typeof FREEDOMS)[number]

const TraitScore = z.number().int().min(0).max(5)

export const TraitAssessmentSchema = z.strictObject({
  scores: z.strictObject({ sincerity: TraitScore, focus: TraitScore, depth: TraitScore, equanimity: TraitScore }),
  /** Who judged: the seller of themselves, or their manager. */
  by: z.enum(['self', 'manager']),
  /** The assessor's name (the manager's, or the seller's own). */
  assessor: ShortText,
  /** The day of the assessment. */
  on: IsoDate,
})
export type TraitAssessment = z.infer<typeof TraitAssessmentSchema>

const FreedomNoteSchema = z.strictObject({
  /** The seller feels this freedom today. */
  reached: z.boolean(),
  note: LongText,
})

export const SellerGrowthSchema = z.strictObject({
  assessment: TraitAssessmentSchema.optional(),
  freedoms: z.partialRecord(z.enum(FREEDOMS), FreedomNoteSchema),
})
export type SellerGrowth = z.infer<typeof SellerGrowthSchema>

export const GrowthFileSchema = z.strictObject({
  format: z.literal(GROWTH_FORMAT),
  version: z.literal(GROWTH_VERSION),
  /** Keyed by the roster's seller id. */
  sellers: z.record(Id, SellerGrowthSchema).refine((r) => Object.keys(r).length <= LIMITS.roster, 'Too many sellers'),
})
export type GrowthFile = z.infer<typeof GrowthFileSchema>

export function emptyGrowthFile(): GrowthFile {
  return { format: GROWTH_FORMAT, version: GROWTH_VERSION, sellers: {} }
}
