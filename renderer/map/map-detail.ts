import { createContext, useContext } from 'react'
import type { TFunction } from 'i18next'
import { STANCES, type Stance } from '@shared/model'
import type { Band } from '@shared/analysis/relationship-score'

/**
 * Level of detail. Below this zoom a full card's 13 px text is under ~7 screen pixels, too
 * small to read, yet its ~20 elements are what a pan repaints and a drag re-rasterises. So
 * zoomed out, each card is drawn as one light box (stance colour, icon, name in large type)
 * and the lines lose their dashes, arrowheads and wide hit areas.
 */
export const DETAIL_ZOOM = 0.55
/**
 * A map this small costs little to draw in full, and a meeting wants every card's stance,
 * role and owners even when the map is fitted beside a wide panel: small maps switch to
 * light cards only where full cards are truly unreadable.
 */
export const LARGE_MAP_CARDS = 150
export const SMALL_MAP_DETAIL_ZOOM = 0.3

/** The zoom below which cards are drawn light, for a map of this many cards. */
export function detailZoomFor(cardCount: number): number {
  return cardCount > LARGE_MAP_CARDS ? DETAIL_ZOOM : SMALL_MAP_DETAIL_ZOOM
}
/** Below this even the compact card's large name is under ~6 screen pixels: colour boxes only (CSS). */
export const FAR_ZOOM = 0.25

/** True while the map is zoomed out past DETAIL_ZOOM (decided once, at the map). */
export const CompactContext = createContext(false)
export const useCompact = () => useContext(CompactContext)

/**
 * The cards' translations, handed down by the map so 1,000 cards do not each hold a
 * react-i18next hook (and its language listeners). A new value on a language change
 * re-renders every card, as the hook would. Null where no map provides it (a card shown
 * elsewhere translates for itself).
 */
export interface CardLabels {
  t: TFunction<'map'>
  tr: TFunction<'relationships'>
  /** Looked up once, not once per card (the compact card's tooltip and strength dot). */
  stance: Record<Stance, string>
  band: Record<Band, string>
  stale: string
}
export const CardLabelsContext = createContext<CardLabels | null>(null)

const BANDS: readonly Band[] = ['strong', 'workable', 'weak', 'none']

export function cardLabels(t: TFunction<'map'>, tr: TFunction<'relationships'>): CardLabels {
  return {
    t,
    tr,
    stance: Object.fromEntries(STANCES.map((s) => [s, t(`stance.${s}`)])) as Record<Stance, string>,
    band: Object.fromEntries(BANDS.map((b) => [b, tr(`band.${b}`)])) as Record<Band, string>,
    stale: tr('stale'),
  }
}
