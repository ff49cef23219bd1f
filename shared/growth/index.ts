// The seller's growth (docs/growth.md): souls by level, the growth path, seats and outcomes,
// relationships per account, and the personal growth file's format. Pure: no node, no DOM.
export { GROWTH_ORDER, nextSoul, soulsMastered } from './souls'
export { learningSeats, seatsByRole, twinSouls, type HistoryDeal } from './seats'
export { accountStrengths } from './account-strength'
export { growthProfile, type GrowthProfile } from './profile'
export {
  FREEDOMS, GrowthFileSchema, TRAITS, emptyGrowthFile,
  type Freedom, type GrowthFile, type SellerGrowth, type Trait, type TraitAssessment,
} from './growth-file'
