import { z } from 'zod'
import { LANGUAGES, STAGES } from './enums'
import { LIMITS } from './limits'
import { Id, Name, ShortText } from './primitives'
import { SellerSchema } from './seller'
import { MoneySchema } from './deal'

export const WORKSPACE_FORMAT = 'deal-war-room.workspace'
export const WORKSPACE_VERSION = 1

const Days = z.number().int().min(1).max(3650)

export const SettingsSchema = z.strictObject({
  /** 'system' follows the OS locale. */
  language: z.enum(['system', ...LANGUAGES]),
  theme: z.enum(['system', 'light', 'dark']),
  /** A seller seated on more open deals than this is overloaded. */
  maxOpenDealsPerSeller: z.number().int().min(1).max(100),
  /** A key person not contacted within this many days (by influence) is stale. */
  cadenceDays: z.strictObject({ high: Days, medium: Days, low: Days }),
  /** Rolling backups kept per file. */
  backupCount: z.number().int().min(1).max(100),
})
export type Settings = z.infer<typeof SettingsSchema>

export const DEFAULT_SETTINGS: Settings = {
  language: 'system',
  theme: 'system',
  maxOpenDealsPerSeller: 5,
  cadenceDays: { high: 30, medium: 60, low: 90 },
  backupCount: 10,
}

/**
 * The company PowerPoint template the workspace's decks go into. Main keeps the path (the
 * page only ever sees the name) and sets it only after the file passed as a template.
 */
export const DeckTemplateSchema = z.strictObject({
  path: z.string().min(1).max(4096),
  name: ShortText,
})

/** What the deals list shows without opening every deal file. */
export const DealIndexEntrySchema = z.strictObject({
  id: Id,
  name: Name,
  customer: ShortText,
  stage: z.enum(STAGES),
  amount: MoneySchema,
  closeDate: z.string().nullable(),
  updatedAt: z.string().optional(),
})
export type DealIndexEntry = z.infer<typeof DealIndexEntrySchema>

export const WorkspaceSchema = z
  .strictObject({
    format: z.literal(WORKSPACE_FORMAT),
    version: z.literal(WORKSPACE_VERSION),
    settings: SettingsSchema,
    roster: z.array(SellerSchema).max(LIMITS.roster),
    deals: z.array(DealIndexEntrySchema).max(LIMITS.stakeholders),
    /** Deal ids opened most recently first. */
    recentDealIds: z.array(Id).max(20).optional(),
    /** Optional: a workspace file from before templates stays valid. */
    deckTemplate: DeckTemplateSchema.optional(),
  })
  .superRefine((ws, ctx) => {
    const seen = new Set<string>()
    ws.roster.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['roster', i, 'id'], message: `Duplicate seller id "${s.id}"` })
      seen.add(s.id)
    })
  })
export type Workspace = z.infer<typeof WorkspaceSchema>

export function emptyWorkspace(): Workspace {
  return { format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION, settings: DEFAULT_SETTINGS, roster: [], deals: [] }
}

