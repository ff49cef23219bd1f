import {
  DEFAULT_SETTINGS, SELLER_LEVELS,
  type Contact, type ContactChannel, type Role, type SellerKind, type SellerLevel, type Settings, type Stakeholder,
} from './model'

/**
 * The selling method's roles, levels and relationship rules (docs/method.md) as data, so the
 * analysis, the UI and the CLI read the
 * same rules. Labels shown to users live in the i18n files under the keys given here; the
 * English strings are the source wording and the CLI's text.
 */

/** The soul (role) each kind of seat plays: account → control, solution → support, project → attack. */
export const ROLE_OF_SEAT: Readonly<Record<SellerKind, Role>> = {
  account: 'control',
  solution: 'support',
  project: 'attack',
}

/** The seat that plays each role (inverse of ROLE_OF_SEAT). */
export const SEAT_OF_ROLE: Readonly<Record<Role, SellerKind>> = {
  control: 'account',
  support: 'solution',
  attack: 'project',
}

/** What each role wins with: control wins with trust 信, support with insight 慧, attack with strategy 智. */
export const WINS_WITH: Readonly<Record<Role, 'trust' | 'insight' | 'strategy'>> = {
  control: 'trust',
  support: 'insight',
  attack: 'strategy',
}

/** The roles each level has mastered: a level's seat is qualified only in these (docs/method.md#levels-and-qualification). */
export const ROLES_MASTERED: Readonly<Record<SellerLevel, readonly Role[]>> = {
  junior: [],
  mid: ['attack'],
  senior: ['attack', 'control'],
  top: ['attack', 'control', 'support'],
}

/** Higher is more senior; used to break ties in suggestions. */
export const LEVEL_RANK: Readonly<Record<SellerLevel, number>> = Object.fromEntries(
  SELLER_LEVELS.map((level, i) => [level, i]),
) as Record<SellerLevel, number>

/** A seat is qualified when the seller's level has mastered the seat's role. */
export function masters(level: SellerLevel, role: Role): boolean {
  return ROLES_MASTERED[level].includes(role)
}

/** Years known (whole, as of today) at which length reaches 2, 3, 4 and 5; under 1 year scores 1. */
export const LENGTH_THRESHOLDS_YEARS = [1, 2, 5, 10] as const

export type CadenceDays = Settings['cadenceDays']

/** Contact cadence by influence (days): high 30, medium 60, low 90; a workspace setting. */
export const DEFAULT_CADENCE_DAYS: CadenceDays = DEFAULT_SETTINGS.cadenceDays

/** How many recent cadence windows derived frequency looks back over. */
export const FREQUENCY_WINDOWS = 4

/**
 * The depth an advice-seeking contact shows: asking us for business advice trusts our
 * ability (3), for personal advice our character (4); other contacts show none.
 */
export function depthShownBy(channel: ContactChannel): number | undefined {
  if (channel === 'business-advice') return 3
  if (channel === 'personal-advice') return 4
  return undefined
}

/** The seller's depth with this person today (0 when not assessed). */
export function currentDepth(s: Pick<Stakeholder, 'relationships'>, sellerId: string): number {
  return s.relationships.find((r) => r.sellerId === sellerId)?.elements.depth ?? 0
}

/** The depth this contact suggests raising its seller's relationship to, when above today's. */
export function depthSuggestedBy(s: Pick<Stakeholder, 'relationships'>, contact: Pick<Contact, 'channel' | 'sellerId'>): number | undefined {
  const depth = depthShownBy(contact.channel)
  return depth !== undefined && currentDepth(s, contact.sellerId) < depth ? depth : undefined
}
