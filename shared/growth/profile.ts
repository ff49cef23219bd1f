import { isOverloaded, openDealLoad, resolveSettings, type AnalysisSettings } from '../analysis'
import type { Role, Seller, SellerLevel } from '../model'
import { accountStrengths, type AccountStrength } from './account-strength'
import { learningSeats, seatsByRole, twinSouls, type HistoryDeal, type LearningSeat, type RoleRecord, type TwinSouls } from './seats'
import { nextSoul, soulsMastered } from './souls'

/** Everything a seller's growth profile shows that follows from the deals (docs/growth.md). */
export interface GrowthProfile {
  sellerId: string
  name: string
  level: SellerLevel
  souls: Role[]
  /** Null for top sellers: all mastered, they now lift the team. */
  nextSoul: Role | null
  seats: Record<Role, RoleRecord>
  load: { openDeals: number; limit: number; overloaded: boolean }
  accounts: AccountStrength[]
  /** Open deals where they could sit their next soul's seat beside a qualified colleague. */
  learning: LearningSeat[]
  twinSouls: TwinSouls[]
}

export interface GrowthInputs {
  deals: readonly HistoryDeal[]
  roster: readonly Seller[]
  settings?: AnalysisSettings
  /** YYYY-MM-DD, chosen by the caller (relationship length and frequency depend on it). */
  today: string
}

/** No deal has an empty id, so counting "other than this one" against it counts every open deal. */
const NO_DEAL = { id: '' }

export function growthProfile(seller: Seller, { deals, roster, settings, today }: GrowthInputs): GrowthProfile {
  const { maxOpenDealsPerSeller, cadenceDays } = resolveSettings(settings)
  const next = nextSoul(seller.level)
  const openDeals = openDealLoad(NO_DEAL, deals).get(seller.id) ?? 0
  return {
    sellerId: seller.id,
    name: seller.name,
    level: seller.level,
    souls: soulsMastered(seller.level),
    nextSoul: next,
    seats: seatsByRole(seller.id, deals),
    load: { openDeals, limit: maxOpenDealsPerSeller, overloaded: isOverloaded(openDeals, maxOpenDealsPerSeller) },
    accounts: accountStrengths(seller.id, deals, { today, cadenceDays }),
    learning: next ? learningSeats(seller.id, next, deals, roster) : [],
    twinSouls: twinSouls(deals, seller.id),
  }
}
