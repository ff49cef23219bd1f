// The seller's growth (docs/growth.md): souls by level, the growth path, seats and outcomes,
// relationships per account, and the personal growth file's format. Pure: no node, no DOM.
export { GROWTH_ORDER, nextSoul, soulsMastered } from './souls'
export { learningSeats, seatsByRole, twinSouls, type HistoryDeal, type LearningSeat, type RoleRecord, type SeatHeld, type TwinSouls } from './seats'
export { accountStrengths, type AccountStrength } from './account-strength'
export { growthProfile, type GrowthInputs, type GrowthProfile } from './profile'
export {
  FREEDOMS, GROWTH_FORMAT, GROWTH_VERSION, GrowthFileSchema, SellerGrowthSchema, TRAITS, emptyGrowthFile, emptySellerGrowth,
  type Freedom, type FreedomNote, type GrowthFile, type SellerGrowth, type Trait, type TraitAssessment,
} from './growth-file'
