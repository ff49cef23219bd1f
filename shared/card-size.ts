import type { Influence } from './model/enums'

/**
 * The footprint of a stakeholder card by influence (high = larger). Layout, placement and
 * the card's CSS all use these numbers, so cards never overlap after a tidy.
 */
export const CARD_SIZE: Record<Influence, { width: number; height: number }> = {
  high: { width: 240, height: 128 },
  medium: { width: 216, height: 116 },
  low: { width: 196, height: 108 },
}

export function cardSize(influence: Influence): { width: number; height: number } {
  return CARD_SIZE[influence]
}
