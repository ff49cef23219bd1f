// Every enumerated value of the file format, in kebab-case English (the file format is
// read by other tools, so these strings never change; labels live in the i18n files).
export const SELLER_KINDS = ['account', 'solution', 'project'] as const
export type SellerKind = (typeof SELLER_KINDS)[number]

export const SELLER_LEVELS = ['junior', 'mid', 'senior', 'top'] as const
export type SellerLevel = (typeof SELLER_LEVELS)[number]

/** The three "souls" (武魂): the role a seat plays in the deal team. */
export const ROLES = ['control', 'support', 'attack'] as const
export type Role = (typeof ROLES)[number]

export const STAGES = ['lead', 'qualify', 'propose', 'negotiate', 'won', 'lost'] as const
export type Stage = (typeof STAGES)[number]
export const CLOSED_STAGES: readonly Stage[] = ['won', 'lost']

export const BUYING_ROLES = [
  'decision-maker', 'approver', 'technical-evaluator', 'user', 'influencer', 'coach', 'gatekeeper', 'unknown',
] as const
export type BuyingRole = (typeof BUYING_ROLES)[number]

export const INFLUENCES = ['high', 'medium', 'low'] as const
export type Influence = (typeof INFLUENCES)[number]

export const STANCES = ['champion', 'supporter', 'neutral', 'skeptic', 'opponent', 'unknown'] as const
export type Stance = (typeof STANCES)[number]

/** The stakeholder's current situation (Miller Heiman's response modes). */
export const MODES = ['growth', 'trouble', 'even-keel', 'overconfident'] as const
export type Mode = (typeof MODES)[number]

export const LINK_KINDS = ['reports-to', 'influences', 'ally', 'conflict'] as const
export type LinkKind = (typeof LINK_KINDS)[number]

export const ELEMENTS = ['value', 'goodwill', 'dignity', 'presence', 'frequency', 'length', 'depth'] as const
export type Element = (typeof ELEMENTS)[number]

export const VALUE_KINDS = ['family', 'shared-experience', 'practical-help'] as const
export type ValueKind = (typeof VALUE_KINDS)[number]

/**
 * How a contact happened, most common in a deal team's week first (the form lists them in
 * this order). Values are only ever added: files keep every value they were written with.
 */
export const CONTACT_CHANNELS = [
  'meeting', 'call', 'email', 'demo', 'visit', 'dinner', 'event', 'message', 'meal-or-event',
  'holiday-greeting', 'birthday-greeting', 'social-media', 'business-advice', 'personal-advice', 'other',
] as const
export type ContactChannel = (typeof CONTACT_CHANNELS)[number]

export const LANGUAGES = ['en', 'zh-CN'] as const
export type Language = (typeof LANGUAGES)[number]
