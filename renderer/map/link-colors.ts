import type { LinkKind } from '@shared/model'

/** Line colours (Okabe–Ito, colour-blind safe); each kind also differs in dash pattern. */
export const LINK_COLORS: Record<LinkKind, string> = {
  'reports-to': '#4a5568',
  influences: '#0072B2',
  ally: '#009E73',
  conflict: '#D55E00',
}

/**
 * Seller → person (coverage) is not a line between people: Tol's purple with a dash-dot, so
 * it differs from every kind above in hue and in pattern (and so in greyscale too).
 */
export const COVERAGE_COLOR = '#AA3377'
export const COVERAGE_DASH = '10 3 2 3'
