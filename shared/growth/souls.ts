import { type Role, type SellerLevel } from '../model'
import { ROLES_MASTERED, masters } from '../method'

/**
 * The order in which a seller masters the three souls (docs/method.md#levels-and-qualification,
 * "Growth path"): attack first, then control, then support. It is read off ROLES_MASTERED,
 * the one rule of which level has mastered which soul, so the two can never disagree.
 */
export const GROWTH_ORDER: readonly Role[] = ['attack', 'control', 'support']

/** The souls a level has mastered, in the order they are learned. */
export function soulsMastered(level: SellerLevel): Role[] {
  return GROWTH_ORDER.filter((role) => ROLES_MASTERED[level].includes(role))
}

/**
 * The next soul to master: junior → attack, mid → control, senior → support; null for top,
 * who has mastered all three and now lifts the team.
 */
export function nextSoul(level: SellerLevel): Role | null {
  return GROWTH_ORDER.find((role) => !masters(level, role)) ?? null
}
