import type { MapStatus, TeamVerdict } from '../analysis'
import type { Deal, Language, Role, Seller, SellerKind } from '../model'
import type { AccountOverview } from '../accounts'

/** The slides a deck can hold, in the order they appear. */
export const SLIDE_IDS = ['title', 'changes', 'map', 'team', 'relationships', 'account', 'actions'] as const
export type SlideId = (typeof SLIDE_IDS)[number]

/**
 * The slice of `analyzeDeal`'s result the deck reads. Declared structurally so the deck
 * depends on the shape of the analysis, not on its internals.
 */
export interface DeckFinding {
  code: string
  severity: string
  message: string
  nextStep?: string
  stakeholderIds?: string[]
  sellerIds?: string[]
  /** Several findings about one person, merged: each is shown as a reason of this one. */
  reasons?: DeckFinding[]
}

export interface DeckSeat {
  sellerId: string
  seat: SellerKind
  lead: boolean
  qualified: boolean
}

export interface DeckRelationship {
  strength: number
  band: string
  stale: boolean
  /** The seller whose relationship is the strongest; its seven elements fill the heatmap. */
  bestSellerId?: string
}

export interface DeckAnalysis {
  team: {
    verdict: TeamVerdict
    roles: Record<Role, { covered: boolean; seats: DeckSeat[] }>
    findings: DeckFinding[]
  }
  relationships: Record<string, DeckRelationship>
  mapStatus: MapStatus
  findings: DeckFinding[]
  /** Findings still open by severity: shown beside the map status. */
  findingCounts: { error: number; warning: number }
}

export interface DeckInput {
  deal: Deal
  roster: readonly Seller[]
  analysis: DeckAnalysis
  language: Language
  /** The export date, YYYY-MM-DD. */
  today: string
  slides: readonly SlideId[]
  /** Lines for the "Changes since last review" slide, already in the deck's language. */
  changes?: readonly string[]
  /** The deal's account across its deals (docs/method.md, "Accounts"), for the "Account overview" slide. */
  account?: DeckAccount
}

/** What the account slide reads of `accountOverview`. */
export type DeckAccount = Pick<AccountOverview, 'customer' | 'people' | 'coverage' | 'departments' | 'deals' | 'whoKnowsWhom' | 'accountOnly'>

/** A slide the deck left out, and why: in the deck's language, and as a catalog key for the app's. */
export interface SkippedSlide {
  slide: SlideId
  reason: string
  reasonKey: string
  params?: Record<string, string | number>
}
