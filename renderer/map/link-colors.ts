import type { LinkKind } from '@shared/model'

/** Line colours (Okabe–Ito, colour-blind safe); each kind also differs in dash pattern. */
export const LINK_COLORS: Record<LinkKind, string> = {
  'reports-to': '#4a5568',
  influences: '#0072B2',
  ally: '#009E73',
  conflict: '#D55E00',
}
